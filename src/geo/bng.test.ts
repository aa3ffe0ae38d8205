import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';

import { BNG_PROJECTION, fromBng, toBng } from './bng.js';

describe('British National Grid', () => {
  it('projects as Ordnance Survey’s worked example does (OSGB36 latitude/longitude to grid)', () => {
    // "A guide to coordinate systems in Great Britain", Annex C: 52°39′27.2531″N 1°43′4.5177″E
    // on the Airy 1830 ellipsoid is E 651409.903, N 313177.270.
    const airy = proj4('+proj=longlat +ellps=airy +no_defs', BNG_PROJECTION);
    const [e, n] = airy.forward([1 + 43 / 60 + 4.5177 / 3600, 52 + 39 / 60 + 27.2531 / 3600]);
    expect(e).toBeCloseTo(651409.903, 2);
    expect(n).toBeCloseTo(313177.27, 2);
  });

  it('shifts WGS84 to OSGB36 by the Helmert transformation: about 100 m in the south of England', () => {
    // The same longitude/latitude read as WGS84 rather than OSGB36 lands some 70–130 m away.
    const airy = proj4('+proj=longlat +ellps=airy +no_defs', BNG_PROJECTION);
    const [lon, lat] = [-0.4756, 51.6402];
    const [e1, n1] = toBng(lon, lat);
    const [e2, n2] = airy.forward([lon, lat]);
    const shift = Math.hypot(e1 - e2, n1 - n2);
    expect(shift).toBeGreaterThan(50);
    expect(shift).toBeLessThan(150);
  });

  it('goes back to where it started', () => {
    for (const [lon, lat] of [
      [-0.4756, 51.6402],
      [-3.1883, 55.9533],
      [1.2974, 52.6309],
    ] as const) {
      const [back, lat2] = fromBng(...toBng(lon, lat));
      expect(back).toBeCloseTo(lon, 7);
      expect(lat2).toBeCloseTo(lat, 7);
    }
  });
});
