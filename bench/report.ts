/**
 * Report benchmark (`npm run bench:report`): the wall time of one district's full report —
 * `lantern report --area "Three Rivers" --period 2025-01..2025-12 --inputs <example>` on the demo
 * store (the bundled Hertfordshire data), from process start to the last file written — with
 * the PDF (headless Chromium, when installed) and without. The baseline in the same run is
 * `lantern assess` with the same inputs, the risk matrix the report is built on. Median of 5
 * runs each; target: the full report under 5 s on this machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/lantern.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-report-'));
const db = join(dir, 'demo.duckdb');
const inputs = new URL('../config/examples/three-rivers-2025-26.yaml', import.meta.url).pathname;
const run = (args: string[]) =>
  execFileSync(process.execPath, [bin, ...args, '--db', db], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
run(['demo']);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time(args: string[], rounds = Number(process.env.BENCH_ROUNDS ?? 5)): number {
  run(args); // warm-up: the file cache, and the first save of the assessment
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run(args);
    times.push(performance.now() - t);
  }
  return median(times);
}

const common = ['--area', 'Three Rivers', '--period', '2025-01..2025-12', '--inputs', inputs];
const assessMs = time(['assess', ...common]);
// Each round writes over the last report: --replace, as a user re-running it would.
// --draft: the bundled example settings and inputs, as the README makes the report.
const htmlMs = time([
  'report',
  ...common,
  '--draft',
  '--out',
  join(dir, 'r1'),
  '--no-pdf',
  '--replace',
]);
const chromium = existsSync(process.env.LANTERN_CHROMIUM || '/usr/bin/chromium');
const fullMs = chromium
  ? time(['report', ...common, '--draft', '--out', join(dir, 'r2'), '--replace'])
  : null;
rmSync(dir, { recursive: true, force: true });

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `baseline  lantern assess (same inputs)        ${s(assessMs)}`,
    `report    HTML, infographics, CSVs (--no-pdf)  ${s(htmlMs)}  (${(htmlMs / assessMs).toFixed(2)} × assess)`,
    fullMs === null
      ? 'report    with the PDF: no Chromium installed, not measured'
      : `report    full, with the PDF (Chromium)       ${s(fullMs)}  (${(fullMs / assessMs).toFixed(2)} × assess)  target < 5 s: ${fullMs < 5000 ? 'met' : 'NOT met'}`,
  ].join('\n'),
);
