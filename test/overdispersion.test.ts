/**
 * Issue 15, items 5 and 6, on the demo store (the bundled Hertfordshire data, held 2018-10..2019-02,
 * 2021-01..2022-01 and 2025-01..12): funnel limits allowing for the spread between districts by
 * default and Poisson on request, every output saying which; exceptions and the report's trend
 * ranges from the one calibrated model; forecasts fitted across the gaps. In process, through the
 * use cases the commands call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { compareAcross } from '../src/analysis/area-comparison.js';
import { policeMeasure } from '../src/domain/categories.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import type { ReportData } from '../src/report/report-data.js';
import { funnelFigure } from '../src/report/report-tables.js';
import { districtAreasWithin, findArea } from '../src/store/areas.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { compareAreas } from '../src/usecases/compare-areas.js';
import { findExceptions } from '../src/usecases/exceptions.js';
import { forecastArea } from '../src/usecases/forecast-area.js';
import { reportData } from '../src/usecases/report-data.js';
import { streetAreaCounts } from '../src/usecases/street-area-counts.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';
import { settingsFrom } from './helpers/settings.js';

const SETTINGS = await settingsFrom();

const period = { from: '2025-01', to: '2025-12' };
const dir = tempDir();
let db: Db;
let report: ReportData;
beforeAll(async () => {
  db = await openStore(demoStoreCopy(dir.path));
  report = await reportData(db, FULL_SCOPE, {
    area: 'Three Rivers',
    period,
    save: false,
    settings: SETTINGS,
  });
});
afterAll(() => {
  db.close();
  dir.remove();
});

/**
 * Spiegelhalter's τ² recomputed from the comparison's own rows, written out again here: z-scores
 * on the square-root scale, winsorised at R's type-7 10th and 90th percentiles, DerSimonian–Laird.
 */
function tau2Of(rows: { count: number; expected: number }[]): number {
  const z = rows.map((r) => 2 * (Math.sqrt(r.count) - Math.sqrt(r.expected)));
  const s = [...z].sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    return s[Math.floor(h)]! + (h - Math.floor(h)) * (s[Math.ceil(h)]! - s[Math.floor(h)]!);
  };
  const phi = z.reduce((a, v) => a + Math.min(q(0.9), Math.max(q(0.1), v)) ** 2, 0) / z.length;
  const w = rows.map((r) => 4 * r.expected);
  const sw = w.reduce((a, b) => a + b, 0);
  const sw2 = w.reduce((a, b) => a + b * b, 0);
  return Math.max(0, (z.length * phi - (z.length - 1)) / (sw - sw2 / sw));
}

