/**
 * HTTP API benchmark (`npm run bench:api`): the built `lantern serve` on a fresh demo store, loaded
 * by autocannon with 32 connections for 20 s per endpoint (BENCH_SECONDS to change it): the
 * overview, trends and hotspots of Three Rivers and, in the same run against the same server, the
 * constant GET /api/ping as the baseline. Prints p50/p95/p99 latency (from every response's time,
 * not autocannon's histogram, which has no p95), requests per second and the ratios to the
 * baseline. Targets: p95 at most 50 ms and at most 5 × the baseline's, for overview and trends.
 * BENCH_SECONDS=0 leaves this load out.
 *
 * First, the CPU each request costs, route by route, refused and served (api-cpu.ts): this build
 * and, with BENCH_BASE_DIST (a copy of an earlier build's dist/ inside this repository), that
 * build, alternated round by round (BENCH_CPU_ROUNDS, default 5; BENCH_CPU_ROUNDS=0 leaves it out).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import { CPU_CASES, cpuPerRequest, sideOf, withAccounts, type Side } from './api-cpu.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 32;
const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;

const ENDPOINTS: [name: string, path: string, target: boolean][] = [
  ['baseline: ping', '/api/ping', false],
  ['overview', '/api/overview?within=Three%20Rivers', true],
  ['trends', '/api/trends?area=Three%20Rivers&category=burglary', true],
  ['hotspots', '/api/hotspots?area=Three%20Rivers&category=burglary&period=last-12-months', false],
];

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  requests: number;
}

const CPU_ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 5);
const CPU_REQUESTS = Number(process.env.BENCH_CPU_REQUESTS ?? 20);

/** Prints each case's CPU per request: this build, and the base build's beside it. */
async function cpuByRoute(demo: string): Promise<void> {
  const store = demo.replace(/\.duckdb$/u, '-accounts.duckdb');
  spawnSync('cp', [demo, store]);
  spawnSync('cp', [`${demo}.hash-key`, `${store}.hash-key`]);
  withAccounts(store);
  const sides: Side[] = [
    await sideOf('this build', new URL('../dist', import.meta.url).pathname, store),
  ];
  if (process.env.BENCH_BASE_DIST)
    sides.push(await sideOf('base', process.env.BENCH_BASE_DIST, store));
  const cpu = new Map<string, number[]>();
  const status = new Map<string, number>();
  const load: number[] = [];
  for (let round = 0; round < CPU_ROUNDS; round++) {
    load.push(loadavg()[0] ?? NaN);
    // Alternated: each side goes first in every other round.
    for (const side of round % 2 === 0 ? sides : [...sides].reverse())
      for (const [name, who, path] of CPU_CASES) {
        const r = await cpuPerRequest(side, who, path, CPU_REQUESTS);
        const key = `${side.name}\t${name}`;
        cpu.set(key, [...(cpu.get(key) ?? []), r.cpuMs]);
        status.set(key, r.status);
      }
  }
  for (const side of sides) side.close();
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
  const show = (v: number[] | undefined) =>
    v
      ? `${median(v).toFixed(1).padStart(7)} (${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`.padEnd(
          24,
        )
      : '';
  console.log(
    `api cpu: CPU (user + system) per request, ms, median of ${CPU_ROUNDS} rounds of ${CPU_REQUESTS} requests (min–max); load ${load.map((l) => l.toFixed(1)).join(', ')}`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version} (shared: other work may be running)`,
  );
  console.log(
    `${'case'.padEnd(28)}${'status'.padStart(7)}  ${sides.map((s) => s.name.padEnd(24)).join('')}${sides.length > 1 ? 'base/this' : ''}`,
  );
  for (const [name] of CPU_CASES) {
    const mine = cpu.get(`this build\t${name}`);
    const base = cpu.get(`base\t${name}`);
    const codes = [...new Set(sides.map((s) => status.get(`${s.name}\t${name}`)))].join('/');
    console.log(
      `${name.padEnd(28)}${codes.padStart(7)}  ${show(mine)}${base ? show(base) : ''}${
        base && mine ? `${(median(base) / median(mine)).toFixed(1)}×` : ''
      }`,
    );
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function load(url: string): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      // As a browser asks: gzip accepted (every browser sends this).
      { url, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-encoding': 'gzip' } },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors++;
      times.push(ms);
    });
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: times.length / SECONDS,
    errors: errors + result.errors + result.timeouts,
    requests: times.length,
  };
}

const work = await mkdtemp(join(tmpdir(), 'lantern-bench-api-'));
const store = join(work, 'bench.duckdb');
try {
  const built = spawnSync(process.execPath, [BIN, 'demo', '--db', store], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`lantern demo failed: ${built.stderr}`);
  if (CPU_ROUNDS > 0) await cpuByRoute(store);
  if (SECONDS > 0) await loadEach(store);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The load part: `lantern serve` on the demo store, each endpoint loaded in turn. */
async function loadEach(store: string): Promise<void> {
  let server: ReturnType<typeof spawn> | undefined;
  try {
    server = spawn(process.execPath, [BIN, 'serve', '--db', store, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /(http:\/\/\S+?)\/?\s/u.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      server?.once('exit', (code) => reject(new Error(`lantern serve exited (${code}): ${out}`)));
    });

    // One untimed request each: the first answer loads modules and warms DuckDB's caches.
    for (const [, path] of ENDPOINTS) {
      const answer = await fetch(base + path);
      if (answer.status !== 200)
        throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      await answer.arrayBuffer();
    }
    const figures = new Map<string, Figures>();
    for (const [name, path] of ENDPOINTS) figures.set(name, await load(base + path));

    console.log(
      `api: lantern serve on the demo store, autocannon ${CONNECTIONS} connections × ${SECONDS} s per endpoint, one after another`,
    );
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (shared: other work may be running)`,
    );
    const baseline = figures.get('baseline: ping') as Figures;
    const ms = (v: number) => `${v.toFixed(1)}`.padStart(8);
    console.log(
      `${'endpoint'.padEnd(16)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'req/s'.padStart(9)}${'p95/base'.padStart(10)}  target`,
    );
    let met = true;
    for (const [name, , target] of ENDPOINTS) {
      const f = figures.get(name) as Figures;
      const ratio = f.p95 / baseline.p95;
      const ok = f.p95 <= 50 && ratio <= 5 && f.errors === 0;
      if (target && !ok) met = false;
      console.log(
        `${name.padEnd(16)}${ms(f.p50)}${ms(f.p95)}${ms(f.p99)}${f.rps.toFixed(0).padStart(9)}${ratio.toFixed(1).padStart(10)}  ${
          target ? (ok ? 'met' : 'NOT MET') : '–'
        }${f.errors > 0 ? ` (${f.errors} errors of ${f.requests})` : ''}`,
      );
    }
    console.log(
      `targets (p95 ≤ 50 ms and ≤ 5 × baseline, overview and trends): ${met ? 'met' : 'NOT MET'}`,
    );
  } finally {
    server?.kill('SIGTERM');
    await new Promise((resolve) => (server ? server.once('exit', resolve) : resolve(null)));
  }
}
