/**
 * trendChart: the line, its gaps, the expected band and the out-of-range markers, checked on the
 * parsed SVG, and the alt text for worked cases.
 */
import { describe, expect, it } from 'vitest';

import { trendChart } from '../../src/charts/index.js';
import type { TrendMonth } from '../../src/charts/index.js';
import { cutTexts } from './text-boxes.js';
import { all, layer, parseXml, texts, triangleDirection } from './xml.js';

const month = (i: number) => `2025-${String(i + 1).padStart(2, '0')}`;

/** 12 months totalling 412, all within 20–50 except March (60). */
const COUNTS = [30, 28, 60, 35, 33, 31, 29, 27, 30, 36, 25, 48];
const year = (counts: (number | null)[] = COUNTS): TrendMonth[] =>
  counts.map((count, i) => ({ month: month(i), count, expectedLow: 20, expectedHigh: 50 }));

const render = (months: TrendMonth[], title = 'Monthly burglary counts in Three Rivers') =>
  trendChart({ id: 'trend', title, months });

const markers = (svg: string) => {
  const points = layer(parseXml(svg), 'points');
  const paths = points === undefined ? [] : all(points, 'path');
  return {
    circles: points === undefined ? 0 : all(points, 'circle').length,
    up: paths.filter((p) => triangleDirection(p.attrs.d ?? '') === 'up').length,
    down: paths.filter((p) => triangleDirection(p.attrs.d ?? '') === 'down').length,
  };
};

