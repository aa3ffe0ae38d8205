/**
 * The trend chart's forecast: without one, the chart is byte for byte what it was before the
 * forecast was added (the report's figures depend on it: the golden files were written by the
 * function as it stood); with one, a dashed line on from the last month held, the 95% and 80%
 * prediction bands, the x axis running on to the last month forecast, a legend entry and alt text
 * that says what is forecast.
 */
import { describe, expect, it } from 'vitest';

import { trendChart } from '../../src/charts/index.js';
import type { TrendChartInput, TrendForecastMonth } from '../../src/charts/index.js';
import { expectGolden } from '../helpers/golden.js';
import { trendForecastSample, trendGapSample, trendSample } from './samples.js';
import { cutTexts } from './text-boxes.js';
import { all, layer, parseXml, pathPoints, texts } from './xml.js';
import type { XmlElement } from './xml.js';

const m = (y: number, i: number) => `${y}-${String(i + 1).padStart(2, '0')}`;

/** Inputs drawn before the forecast existed, each kept as a golden SVG. */
const UNCHANGED: Record<string, TrendChartInput> = {
  sample: trendSample,
  gap: trendGapSample,
  hidden: {
    id: 'hidden',
    title: 'Robbery in Watford',
    unit: 'robberies',
    width: 480,
    height: 260,
    months: [4, 6, 2, null, 9, 5, 7].map((count, i) => ({
      month: m(2024, i + 3),
      count,
      hidden: count === 2,
      expectedLow: 3,
      expectedHigh: 8,
    })),
  },
  'no-band': {
    id: 'no-band',
    title: 'Arson',
    months: Array.from({ length: 30 }, (_, i) => ({
      month: m(2023 + Math.floor(i / 12), i % 12),
      count: (i * 7) % 11,
    })),
  },
  single: { id: 'one', title: 'Shoplifting', months: [{ month: '2025-06', count: 12 }] },
  empty: { id: 'empty', title: 'Burglary', months: [] },
};

describe('trendChart without a forecast', () => {
  it.each(Object.keys(UNCHANGED))('draws %s byte for byte as before', (name) => {
    expectGolden(
      new URL(`__snapshots__/trend-unchanged-${name}.svg`, import.meta.url),
      trendChart(UNCHANGED[name]!),
    );
  });
});

const FORECAST = trendForecastSample.forecast ?? [];
const without80 = (f: readonly TrendForecastMonth[]) =>
  f.map(({ month, expected, low95, high95 }) => ({ month, expected, low95, high95 }));
const desc = (root: XmlElement) => all(root, 'desc')[0]?.text;
const layerOf = (root: XmlElement, name: string) => {
  const g = layer(root, name);
  expect(g, `layer ${name}`).toBeDefined();
  return g as XmlElement;
};

