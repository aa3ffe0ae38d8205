/**
 * Trends benchmark (`npm run bench:trends`): every category for all ten Hertfordshire districts
 * on the bundled store — `trends --all` for each district, `compare` of the districts for each
 * category, and `exceptions` for each district and category — against, in the same run on the
 * same store connection, one full aggregation scan of the crime table (counts by district,
 * category and month). Prints both medians and their ratio (target: at most 3).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import type * as Demo from '../src/usecases/build-demo.js';
import type * as Overview from '../src/usecases/partnership-overview.js';
import type * as Store from '../src/store/open-store.js';
import type * as Scope from '../src/domain/scope.js';
import { loadSettings } from '../src/config/settings.js';

const fromDist = <T>(module: string) =>
  import(new URL(`../dist/${module}`, import.meta.url).href) as Promise<T>;
const { openStore } = await fromDist<typeof Store>('store/open-store.js');
const { buildDemo } = await fromDist<typeof Demo>('usecases/build-demo.js');
const { partnershipOverview } = await fromDist<typeof Overview>('usecases/partnership-overview.js');
const { FULL_SCOPE } = await fromDist<typeof Scope>('domain/scope.js');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const FORCE = 'Hertfordshire';
const PERIOD = { from: '2025-01', to: '2025-12' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const work = await mkdtemp(join(tmpdir(), 'lantern-bench-trends-'));
try {
  const db = await openStore(join(work, 'bench.duckdb'));
  await buildDemo(db, { hashKeyFile: join(work, 'bench.hash-key') });
  const [{ rows }] = (await db.query<{ rows: number }>('SELECT count(*) AS rows FROM crime')) as [
    { rows: number },
  ];

  const scan = async () => {
    const started = performance.now();
    const result = await db.query(
      `SELECT district_code, category, month, count(*) AS n FROM crime GROUP BY ALL`,
    );
    if (result.length === 0) throw new Error('the scan found nothing');
    return performance.now() - started;
  };
  const { discontinuities } = await loadSettings({}, ['discontinuities']);
  const overview = async () => {
    const started = performance.now();
    const result = await partnershipOverview(db, FULL_SCOPE, {
      within: FORCE,
      period: PERIOD,
      discontinuities,
    });
    const ms = performance.now() - started;
    return { ms, result };
  };

  // One untimed round each warms DuckDB's caches and V8's compiler alike.
  await scan();
  const { result } = await overview();
  const times = { scan: [] as number[], overview: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    times.scan.push(await scan());
    times.overview.push((await overview()).ms);
  }
  db.close();

  const series = result.districts.length * result.categories.length;
  const fitted = result.exceptions.filter((e) => e.method !== null).length;
  console.log(
    `trends: ${result.districts.length} districts × ${result.categories.length} categories (${series} series, ${fitted} seasonal fits), period ${PERIOD.from}..${PERIOD.to}, ${rows.toLocaleString('en-GB')} crime rows, median of ${ROUNDS} rounds`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const line = (name: string, ms: number) => `${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms`;
  console.log(line('baseline: one aggregation scan of crime', median(times.scan)));
  console.log(line('Lantern: trends + compare + exceptions, all of them', median(times.overview)));
  const ratio = median(times.overview) / median(times.scan);
  console.log(`ratio Lantern / scan: ${ratio.toFixed(2)} (target ≤ 3)`);
} finally {
  await rm(work, { recursive: true, force: true });
}