describe('compare: funnel limits', () => {
  it('allow for the spread between districts by default, and say so; Poisson on request flags more', async () => {
    const request = { within: 'Hertfordshire', category: 'violent-crime', period };
    const od = await compareAreas(db, FULL_SCOPE, request);
    const poisson = await compareAreas(db, FULL_SCOPE, { ...request, limits: 'poisson' });
    expect(od.limitsMethod).toBe('overdispersed');
    expect(poisson.limitsMethod).toBe('poisson');
    expect(od.overdispersion.areas).toBe(10);
    const rows = od.areas.map((a) => ({ count: a.count, expected: a.expected as number }));
    expect(od.overdispersion.tau2).toBeCloseTo(tau2Of(rows), 12);
    expect(od.overdispersion.tau2).toBeGreaterThan(0);
    expect(od.notes[0]).toMatch(/^Funnel limits allow for overdispersion \(Spiegelhalter/u);
    expect(poisson.notes[0]).toMatch(/^Funnel limits: exact Poisson quantiles/u);
    // The same counts and expectations; only the limits differ, and they are never narrower.
    const flagged = (c: typeof od) => c.areas.filter((a) => a.flag !== 'within').length;
    for (const a of od.areas) {
      const p = poisson.areas.find((x) => x.code === a.code)!;
      expect(a.count).toBe(p.count);
      expect(a.limits!.upper95).toBeGreaterThanOrEqual(p.limits!.upper95);
      expect(a.limits!.lower95).toBeLessThanOrEqual(p.limits!.lower95);
    }
    // Violence by district: chance alone flags most districts; the usual spread, few.
    expect(flagged(poisson)).toBeGreaterThanOrEqual(7);
    expect(flagged(od)).toBeLessThanOrEqual(2);
  });

  it('are Poisson, saying why, when a group has too few areas to measure the spread', async () => {
    // Four of Hertfordshire's districts, as a peer group of four would be.
    const herts = await findArea(db, 'Hertfordshire');
    const four = (await districtAreasWithin(db, herts.code)).slice(0, 4);
    const small = compareAcross(
      'four districts',
      await streetAreaCounts(db, FULL_SCOPE, four),
      policeMeasure('burglary'),
      period,
    );
    expect(small.limitsMethod).toBe('poisson');
    expect(small.overdispersion.tau2).toBeNull();
    expect(small.notes[0]).toMatch(
      /4 areas are too few to estimate how much areas differ beyond chance/u,
    );
  });
});

describe('exceptions and the report’s trend ranges: one calibrated model', () => {
  it('robbery in Three Rivers: no season fitted to a sparse series; its range is the same in both', async () => {
    const e = await findExceptions(db, FULL_SCOPE, { area: 'Three Rivers', category: 'robbery' });
    expect(e.season).toBe('none');
    expect(e.dispersion!.pearson).toBeGreaterThan(1);
    expect(e.notes.join(' ')).toMatch(/Month-of-year effects are left out/u);
    const held = e.months.filter((m) => m.observed !== null);
    expect(held).toHaveLength(30);
    for (const m of held) {
      expect(m.lower998).toBeLessThanOrEqual(m.expected!);
      expect(m.upper998).toBeGreaterThanOrEqual(m.expected!);
      // The old model's expectation swung from 0.9 to 6.4 with whichever month was left out;
      // without month effects every month is expected at about the series' level.
      expect(m.expected!).toBeGreaterThan(2);
      expect(m.expected!).toBeLessThan(4);
    }
  });

  it('gives each High priority’s trend chart the expected range `exceptions` gives', async () => {
    const trends = report.priorities.filter((p) => p.trend && p.source === 'police.uk');
    expect(trends.length).toBeGreaterThan(0);
    for (const p of trends) {
      const e = await findExceptions(db, FULL_SCOPE, { area: 'Three Rivers', category: p.key });
      const byMonth = new Map(e.months.map((m) => [m.month, m]));
      for (const m of p.trend!.months) {
        expect(m.expectedLow ?? null).toBe(byMonth.get(m.month)!.lower998);
        expect(m.expectedHigh ?? null).toBe(byMonth.get(m.month)!.upper998);
      }
    }
  });

  it('gives the report’s funnel the limits `compare` gives, and its caption says which', async () => {
    const p = report.priorities.find((x) => x.comparison !== null)!;
    const c = await compareAreas(db, FULL_SCOPE, {
      within: 'Hertfordshire',
      category: p.key,
      period,
    });
    expect(p.comparison!.limitsMethod).toBe('overdispersed');
    expect(p.comparison!.tau2).toBe(c.overdispersion.tau2);
    expect(p.comparison!.flag).toBe(c.areas.find((a) => a.name === 'Three Rivers')!.flag);
    const figure = funnelFigure(p, 1, 'partner')!;
    expect(figure.caption).toMatch(
      /usual spread between districts' rates beyond it \(overdispersion/u,
    );
    expect(figure.svg).toMatch(/95% limits \(chance and usual spread\)/u);
    expect(figure.svg).toMatch(
      /control limits allowing for chance and the usual spread between areas/u,
    );
  });
});

describe('forecast: fitted across the gaps', () => {
  it('forecasts burglary in Three Rivers from the 30 months held, listing the gaps, with a backtest', async () => {
    const r = await forecastArea(db, FULL_SCOPE, {
      area: 'Three Rivers',
      category: 'burglary',
      months: 6,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.run).toEqual({ from: '2018-10', to: '2025-12', months: 30 });
    expect(r.gaps).toEqual([
      { from: '2019-03', to: '2020-12', months: 22 },
      { from: '2022-02', to: '2024-12', months: 35 },
    ]);
    expect(r.forecast.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(r.dispersion.pearson).toBeGreaterThan(1);
    const b = r.backtest;
    expect(b.months.map((m) => m.month)).toEqual([
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    // The held-out months as recorded (the store's counts) and 2021's as seasonal naive.
    const e = await findExceptions(db, FULL_SCOPE, { area: 'Three Rivers', category: 'burglary' });
    const recorded = new Map(e.months.map((m) => [m.month, m.observed]));
    for (const m of b.months) {
      expect(m.observed).toBe(recorded.get(m.month));
      expect(m.seasonalNaive).toBe(recorded.get(`2021${m.month.slice(4)}`));
    }
    expect(b.coverage.pi80).toBeCloseTo(b.inside.pi80 / 6, 12);
    expect(r.notes.join(' ')).toMatch(/fitted on every month held; months not held are left out/u);
  });
});
