/**
 * The trend chart's forecast: without one, the chart is byte for byte what it was before the
 * forecast was added (the report's figures depend on it: the golden files were written by the
 * function as it stood); with one, a dashed line on from the last month held, the 95% and 80%
 * prediction bands, the x axis running on to the last month forecast, a legend entry and alt text
 * that says what is forecast.
 */
import { describe, it } from 'vitest';

import { expectGolden } from '../../test/helpers/golden.js';
import { trendGapSample, trendSample } from '../../test/charts/samples.js';
import { trendChart } from './trend-chart.js';
import type { TrendChartInput } from './trend-chart.js';

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
      new URL(`../../test/charts/__snapshots__/trend-unchanged-${name}.svg`, import.meta.url),
      trendChart(UNCHANGED[name]!),
    );
  });
});
