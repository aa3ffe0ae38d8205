/**
 * Calibration benchmark (`npm run bench:calibration`): are the forecast intervals honest?
 *
 * 1. On the bundled Hertfordshire data (held: 2018-10..2019-02, 2021-01..2022-01, 2025-01..12),
 *    every district × category (the 14 police.uk categories and all crime): the last 6 months held
 *    (2025-07..12) are forecast from every month before them, exactly as `lantern forecast
 *    --months 6 --backtest` does, and the share of those months inside their 80% and 95%
 *    intervals is counted, overall and by category (target: within 7 points of nominal), with the
 *    MASE of the model and of the seasonal-naive forecast. The same point forecasts with plain
 *    Poisson intervals (the kind Lantern gave before) are shown beside them.
 * 2. Exceptions: every month held of the same series, expected from the rest of its series as
 *    `lantern exceptions` does; how many fall outside their 99.8% range (0.2% would by chance),
 *    against Poisson limits around the same expectations.
 * 3. Merseyside and Gwent (4 months each, 2018-11..2019-02, in ../shared/data/police-street; too
 *    short for a seasonal backtest): how much the counts vary from month to month around each
 *    district's mean (Pearson dispersion, 3 degrees of freedom), and between the districts of the
 *    force (the funnel's τ), beside Hertfordshire's over the same four months.
 *
 * BENCH_DB=path reuses a demo store already built (else one is built in a temporary folder);
 * LANTERN_SHARED_DATA=path names the shared data folder (default ../shared/data).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type * as Forecast from '../src/analysis/forecast.js';
import type * as Poisson from '../src/analysis/poisson.js';
import type * as Seasonal from '../src/analysis/seasonal-model.js';
import type * as AreaCountsModule from '../src/domain/area-counts.js';
import type * as Categories from '../src/domain/categories.js';
import type * as Scope from '../src/domain/scope.js';
import type * as Areas from '../src/store/areas.js';
import type * as Store from '../src/store/open-store.js';
import type * as Compare from '../src/usecases/compare-areas.js';
import type * as Demo from '../src/usecases/build-demo.js';
import type * as Import from '../src/usecases/import-police-data.js';
import type * as Street from '../src/usecases/street-area-counts.js';

const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { openStore } = await fromDist<typeof Store>('store/open-store.js');
const { buildDemo } = await fromDist<typeof Demo>('usecases/build-demo.js');
const { importPoliceData } = await fromDist<typeof Import>('usecases/import-police-data.js');
const { streetAreaCounts } = await fromDist<typeof Street>('usecases/street-area-counts.js');
const { compareAreas } = await fromDist<typeof Compare>('usecases/compare-areas.js');
const { districtAreasWithin, findArea } = await fromDist<typeof Areas>('store/areas.js');
const { forecast } = await fromDist<typeof Forecast>('analysis/forecast.js');
const { fitSeasonal } = await fromDist<typeof Seasonal>('analysis/seasonal-model.js');
const { poissonQuantile } = await fromDist<typeof Poisson>('analysis/poisson.js');
const { measureHistory } = await fromDist<typeof AreaCountsModule>('domain/area-counts.js');
const { CURRENT_CATEGORIES, ALL_CRIME, policeMeasure, categoryLabel } =
  await fromDist<typeof Categories>('domain/categories.js');
const { FULL_SCOPE } = await fromDist<typeof Scope>('domain/scope.js');

const HORIZON = 6;
const SHARED = resolve(
  process.env.LANTERN_SHARED_DATA ?? join(import.meta.dirname, '../../shared/data'),
);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const pct = (k: number, n: number) => (n === 0 ? '–' : `${((100 * k) / n).toFixed(1)}%`);
const fixed = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '–');
const table = (head: string[], rows: string[][]) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

interface Tally {
  series: number;
  months: number;
  in80: number;
  in95: number;
  poisson80: number;
  poisson95: number;
  phi: number[];
  mase: number[];
  maseNaive: number[];
  beats: number;
  compared: number;
}
const tally = (): Tally => ({
  series: 0,
  months: 0,
  in80: 0,
  in95: 0,
  poisson80: 0,
  poisson95: 0,
  phi: [],
  mase: [],
  maseNaive: [],
  beats: 0,
  compared: 0,
});

const work = await mkdtemp(join(tmpdir(), 'lantern-bench-calibration-'));
try {
  const dbPath = process.env.BENCH_DB ?? join(work, 'demo.duckdb');
  const db = await openStore(dbPath);
  if (!process.env.BENCH_DB) await buildDemo(db, { hashKeyFile: join(work, 'demo.hash-key') });

  // 1. Forecast backtests on every district × category.
  const herts = await findArea(db, 'Hertfordshire');
  const districts = await districtAreasWithin(db, herts.code);
  const inputs = await streetAreaCounts(db, FULL_SCOPE, districts);
  const choices = [...CURRENT_CATEGORIES, ALL_CRIME] as const;
  const byCategory = new Map(choices.map((c) => [c, tally()]));
  const overall = tally();
  const refused: string[] = [];
  for (const input of inputs) {
    for (const choice of choices) {
      const history = measureHistory(input, policeMeasure(choice));
      const r = forecast(history, HORIZON);
      if (!r.ok) {
        refused.push(`${input.area.name} ${choice}: ${r.reason}`);
        continue;
      }
      const b = r.backtest;
      for (const t of [byCategory.get(choice)!, overall]) {
        t.series += 1;
        t.months += b.months.length;
        t.in80 += b.inside.pi80;
        t.in95 += b.inside.pi95;
        for (const m of b.months) {
          const within = (lo: number, hi: number) => m.observed >= lo && m.observed <= hi;
          const q = (p: number) => poissonQuantile(p, m.expected);
          if (within(q(0.1), q(0.9))) t.poisson80 += 1;
          if (within(q(0.025), q(0.975))) t.poisson95 += 1;
        }
        if (b.dispersion.pearson !== null) t.phi.push(b.dispersion.pearson);
        if (b.mase !== null && b.maseSeasonalNaive !== null) {
          t.mase.push(b.mase);
          t.maseNaive.push(b.maseSeasonalNaive);
          t.compared += 1;
          if (b.mase < b.maseSeasonalNaive) t.beats += 1;
        }
      }
    }
  }
  const row = (name: string, t: Tally) => [
    name,
    String(t.series),
    String(t.months),
    pct(t.in80, t.months),
    pct(t.in95, t.months),
    pct(t.poisson80, t.months),
    pct(t.poisson95, t.months),
    fixed(median(t.phi), 1),
    fixed(median(t.mase)),
    fixed(median(t.maseNaive)),
    `${t.beats}/${t.compared}`,
  ];
  console.log(
    `1. Forecast backtest: Hertfordshire, ${districts.length} districts × ${choices.length} categories; the last ${HORIZON} months held forecast from all the months before them`,
  );
  console.log(
    table(
      [
        'category',
        'series',
        'months',
        'in 80%',
        'in 95%',
        'Poisson 80%',
        'Poisson 95%',
        'median φ',
        'MASE',
        'MASE naive',
        'model better',
      ],
      [
        ...choices.map((c) => row(categoryLabel(c), byCategory.get(c)!)),
        row('all series', overall),
      ],
    ),
  );
  const off80 = Math.abs((100 * overall.in80) / overall.months - 80);
  const off95 = Math.abs((100 * overall.in95) / overall.months - 95);
  console.log(
    `coverage: 80% intervals ${pct(overall.in80, overall.months)} (${off80.toFixed(1)} points off), 95% intervals ${pct(overall.in95, overall.months)} (${off95.toFixed(1)} points off); target within 7 points: ${off80 <= 7 && off95 <= 7 ? 'met' : 'NOT met'}`,
  );
  if (refused.length) console.log(`not forecast (${refused.length}):\n  ${refused.join('\n  ')}`);

  // The same at a 3-month horizon from two origins (through 2025-09 and through 2025-12).
  for (const through of ['2025-09', '2025-12']) {
    let months = 0;
    let in80 = 0;
    let in95 = 0;
    for (const input of inputs) {
      for (const choice of choices) {
        const history = measureHistory(input, policeMeasure(choice)).filter(
          (m) => m.month <= through,
        );
        const r = forecast(history, 3);
        if (!r.ok) continue;
        months += r.backtest.months.length;
        in80 += r.backtest.inside.pi80;
        in95 += r.backtest.inside.pi95;
      }
    }
    console.log(
      `3 months ahead, the last 3 held through ${through}: ${months} months, ${pct(in80, months)} inside the 80% intervals, ${pct(in95, months)} inside the 95%`,
    );
  }

  // 3. Exceptions: every month held, expected from the rest of its series (leave one out).
  let assessed = 0;
  let outside = 0;
  let poissonOutside = 0;
  for (const input of inputs) {
    for (const choice of choices) {
      const fit = fitSeasonal(measureHistory(input, policeMeasure(choice)));
      for (const m of fit?.months ?? []) {
        if (m.exception === null || m.expected === null) continue;
        assessed += 1;
        if (m.observed > m.upper998! || m.observed < m.lower998!) outside += 1;
        const lo = poissonQuantile(0.001, m.expected);
        const hi = poissonQuantile(0.999, m.expected);
        if (m.observed > hi || m.observed < lo) poissonOutside += 1;
      }
    }
  }
  console.log('');
  console.log(
    `2. Exceptions: of ${assessed} district-months, each expected from the rest of its series, ${outside} fall outside their 99.8% range (${(assessed * 0.002).toFixed(1)} expected by chance); outside Poisson 99.8% limits around the same expectations: ${poissonOutside}`,
  );

  // 4. Dispersion in other forces' data (4 months each).
  console.log('');
  console.log(
    '3. Dispersion over 2018-11..2019-02: month to month around each district’s mean (Pearson χ²/3, median over districts), and between districts (funnel τ: the spread of district rates beyond chance, as a share of the force rate)',
  );
  const other = join(work, 'other.duckdb');
  const odb = await openStore(other);
  const forces: [string, string][] = [];
  for (const [folder, name] of [
    ['merseyside', 'Merseyside'],
    ['gwent', 'Gwent'],
  ] as const) {
    const dir = join(SHARED, 'police-street', folder);
    if (!existsSync(dir)) {
      console.log(`(${dir} not found: ${name} left out)`);
      continue;
    }
    await importPoliceData(odb, [dir]);
    forces.push([name, 'other']);
  }
  forces.push(['Hertfordshire', 'demo']);
  const period = { from: '2018-11', to: '2019-02' };
  const rows: string[][] = [];
  for (const [name, which] of forces) {
    const store = which === 'demo' ? db : odb;
    const force = await findArea(store, name);
    const ds = await districtAreasWithin(store, force.code);
    const counts = await streetAreaCounts(store, FULL_SCOPE, ds);
    for (const choice of choices) {
      const phis = counts.flatMap((input) => {
        const h = measureHistory(input, policeMeasure(choice)).filter(
          (m) => m.month >= period.from && m.month <= period.to,
        );
        const mean = h.reduce((s, m) => s + m.count, 0) / h.length;
        if (h.length < 2 || mean === 0) return [];
        return [h.reduce((s, m) => s + (m.count - mean) ** 2 / mean, 0) / (h.length - 1)];
      });
      const c = await compareAreas(store, FULL_SCOPE, {
        within: force.code,
        category: choice,
        period,
      });
      const poisson = await compareAreas(store, FULL_SCOPE, {
        within: force.code,
        category: choice,
        period,
        limits: 'poisson',
      });
      const flagged = (x: typeof c) =>
        x.areas.filter((a) => a.flag !== 'within' && a.flag !== null).length;
      const tau = c.overdispersion.tau2 === null ? NaN : Math.sqrt(c.overdispersion.tau2) * 2;
      rows.push([
        name,
        categoryLabel(choice),
        String(ds.length),
        fixed(median(phis), 1),
        fixed(tau * 100, 0) + '%',
        `${flagged(poisson)}/${c.areas.length}`,
        `${flagged(c)}/${c.areas.length}`,
      ]);
    }
  }
  console.log(
    table(
      [
        'force',
        'category',
        'districts',
        'month φ',
        'τ between',
        'outside (Poisson)',
        'outside (overdispersed)',
      ],
      rows,
    ),
  );
  odb.close();
  db.close();
} finally {
  await rm(work, { recursive: true, force: true });
}
