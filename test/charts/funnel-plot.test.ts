/** funnelPlot: which areas are flagged and labelled, the limit lines, and the alt text. */
import { describe, expect, it } from 'vitest';

import { funnelPlot } from '../../src/charts/index.js';
import type { FunnelPlotInput } from '../../src/charts/index.js';
import { all, layer, parseXml, texts, triangleDirection } from './xml.js';

/** Flat limits, so each area's flag is plain: 95% 3–7, 99.8% 2–8 around a rate of 5. */
const limits = [1_000, 100_000].map((population) => ({
  population,
  low95: 3,
  high95: 7,
  low998: 2,
  high998: 8,
}));

const input: FunnelPlotInput = {
  id: 'funnel',
  title: 'Burglary rate by district',
  rate: 5,
  limits,
  areas: [
    { name: 'Alpha', count: 90, population: 10_000 }, // 9.0: above 99.8%
    { name: 'Bravo', count: 150, population: 20_000 }, // 7.5: above 95% only
    { name: 'Charlie', count: 250, population: 50_000, highlight: true }, // 5.0: within
    { name: 'Delta', count: 40, population: 40_000 }, // 1.0: below 99.8%
    { name: 'Echo', count: 200, population: 40_000 }, // 5.0: within
  ],
};

describe('funnelPlot', () => {
  it('describes which areas are above and below which limits', () => {
    const desc = all(parseXml(funnelPlot(input)), 'desc')[0]?.text;
    expect(desc).toBe(
      'Burglary rate by district: rates per 1,000 for 5 areas against population, with 95% and ' +
        '99.8% control limits around the overall rate of 5.0. Above the 99.8% upper limit: ' +
        'Alpha (9.0); above the 95% upper limit only: Bravo (7.5); below the 99.8% lower limit: ' +
        'Delta (1.0); 2 within. Charlie (highlighted) is 5.0 per 1,000, within the limits.',
    );
  });

  it('says which limits are drawn, in the alt text and the legend, when told', () => {
    for (const [kind, words, legend] of [
      [
        'overdispersed',
        'allowing for the usual spread between areas (overdispersion)',
        '(overdispersed)',
      ],
      ['poisson', 'for chance alone (Poisson)', '(Poisson)'],
    ] as const) {
      const root = parseXml(funnelPlot({ ...input, limitsKind: kind }));
      expect(all(root, 'desc')[0]?.text).toContain(
        `99.8% control limits ${words} around the overall rate`,
      );
      expect(texts(root)).toEqual(
        expect.arrayContaining([`95% limits ${legend}`, `99.8% limits ${legend}`]),
      );
    }
  });

  it('draws one marker per area, shaped by the side it falls', () => {
    const points = layer(parseXml(funnelPlot(input)), 'points')!;
    const paths = all(points, 'path');
    expect(paths.map((p) => triangleDirection(p.attrs.d ?? ''))).toEqual(['up', 'up', 'down']);
    // Two within-limit circles plus the highlight ring.
    expect(all(points, 'circle')).toHaveLength(3);
    // Filled beyond 99.8%, outline beyond 95% only.
    const fills = paths.map((p) => p.attrs.fill);
    expect(fills[1]).toBe('#ffffff');
    expect(fills[0]).not.toBe('#ffffff');
  });

  it('labels the highlighted area and the areas beyond 99.8%, and no others', () => {
    const labels = texts(layer(parseXml(funnelPlot(input)), 'labels'));
    expect(labels).toEqual(['Charlie', 'Alpha', 'Delta']);
  });

  it('draws 95% limits dashed, 99.8% solid, and the overall rate, clipped to the plot', () => {
    const root = parseXml(funnelPlot(input));
    const lines = layer(root, 'limits')!;
    expect(lines.attrs['clip-path']).toBe('url(#funnel-clip)');
    const paths = all(lines, 'path');
    expect(paths.filter((p) => p.attrs['stroke-dasharray'] !== undefined)).toHaveLength(2);
    expect(paths.filter((p) => p.attrs['stroke-dasharray'] === undefined)).toHaveLength(2);
    expect(all(lines, 'line')).toHaveLength(1);
  });

  it('leaves out areas with no population and says so', () => {
    const svg = funnelPlot({
      ...input,
      areas: [...input.areas, { name: 'Nowhere', count: 0, population: 0 }],
    });
    expect(all(parseXml(svg), 'desc')[0]?.text).toMatch(/1 area with no population is left out\.$/);
  });

  it('says all are within when none is flagged', () => {
    const svg = funnelPlot({ ...input, areas: [{ name: 'Echo', count: 200, population: 40_000 }] });
    expect(all(parseXml(svg), 'desc')[0]?.text).toContain('All areas are within the 95% limits.');
  });

  it('draws a "No data" chart when there are no areas', () => {
    const root = parseXml(funnelPlot({ ...input, areas: [] }));
    expect(texts(root)).toContain('No data');
  });

  it('refuses a negative count', () => {
    expect(() =>
      funnelPlot({ ...input, areas: [{ name: 'Bad', count: -1, population: 10 }] }),
    ).toThrow(RangeError);
  });
});
