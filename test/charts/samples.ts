/**
 * Sample inputs close to what the assessment report draws (Three Rivers, burglary, 2025), shared
 * by the chart tests and written out as SVG files for a person to look at.
 */
import {
  barChart,
  changeArrow,
  choroplethMap,
  funnelPlot,
  hotspotMap,
  riskMatrix,
  trendChart,
} from '../../src/charts/index.js';
import type {
  BarChartInput,
  ChoroplethMapInput,
  FunnelPlotInput,
  HotspotCell,
  HotspotMapInput,
  RiskMatrixInput,
  TrendChartInput,
} from '../../src/charts/index.js';

const COUNTS = [31, 28, 52, 35, null, 33, 29, 27, 30, 36, 14, 41];

export const trendSample: TrendChartInput = {
  id: 'burglary-trend',
  title: 'Monthly burglary counts in Three Rivers',
  unit: 'burglaries',
  months: COUNTS.map((count, i) => ({
    month: `2025-${String(i + 1).padStart(2, '0')}`,
    count,
    expectedLow: 22 + (i % 3),
    expectedHigh: 42 + (i % 4),
  })),
};

/** The sample with three months forecast, as the forecast command gives them (rounded). */
export const trendForecastSample: TrendChartInput = {
  ...trendSample,
  id: 'burglary-forecast',
  forecast: [
    { month: '2026-01', expected: 17, low80: 10, high80: 25, low95: 5, high95: 33 },
    { month: '2026-02', expected: 16, low80: 9, high80: 24, low95: 5, high95: 31 },
    { month: '2026-03', expected: 18, low80: 10, high80: 26, low95: 6, high95: 33 },
  ],
};

const OVERALL = 5.2;

/** Normal-approximation limits around a rate per 1,000 (the real ones come from analysis). */
function limitsAt(population: number) {
  const expected = (OVERALL / 1000) * population;
  const at = (z: number) => Math.max(0, ((expected + z * Math.sqrt(expected)) / population) * 1000);
  return { population, low95: at(-1.96), high95: at(1.96), low998: at(-3.09), high998: at(3.09) };
}

export const funnelSample: FunnelPlotInput = {
  id: 'burglary-funnel',
  title: 'Burglary rate by district, Hertfordshire, 2025',
  rate: OVERALL,
  areas: [
    { name: 'Broxbourne', count: 560, population: 99_000 },
    { name: 'Dacorum', count: 790, population: 155_000 },
    { name: 'East Hertfordshire', count: 640, population: 151_000 },
    { name: 'Hertsmere', count: 690, population: 108_000 },
    { name: 'North Hertfordshire', count: 700, population: 134_000 },
    { name: 'St Albans', count: 720, population: 149_000 },
    { name: 'Stevenage', count: 520, population: 90_000 },
    { name: 'Three Rivers', count: 455, population: 94_000, highlight: true },
    { name: 'Watford', count: 610, population: 102_000 },
    { name: 'Welwyn Hatfield', count: 560, population: 123_000 },
  ],
  limits: Array.from({ length: 40 }, (_, i) => limitsAt(Math.round(20_000 * 1.07 ** i))),
};

/** A blob of an outline around (506000, 195000), about 12 km by 10 km, and 250 m cells in it. */
const OUTLINE: [number, number][] = Array.from({ length: 72 }, (_, i) => {
  const a = (i / 72) * 2 * Math.PI;
  const r = 1 + 0.12 * Math.sin(3 * a) + 0.06 * Math.cos(5 * a);
  return [
    Math.round(506_000 + 6_000 * r * Math.cos(a)),
    Math.round(195_000 + 5_000 * r * Math.sin(a)),
  ];
});