describe('trendChart with a forecast', () => {
  const root = parseXml(trendChart(trendForecastSample));

  it('says in the alt text what is forecast, after what was counted', () => {
    expect(desc(root)).toBe(
      'Monthly burglary counts in Three Rivers, January 2025 to December 2025: 356 burglaries in ' +
        'the 11 months with data, within the expected range every month except March 2025 ' +
        '(above) and November 2025 (below). No data for May 2025: the line has a gap there. ' +
        'Forecast for January to March 2026: about 17 burglaries a month, 95% range 5 to 33.',
    );
    const one = trendChart({ ...trendForecastSample, forecast: FORECAST.slice(0, 1) });
    expect(desc(parseXml(one))).toMatch(
      / Forecast for January 2026: about 17 burglaries, 95% range 5 to 33\.$/u,
    );
    const across = trendChart({
      id: 't',
      title: 'Robbery',
      months: [{ month: '2025-11', count: 4 }],
      forecast: [
        { month: '2025-12', expected: 3.64, low95: 0, high95: 8 },
        { month: '2026-01', expected: 4.2, low95: 1, high95: 9 },
      ],
    });
    expect(desc(parseXml(across))).toBe(
      'Robbery, November 2025: 4. Forecast for December 2025 to January 2026: about 3.9 a month, ' +
        '95% range 0 to 9.',
    );
  });

  it('runs the month axis on to the last month forecast', () => {
    const labels = texts(layerOf(root, 'x-axis'));
    expect(labels).toContain('Jan 26');
    expect(labels.at(-1)).toBe('Mar 26');
    // A tick for each of the 15 months.
    expect(all(layerOf(root, 'x-axis'), 'line').length).toBeGreaterThanOrEqual(15);
    const plain = texts(layerOf(parseXml(trendChart(trendSample)), 'x-axis'));
    expect(plain.at(-1)).toBe('Dec 25');
  });

  it('continues the line dashed from the last count, through an open point a month', () => {
    const g = layerOf(root, 'forecast');
    const [line, ...rest] = all(g, 'path');
    expect(rest).toHaveLength(0);
    expect(line?.attrs['stroke-dasharray']).toBe('5 4');
    const dots = all(g, 'circle');
    expect(dots).toHaveLength(3);
    expect(dots.every((d) => d.attrs.fill === '#ffffff')).toBe(true);
    // It starts at December's point and runs through the three expected counts, left to right.
    const december = all(layerOf(root, 'points'), 'circle').at(-1)!;
    const pts = pathPoints(line?.attrs.d ?? '');
    expect(pts).toHaveLength(4);
    expect(pts[0]).toEqual([Number(december.attrs.cx), Number(december.attrs.cy)]);
    expect(pts.slice(1)).toEqual(dots.map((d) => [Number(d.attrs.cx), Number(d.attrs.cy)]));
    // The observed line does not run into the forecast months.
    const observed = all(layerOf(root, 'line'), 'path').flatMap((p) => pathPoints(p.attrs.d ?? ''));
    expect(Math.max(...observed.map((p) => p[0]))).toBe(pts[0]?.[0]);
  });

  it('draws the 95% band, the 80% band darker within it, both fanning out from the last count', () => {
    const bands = all(layerOf(root, 'forecast-band'), 'path');
    expect(bands).toHaveLength(2);
    const [outer, inner] = bands.map((b) => pathPoints(b.attrs.d ?? ''));
    expect(Number(bands[1]?.attrs['fill-opacity'])).toBeGreaterThan(
      Number(bands[0]?.attrs['fill-opacity']),
    );
    // Past the shared start, at December's count.
    const ys = (pts: [number, number][] | undefined) => (pts ?? []).slice(1).map((p) => p[1]);
    // Screen y grows downwards: the 95% band reaches higher and lower than the 80% band.
    expect(Math.min(...ys(outer))).toBeLessThan(Math.min(...ys(inner)));
    expect(Math.max(...ys(outer))).toBeGreaterThan(Math.max(...ys(inner)));
    const start = pathPoints(all(layerOf(root, 'forecast'), 'path')[0]?.attrs.d ?? '')[0];
    expect(outer?.[0]).toEqual(start);
    expect(inner?.[0]).toEqual(start);
    expect(texts(layerOf(root, 'forecast-band'))).toEqual(['Forecast']);
  });

  it('names it in the legend, with the intervals it draws', () => {
    expect(texts(layerOf(root, 'legend'))).toEqual([
      'Monthly count',
      'Forecast, 80% and 95% prediction intervals',
      'Expected range',
      'Above expected range',
      'Below expected range',
      'No data',
    ]);
    const only95 = parseXml(trendChart({ ...trendForecastSample, forecast: without80(FORECAST) }));
    expect(texts(layerOf(only95, 'legend'))).toContain('Forecast, 95% prediction interval');
    expect(all(layerOf(only95, 'forecast-band'), 'path')).toHaveLength(1);
  });

  it('shortens the legend entry on a narrow chart rather than cut it', () => {
    const narrow = parseXml(trendChart({ ...trendForecastSample, width: 280, height: 260 }));
    expect(cutTexts(narrow)).toEqual([]);
    expect(texts(layerOf(narrow, 'legend'))).toContain('Forecast, 80% and 95% intervals');
  });

  it('scales the value axis to hold the whole 95% band', () => {
    const high = trendChart({
      ...trendForecastSample,
      forecast: [{ month: '2026-01', expected: 40, low95: 20, high95: 95 }],
    });
    const grid = texts(layerOf(parseXml(high), 'grid')).map(Number);
    expect(Math.max(...grid)).toBeGreaterThanOrEqual(95);
  });

  it('starts afresh, with no link to the last count, when that month has no count', () => {
    const months = trendSample.months.map((m, i) => (i === 11 ? { ...m, count: null } : m));
    const svg = parseXml(trendChart({ ...trendForecastSample, months }));
    const pts = pathPoints(all(layerOf(svg, 'forecast'), 'path')[0]?.attrs.d ?? '');
    expect(pts).toHaveLength(3);
    expect(desc(svg)).toMatch(/No data for May 2025 and December 2025/u);
  });

  it('refuses a forecast that is not after the months given, or not a range', () => {
    const f = FORECAST[0]!;
    const bad = (forecast: TrendForecastMonth[]) => () =>
      trendChart({ ...trendForecastSample, forecast });
    expect(bad([{ ...f, month: '2025-12' }])).toThrow(
      /forecast: 2025-12 is not after the last month given \(December 2025\)/u,
    );
    expect(bad([f, f])).toThrow(/forecast: 2026-01 appears more than once/u);
    expect(bad([{ ...f, low95: 20 }])).toThrow(/expected 17 is not within its 95% interval/u);
    expect(bad([{ ...f, high80: 40 }])).toThrow(/80% interval 10 to 40 is not within the 95%/u);
    expect(bad([{ ...f, high80: undefined }])).toThrow(/needs both low80 and high80/u);
    expect(bad([{ ...f, expected: Number.NaN }])).toThrow(/numbers ≥ 0/u);
  });
});
