import { describe, expect, it } from 'vitest';

import { inflatedCap, inflateLimits, inflateRefusal } from './inflate-limits.js';

describe('inflate limits', () => {
  const limits = inflateLimits({});

  it('caps a file by ratio above the 1 MiB floor and by size', () => {
    expect(inflatedCap(1000, limits)).toBe(2 ** 20);
    expect(inflatedCap(4 * 2 ** 20, limits)).toBe(400 * 2 ** 20);
    expect(inflatedCap(100 * 2 ** 20, limits)).toBe(512 * 2 ** 20);
  });

  it('words a bomb for any kind of file: a boundary file is neither police.uk nor a partner file', () => {
    // QA: a boundary .gz bomb was refused as something "no police.uk or partner file does".
    const refusal = inflateRefusal('wards.geojson.gz', 400 * 1024, limits).message;
    expect(refusal).toBe(
      "wards.geojson.gz: inflates to more than 100 times its compressed size (400 KiB to over 39.1 MiB), which no genuine data file (police.uk, ONS or a partner's) does: it looks like a compression bomb; nothing imported from it (if the file is genuine, raise the limit with LANTERN_MAX_COMPRESSION_RATIO)",
    );
    expect(inflateRefusal('big.csv.gz', 10 * 2 ** 20, limits).message).toMatch(
      /^big\.csv\.gz: inflates to more than 512 MiB, the most Lantern reads from one compressed file/u,
    );
  });

  it('refuses a limit that is not a positive number, naming it', () => {
    expect(() => inflateLimits({ LANTERN_MAX_COMPRESSION_RATIO: '0' })).toThrow(
      'LANTERN_MAX_COMPRESSION_RATIO: "0" is not a positive number',
    );
  });
});