function inside(x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = OUTLINE.length - 1; i < OUTLINE.length; j = i++) {
    const [xi, yi] = OUTLINE[i] as [number, number];
    const [xj, yj] = OUTLINE[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A small deterministic generator (mulberry32), so the sample is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hotspotCells(): HotspotCell[] {
  const cells: HotspotCell[] = [];
  const next = random(42);
  const peaks = [
    [503_400, 196_200, 30],
    [508_600, 193_100, 22],
    [507_000, 198_000, 12],
  ] as const;
  for (let x = 499_000; x < 513_000; x += 250) {
    for (let y = 189_000; y < 201_000; y += 250) {
      if (!inside(x + 125, y + 125)) continue;
      let v = 0;
      for (const [px, py, h] of peaks) v += h * Math.exp(-((x - px) ** 2 + (y - py) ** 2) / 1.2e6);
      const count = Math.floor(v * (0.6 + 0.8 * next()) + (next() < 0.25 ? 1 : 0));
      cells.push({ x, y, size: 250, count });
    }
  }
  return cells;
}

export const hotspotSample: HotspotMapInput = {
  id: 'burglary-hotspots',
  title: 'Burglary hotspots, Three Rivers, 2025',
  outline: [OUTLINE],
  cells: hotspotCells(),
};

export const riskSample: RiskMatrixInput = {
  id: 'priorities',
  title: 'Strategic priorities: harm against likelihood',
  bands: { high: 15, medium: 8 },
  issues: [
    {
      key: 'burglary',
      label: 'Residential burglary',
      harm: 4,
      likelihood: 5,
      band: 'High',
      rank: 1,
    },
    { key: 'dv', label: 'Domestic abuse', harm: 5, likelihood: 4, band: 'High', rank: 2 },
    { key: 'asb', label: 'Anti-social behaviour', harm: 3, likelihood: 5, band: 'High', rank: 3 },
    { key: 'vehicle', label: 'Vehicle crime', harm: 3, likelihood: 4, band: 'Medium', rank: 4 },
    { key: 'shop', label: 'Shoplifting', harm: 2, likelihood: 4, band: 'Medium', rank: 5 },
    { key: 'drugs', label: 'Drug supply', harm: 4, likelihood: 3, band: 'Medium', rank: 6 },
    { key: 'fly', label: 'Fly-tipping', harm: 2, likelihood: 4, band: 'Medium', rank: 7 },
    { key: 'cycle', label: 'Bicycle theft', harm: 2, likelihood: 3, band: 'Low', rank: 8 },
    { key: 'arson', label: 'Arson', harm: 4, likelihood: 1, band: 'Low', rank: 9 },
    { key: 'robbery', label: 'Robbery', harm: 4, likelihood: 2, band: 'Medium', rank: 10 },
    {
      key: 'theft',
      label: 'Theft from the person',
      harm: 2,
      likelihood: 4,
      band: 'Medium',
      rank: 11,
    },
  ],
};

export const barSample: BarChartInput = {
  id: 'burglary-wards',
  title: 'Burglary by ward, Three Rivers, 2025',
  unit: 'incidents',
  bars: [
    { label: 'South Oxhey', value: 61, previous: 48 },
    { label: 'Rickmansworth Town', value: 44, previous: 50 },
    { label: 'Abbots Langley and Bedmond', value: 38, previous: 38 },
    { label: 'Chorleywood North and Sarratt', value: 29, previous: 22, note: 'provisional' },
    { label: 'Moor Park and Eastbury', value: 17, previous: null },
    { label: 'Leavesden', value: 9, previous: 0 },
  ],
};

const LONG = 'Chorleywood South and Maple Cross with a very long ward name & <friends>';

/** Four wards: the outline cut into quarters at its centre (sectors of its points). */
export const wardsSample: NonNullable<HotspotMapInput['places']> = {
  kind: 'ward',
  approximate: true,
  note: 'Ward boundaries are approximate: the 2011 LSOAs grouped by their best-fit 2019 ward.',
  places: ['Leavesden', 'Abbots Langley & Bedmond', 'Moor Park & Eastbury', 'South Oxhey'].map(
    (name, k) => ({
      name,
      outline: [
        [
          [506_000, 195_000] as [number, number],
          ...OUTLINE.slice(k * 18, k * 18 + 19 > 72 ? 72 : k * 18 + 19),
          ...(k === 3 ? [OUTLINE[0] as [number, number]] : []),
          [506_000, 195_000] as [number, number],
        ],
      ],
    }),
  ),
};

/**
 * Small areas for the choropleth: the 1 km squares whose centres fall inside the outline, each
 * valued by the sample's incidents in it per 1,000 of a made-up population; every 13th has no value.
 */
function choroplethAreas(): ChoroplethMapInput['areas'] {
  const cells = hotspotSample.cells;
  const areas: ChoroplethMapInput['areas'][number][] = [];
  for (let x = 499_000; x < 513_000; x += 1_000) {
    for (let y = 189_000; y < 201_000; y += 1_000) {
      if (!inside(x + 500, y + 500)) continue;
      const n = areas.length;
      const count = cells
        .filter((c) => c.x >= x && c.x < x + 1_000 && c.y >= y && c.y < y + 1_000)
        .reduce((t, c) => t + c.count, 0);
      areas.push({
        code: `E0102${String(n).padStart(4, '0')}`,
        name: `Three Rivers ${String(n + 1).padStart(3, '0')}`,
        outline: [
          [
            [x, y],
            [x + 1_000, y],
            [x + 1_000, y + 1_000],
            [x, y + 1_000],
          ],
        ],
        value: n % 13 === 7 ? null : Math.round((count / (1.4 + (n % 5) * 0.3)) * 10) / 10,
      });
    }
  }
  return areas;
}

export const choroplethSample: ChoroplethMapInput = {
  id: 'burglary-lsoa',
  title: 'Burglary rate by small area, Three Rivers, 2025',
  valueLabel: 'crimes per 1,000 residents',
  areas: choroplethAreas(),
  places: wardsSample,
};

/** 2021, three years not held, then 2025: the demo store's history of a police.uk category. */
export const trendGapSample: TrendChartInput = {
  id: 'gap-trend',
  title: 'Violence and sexual offences by month',
  months: [2021, 2025].flatMap((y) =>
    Array.from({ length: 12 }, (_, i) => ({
      month: `${y}-${String(i + 1).padStart(2, '0')}`,
      count: 150 + ((i * 7 + y) % 45),
      expectedLow: 95,
      expectedHigh: 260,
    })),
  ),
};

/** Every sample and edge case, rendered: file name (without .svg) → SVG. */
export function sampleCharts(): Record<string, string> {
  const months36 = Array.from({ length: 36 }, (_, i) => ({
    month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    count:
      i === 7 || i === 8 || i === 20
        ? null
        : 30 + Math.round(10 * Math.sin(i / 2)) + (i === 30 ? 25 : 0),
    expectedLow: 22,
    expectedHigh: 44,
  }));
  return {
    trend: trendChart(trendSample),
    'trend-gap': trendChart(trendGapSample),
    'trend-forecast': trendChart(trendForecastSample),
    'trend-36-months': trendChart({
      id: 't36',
      title: 'Anti-social behaviour, 2023 to 2025',
      months: months36,
    }),
    'trend-one-month': trendChart({
      id: 't1',
      title: LONG,
      months: [{ month: '2025-06', count: 12 }],
    }),
    'trend-all-zero': trendChart({
      id: 't0',
      title: 'Arson',
      months: ['2025-01', '2025-02', '2025-03'].map((month) => ({ month, count: 0 })),
    }),
    'trend-empty': trendChart({ id: 'te', title: 'Burglary', months: [] }),
    funnel: funnelPlot(funnelSample),
    'funnel-no-limits': funnelPlot({ ...funnelSample, id: 'fnl', limits: [] }),
    hotspot: hotspotMap(hotspotSample),
    'hotspot-wards': hotspotMap({ ...hotspotSample, id: 'hw', places: wardsSample }),
    'hotspot-wards-small': hotspotMap({
      ...hotspotSample,
      id: 'hws',
      places: wardsSample,
      width: 420,
      height: 300,
    }),
    'hotspot-one-cell': hotspotMap({
      id: 'h1',
      title: 'One cell',
      outline: [
        [
          [0, 0],
          [1000, 0],
          [1000, 500],
          [0, 500],
        ],
      ],
      cells: [{ x: 250, y: 250, size: 250, count: 3, label: 'High Street' }],
    }),
    risk: riskMatrix(riskSample),
    'risk-crowded': riskMatrix({
      id: 'rc',
      title: 'Crowded cell, 4 × 4',
      scale: 4,
      bands: { high: 12, medium: 6 },
      issues: Array.from({ length: 14 }, (_, i) => ({
        key: `k${i}`,
        label: `Issue ${i + 1}`,
        harm: 3,
        likelihood: 3,
        band: 'Medium' as const,
        rank: i + 1,
      })),
    }),
    'risk-empty': riskMatrix({
      id: 're',
      title: 'No issues',
      bands: { high: 15, medium: 8 },
      issues: [],
    }),
    bar: barChart(barSample),
    'bar-long-labels': barChart({
      id: 'bl',
      title: LONG,
      unit: 'per 1,000',
      width: 480,
      bars: [
        {
          label: LONG,
          value: 12.4,
          previous: 10.1,
          note: 'a long note that will have to be cut short',
        },
        { label: 'A & B <x>', value: 0.5, previous: 0.5 },
      ],
    }),
    choropleth: choroplethMap(choroplethSample),
    'choropleth-small': choroplethMap({ ...choroplethSample, id: 'cs', width: 420, height: 340 }),
    'choropleth-no-data': choroplethMap({
      ...choroplethSample,
      id: 'cn',
      places: null,
      areas: choroplethSample.areas.map((a) => ({ ...a, value: null })),
    }),
    'arrow-up': changeArrow({ id: 'up', changePct: 12.4, significant: true }),
  };
}