describe('trendChart', () => {
  it('describes the worked example in one sentence', () => {
    expect(COUNTS.reduce((a, b) => a + b)).toBe(412);
    const root = parseXml(render(year()));
    expect(all(root, 'desc')[0]?.text).toBe(
      'Monthly burglary counts in Three Rivers, January 2025 to December 2025: 412 in all, ' +
        'within the expected range every month except March 2025 (above).',
    );
  });

  it('draws one point a month, a triangle up above the band and down below it', () => {
    const counts = [...COUNTS];
    counts[6] = 12;
    expect(markers(render(year(counts)))).toEqual({ circles: 10, up: 1, down: 1 });
    const desc = all(parseXml(render(year(counts))), 'desc')[0]?.text;
    expect(desc).toContain('except March 2025 (above) and July 2025 (below)');
  });

  it('shows the band as one shaded area and labels the out-of-range counts', () => {
    const root = parseXml(render(year()));
    expect(all(layer(root, 'band')!, 'path')).toHaveLength(1);
    expect(texts(layer(root, 'labels'))).toEqual(['60']);
    expect(texts(layer(root, 'legend'))).toEqual([
      'Monthly count',
      'Expected range',
      'Above expected range',
    ]);
  });

  it('leaves a gap for a null month and for a month missing from the input, and says so', () => {
    const months = year([30, 28, 31, null, 33, 31, 29, 27, 30, 36, 25, 28]).filter(
      (m) => m.month !== '2025-09',
    );
    const root = parseXml(render(months));
    expect(all(layer(root, 'line')!, 'path')).toHaveLength(3);
    expect(all(layer(root, 'missing')!, 'rect')).toHaveLength(2);
    expect(markers(render(months)).circles).toBe(10);
    expect(all(root, 'desc')[0]?.text).toBe(
      'Monthly burglary counts in Three Rivers, January 2025 to December 2025: ' +
        '298 in the 10 months with data, within the expected range every month. ' +
        'No data for April 2025 and September 2025: the line has a gap there.',
    );
    expect(texts(layer(root, 'legend'))).toContain('No data');
  });

  it('draws a month held but not shown (small numbers) as a gap named apart from no data', () => {
    const months: TrendMonth[] = year([30, 28, 31, 3, 33, null, 29, 27, 30, 36, 25, 28]).map((m) =>
      m.count === 3 ? { ...m, hidden: true } : m,
    );
    const root = parseXml(render(months));
    expect(markers(render(months)).circles).toBe(10);
    expect(all(root, 'desc')[0]?.text).toBe(
      'Monthly burglary counts in Three Rivers, January 2025 to December 2025: ' +
        '297 in the 10 months shown, within the expected range every month. ' +
        'No data for June 2025: the line has a gap there. ' +
        'Not shown for April 2025 (to protect small numbers).',
    );
    expect(texts(layer(root, 'legend'))).toEqual([
      'Monthly count',
      'Expected range',
      'No data',
      'Not shown (to protect small numbers)',
    ]);
    // The hidden count is nowhere in the chart.
    expect(render(months)).not.toMatch(/>3</u);
    const none = parseXml(render(months.map((m) => ({ ...m, hidden: true }))));
    expect(texts(none)).toContain('Not shown (to protect small numbers)');
    expect(all(none, 'desc')[0]?.text).toMatch(
      /no month's count is shown \(to protect small numbers\)/u,
    );
  });

  it('labels months "Jan 25" style, every month when there is room', () => {
    const labels = texts(layer(parseXml(render(year())), 'x-axis'));
    expect(labels).toEqual([
      'Jan 25',
      'Feb 25',
      'Mar 25',
      'Apr 25',
      'May 25',
      'Jun 25',
      'Jul 25',
      'Aug 25',
      'Sep 25',
      'Oct 25',
      'Nov 25',
      'Dec 25',
    ]);
  });

  it('thins month labels on a long series, keeping them on calendar quarters', () => {
    const months = Array.from({ length: 60 }, (_, i) => ({
      month: `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      count: 10,
    }));
    const labels = texts(layer(parseXml(trendChart({ id: 't', title: 'T', months })), 'x-axis'));
    expect(labels.length).toBeLessThanOrEqual(12);
    expect(labels[0]).toBe('Jan 21');
    expect(labels.every((l) => /^(Jan|Apr|Jul|Oct) \d\d$/.test(l))).toBe(true);
  });

  it('draws a single month as a point without a line', () => {
    const svg = trendChart({ id: 't', title: 'Arson', months: [{ month: '2025-06', count: 12 }] });
    const root = parseXml(svg);
    expect(layer(root, 'line')).toBeUndefined();
    expect(markers(svg)).toEqual({ circles: 1, up: 0, down: 0 });
    expect(all(root, 'desc')[0]?.text).toBe('Arson, June 2025: 12.');
  });

  it('draws all-zero data on a 0–4 axis', () => {
    const months = [0, 1, 2].map((i) => ({ month: month(i), count: 0 }));
    const root = parseXml(trendChart({ id: 't', title: 'Arson', months, unit: 'fires' }));
    expect(texts(layer(root, 'grid'))).toEqual(['0', '1', '2', '3', '4']);
    expect(all(root, 'desc')[0]?.text).toBe('Arson, January 2025 to March 2025: 0 fires in all.');
  });

  it('names the highest and lowest month when there is no expected range', () => {
    const months = [5, 9, 2].map((count, i) => ({ month: month(i), count }));
    const desc = all(parseXml(trendChart({ id: 't', title: 'Robbery', months })), 'desc')[0]?.text;
    expect(desc).toBe(
      'Robbery, January 2025 to March 2025: 16 in all, ' +
        'highest in February 2025 (9) and lowest in March 2025 (2).',
    );
  });

  it('draws a "No data" chart for no months and for months without counts', () => {
    for (const months of [[], [{ month: '2025-01', count: null }]]) {
      const root = parseXml(trendChart({ id: 't', title: 'Burglary', months }));
      expect(texts(root)).toContain('No data');
    }
    const desc = all(
      parseXml(
        trendChart({ id: 't', title: 'Burglary', months: [{ month: '2025-01', count: null }] }),
      ),
      'desc',
    )[0]?.text;
    expect(desc).toBe('Burglary, January 2025: no data for any month.');
  });

  it('wraps a long title onto two lines, cuts it only beyond that, and keeps it whole in <title>', () => {
    const two = `Burglary in ${'a long place name '.repeat(5)}`.trim();
    const root2 = parseXml(render(year(), two));
    const head = all(root2, 'text').filter((t) => t.attrs['font-size'] === '14');
    expect(head.map((t) => t.text).join(' ')).toBe(two);
    expect(head).toHaveLength(2);
    expect(cutTexts(root2)).toEqual([]);
    const title = `Burglary in ${'a very long place name '.repeat(8)}`.trim();
    const root = parseXml(render(year(), title));
    expect(all(root, 'title')[0]?.text).toBe(title);
    const shown = all(root, 'text').filter((t) => t.attrs['font-size'] === '14');
    expect(shown).toHaveLength(2);
    expect(shown[1]?.text.endsWith('…')).toBe(true);
  });

  describe('a long gap (issue 16)', () => {
    // 2021, then nothing held for three years, then 2025: as the demo store holds violence.
    const held = (y: number) =>
      Array.from({ length: 12 }, (_, i) => ({
        month: `${y}-${String(i + 1).padStart(2, '0')}`,
        count: 150 + ((i * 7) % 40),
        expectedLow: 100,
        expectedHigh: 250,
      }));
    const months: TrendMonth[] = [...held(2021), ...held(2025)];
    const svg = trendChart({ id: 't', title: 'Violence and sexual offences by month', months });
    const root = parseXml(svg);
    const points = all(layer(root, 'points')!, 'circle').map((c) => Number(c.attrs.cx));

    it('compresses it into an axis break that says what it is', () => {
      const breaks = all(root, 'g').filter((g) => g.attrs['data-layer'] === 'axis-break');
      expect(breaks).toHaveLength(1);
      expect(texts(breaks[0])).toEqual(['No data', '36 months']);
      // The slashes across the baseline.
      expect(all(breaks[0]!, 'line')).toHaveLength(2);
      // No grey column of 36 months' width: the missing layer holds no rectangle.
      expect(layer(root, 'missing')).toBeUndefined();
    });

    it('gives the months held most of the width (the break an eighth at most)', () => {
      const [x0, x1, w] = [points[0]!, points[points.length - 1]!, Number(root.attrs.width)];
      expect(x1 - x0).toBeGreaterThan(w * 0.8);
      const gap = (points[12] ?? 0) - (points[11] ?? 0);
      const step = (points[1] ?? 0) - (points[0] ?? 0);
      expect(gap - step).toBeLessThan(w / 8);
      // Before the fix the 36 empty months took 60% of the width.
      expect(gap).toBeLessThan((x1 - x0) * 0.2);
    });

    it('labels the months either side of the break, and no label is cut', () => {
      const labels = texts(layer(root, 'x-axis'));
      expect(labels).toContain('Dec 21');
      expect(labels).toContain('Jan 25');
      expect(cutTexts(root)).toEqual([]);
    });

    it('says in the alt text which months have no data', () => {
      expect(all(root, 'desc')[0]?.text).toContain(
        'No data for January 2022 to December 2024: the line has a gap there.',
      );
    });

    it('leaves a short gap (under six months) at its true width', () => {
      const short = [...held(2025)].map((m, i) => (i >= 4 && i < 7 ? { ...m, count: null } : m));
      const r = parseXml(trendChart({ id: 't', title: 'T', months: short }));
      expect(all(r, 'g').some((g) => g.attrs['data-layer'] === 'axis-break')).toBe(false);
      expect(all(layer(r, 'missing')!, 'rect')).toHaveLength(1);
    });
  });

  it('refuses counts that cannot be counts, and malformed or repeated months', () => {
    expect(() => render([{ month: '2025-01', count: -1 }])).toThrow(RangeError);
    expect(() => render([{ month: '2025-1', count: 1 }])).toThrow(/not YYYY-MM/);
    expect(() =>
      render([
        { month: '2025-01', count: 1 },
        { month: '2025-01', count: 2 },
      ]),
    ).toThrow(/more than once/);
  });
});
