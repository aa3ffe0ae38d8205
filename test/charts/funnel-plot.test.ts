/** funnelPlot: which areas are flagged and labelled, the limit lines, and the alt text. */
import { describe, expect, it } from 'vitest';

import { funnelPlot } from '../../src/charts/index.js';
import type { FunnelPlotInput } from '../../src/charts/index.js';
import { funnelLabelProblems, labelBoxes, markerBoxes } from './funnel-geometry.js';
import { cutTexts } from './text-boxes.js';
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
        'allowing for chance and the usual spread between areas',
        '(chance and usual spread)',
      ],
      ['poisson', 'for chance alone', '(chance alone)'],
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

  it('names every area, the highlighted one first, in bold', () => {
    const labels = all(layer(parseXml(funnelPlot(input)), 'labels')!, 'text');
    expect(labels.map((t) => t.text).sort()).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Delta',
      'Echo',
    ]);
    expect(labels[0]?.text).toBe('Charlie');
    expect(labels[0]?.attrs['font-weight']).toBe('bold');
  });

  describe('labels without overlaps (issue 16)', () => {
    // Ten districts of 90,000 to 155,000 people around a rate of 30, as Hertfordshire's are.
    const herts: FunnelPlotInput = {
      id: 'herts',
      title: 'Violence and sexual offences: districts compared',
      rate: 29.6,
      limits: [70_000, 120_000, 170_000].map((population) => ({
        population,
        low95: 19.7,
        high95: 41.5,
        low998: 15.3,
        high998: 49.8,
      })),
      areas: [
        ['Stevenage', 3_900, 89_500],
        ['Three Rivers', 2_182, 93_800],
        ['Broxbourne', 2_880, 98_900],
        ['Watford', 3_840, 102_000],
        ['Hertsmere', 3_250, 107_800],
        ['Welwyn Hatfield', 4_240, 120_500],
        ['North Hertfordshire', 3_200, 133_200],
        ['St Albans', 3_570, 147_900],
        ['East Hertfordshire', 3_680, 150_000],
        ['Dacorum', 4_730, 155_000],
      ].map(([name, count, population]) => ({
        name: name as string,
        count: count as number,
        population: population as number,
        highlight: name === 'Three Rivers',
      })),
    };
    // Thirty areas of almost the same size and rate: too many names for the room.
    const crowded: FunnelPlotInput = {
      ...herts,
      id: 'crowded',
      areas: Array.from({ length: 30 }, (_, i) => ({
        name: `District number ${i + 1}`,
        count: 2_900 + (i % 5) * 40,
        population: 100_000 + i * 300,
      })),
    };

    for (const [name, sample] of [
      ['ten districts', herts],
      ['thirty crowded areas', crowded],
    ] as const) {
      it(`${name}: every area named or numbered, no label over another, a marker or a line`, () => {
        const root = parseXml(funnelPlot(sample));
        expect(
          funnelLabelProblems(
            root,
            sample.areas.map((a) => a.name),
          ),
        ).toEqual([]);
        expect(cutTexts(root)).toEqual([]);
      });
    }

    it('names all ten districts (no key needed)', () => {
      const root = parseXml(funnelPlot(herts));
      expect(layer(root, 'key')).toBeUndefined();
      expect(labelBoxes(root)).toHaveLength(10);
    });

    it('spreads the population axis over the areas rather than from 0', () => {
      const root = parseXml(funnelPlot(herts));
      expect(texts(layer(root, 'x-axis'))[0]).not.toBe('0');
      const xs = markerBoxes(root).map((b) => (b.x0 + b.x1) / 2);
      expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(Number(root.attrs.width) * 0.6);
    });

    it('numbers the crowded areas whose names do not fit, in a key under the legend', () => {
      const root = parseXml(funnelPlot(crowded));
      const key = texts(layer(root, 'key'));
      expect(key[0]).toMatch(/^Numbered: 1 District number \d+ · 2 /);
    });
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
