/**
 * Disclosure benchmark (`npm run bench:disclosure`): what protecting a force's areas together
 * (usecases/police-totals-disclosure.ts) costs a caller who sees Hertfordshire as totals only and
 * Three Rivers in detail (a partner's grants), against the same command for the store's owner, who
 * sees everything and gets no disclosure control, in the same run on the same store connection:
 * `trends --all` for 2025 (24 months with the comparison) and `summary` of every month held, of
 * the force and of a district seen as totals only (Watford). Each command is made afresh (its own
 * CommandReads), as the CLI and a server request make it: first with no month's protection
 * remembered (a new process), then again (a server's later request). Prints medians of wall-clock
 * and CPU time and their ratios.
 *
 * BENCH_STORE=path reuses a demo store already built (copied first) instead of building one;
 * BENCH_DIST=path times the build in that folder instead of dist/ (another commit's, compiled).
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as Demo from '../src/usecases/build-demo.js';
import type * as Store from '../src/store/open-store.js';
import type * as ScopeModule from '../src/domain/scope.js';
import type * as Sensitivity from '../src/domain/dataset-sensitivity.js';
import type * as Areas from '../src/store/areas.js';
import type * as Trends from '../src/usecases/trends.js';
import type * as Summary from '../src/usecases/summarise-area.js';
import type * as Memo from '../src/usecases/protection-memo.js';
import { loadSettings } from '../src/config/settings.js';

// BENCH_DIST=path times another build (another commit's dist/), for a before and after.
const DIST = process.env.BENCH_DIST
  ? pathToFileURL(`${resolve(process.env.BENCH_DIST)}/`)
  : new URL('../dist/', import.meta.url);
const fromDist = <T>(module: string) => import(new URL(module, DIST).href) as Promise<T>;
const { openStore } = await fromDist<typeof Store>('store/open-store.js');
const { buildDemo } = await fromDist<typeof Demo>('usecases/build-demo.js');
const { FULL_SCOPE, scopeFor } = await fromDist<typeof ScopeModule>('domain/scope.js');
const { DATASET_SENSITIVITIES } = await fromDist<typeof Sensitivity>(
  'domain/dataset-sensitivity.js',
);
const { findArea } = await fromDist<typeof Areas>('store/areas.js');
const { trends } = await fromDist<typeof Trends>('usecases/trends.js');
const { summariseArea } = await fromDist<typeof Summary>('usecases/summarise-area.js');
// A build from before the months were remembered has nothing to forget.
const forget = await fromDist<typeof Memo>('usecases/protection-memo.js').then(
  (m) => m.forgetProtections,
  () => () => {},
);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const YEAR = { from: '2025-01', to: '2025-12' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const work = await mkdtemp(join(tmpdir(), 'lantern-bench-disclosure-'));
try {
  const path = join(work, 'bench.duckdb');
  if (process.env.BENCH_STORE) await copyFile(process.env.BENCH_STORE, path);
  const db = await openStore(path);
  if (!process.env.BENCH_STORE) await buildDemo(db, { hashKeyFile: join(work, 'bench.hash-key') });
  const { discontinuities } = await loadSettings({}, ['discontinuities']);

  // A partner: their own district in detail, the rest of the county as totals only.
  const [herts, threeRivers] = [
    await findArea(db, 'Hertfordshire'),
    await findArea(db, 'Three Rivers'),
  ];
  const user = {
    id: 'u1',
    name: 'Priya',
    email: 'priya@example.gov.uk',
    organisation: 'Three Rivers DC',
    role: 'partner' as const,
    disabled: false,
  };
  const grant = (area: string, level: 'detail' | 'aggregate') => ({
    id: `g-${area}`,
    user: 'Priya',
    organisation: null,
    area,
    level,
    dataset: null,
    sensitivity: null,
  });
  const partner = scopeFor(
    user,
    [grant(threeRivers.code, 'detail'), grant(herts.code, 'aggregate')],
    DATASET_SENSITIVITIES,
  );

  const commands: { name: string; run: (scope: typeof FULL_SCOPE) => Promise<unknown> }[] = [
    {
      name: 'trends --all Hertfordshire 2025',
      run: (scope) =>
        trends(db, scope, {
          area: 'Hertfordshire',
          category: 'all',
          period: YEAR,
          discontinuities,
        }),
    },
    {
      name: 'summary Hertfordshire (every month)',
      run: (scope) => summariseArea(db, scope, { area: 'Hertfordshire' }),
    },
    {
      name: 'trends --all Watford 2025',
      run: (scope) =>
        trends(db, scope, { area: 'Watford', category: 'all', period: YEAR, discontinuities }),
    },
    {
      name: 'summary Watford (every month)',
      run: (scope) => summariseArea(db, scope, { area: 'Watford' }),
    },
  ];

  const timed = async (f: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await f();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { ms, cpu: (used.user + used.system) / 1000 };
  };

  console.log(`build: ${DIST.pathname}`);
  console.log(
    `disclosure: a partner who sees Hertfordshire as totals only and Three Rivers in detail, against the owner; median of ${ROUNDS} rounds`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const cell = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
  console.log(
    `${'command'.padEnd(38)} ${'owner'.padStart(9)} ${'partner'.padStart(9)} ${'CPU'.padStart(9)} ratio ${'again'.padStart(9)} ratio`,
  );
  for (const c of commands) {
    // One untimed round each warms DuckDB's caches, V8's compiler and the solver.
    await c.run(FULL_SCOPE);
    await c.run(partner);
    const owner: number[] = [];
    const mine: number[] = [];
    const cpu: number[] = [];
    const again: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      owner.push((await timed(() => c.run(FULL_SCOPE))).ms);
      // The first request of a process, then the same again (a server's later requests, whose
      // months were protected before: usecases/protection-memo.ts).
      forget();
      const t = await timed(() => c.run(partner));
      mine.push(t.ms);
      cpu.push(t.cpu);
      again.push((await timed(() => c.run(partner))).ms);
    }
    const ratio = median(mine) / median(owner);
    console.log(
      `${c.name.padEnd(38)} ${cell(median(owner))} ${cell(median(mine))} ${cell(median(cpu))} ${ratio.toFixed(1).padStart(5)} ${cell(median(again))} ${(median(again) / median(owner)).toFixed(1)}`,
    );
  }
  db.close();
} finally {
  await rm(work, { recursive: true, force: true });
}
