/**
 * Report benchmark (`npm run bench:report`): the wall time of a full report, from process start
 * to the last file written, for one district (`lantern report --area "Three Rivers" --period
 * 2025-01..2025-12 --inputs <example>`) and for its force (`--area hertfordshire`), on the demo
 * store (the bundled Hertfordshire data): the district without the PDF and with it (headless
 * Chromium, when installed), the force with it. The baseline in the same run is `lantern assess`
 * of the same area with the same inputs, the risk matrix the report is built on. Runs alternate
 * between the commands (a busy machine slows all of them alike); median of 5 rounds after a
 * warm-up. Targets (issue 17): the district's full report under 5 s, the force's under 10 s.
 *
 * BENCH_BASE_BIN=/path/to/other/bin/lantern.js also times the same reports with another build
 * (an earlier commit), in the same rounds, for a before-and-after on one machine at one time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/lantern.js', import.meta.url).pathname;
const baseBin = process.env.BENCH_BASE_BIN;
const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-report-'));
const db = join(dir, 'demo.duckdb');
const inputs = new URL('../config/examples/three-rivers-2025-26.yaml', import.meta.url).pathname;
const run = (args: string[], which = bin) =>
  execFileSync(process.execPath, [which, ...args, '--db', db], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
run(['demo']);

const chromium = existsSync(process.env.LANTERN_CHROMIUM || '/usr/bin/chromium');
const period = ['--period', '2025-01..2025-12', '--inputs', inputs];
const district = ['--area', 'Three Rivers', ...period];
const force = ['--area', 'hertfordshire', ...period];
// Each round writes over the last report: --replace, as a user re-running it would.
// --draft: the bundled example settings and inputs, as the README makes the report.
const report = (area: string[], out: string, pdf: boolean) => [
  'report',
  ...area,
  '--draft',
  '--out',
  join(dir, out),
  '--replace',
  ...(pdf ? [] : ['--no-pdf']),
];

interface Measure {
  name: string;
  args: string[];
  bin: string;
  times: number[];
}
const measures: Measure[] = [
  { name: 'assess, district', args: ['assess', ...district], bin, times: [] },
  { name: 'assess, force', args: ['assess', ...force], bin, times: [] },
  { name: 'report, district, no PDF', args: report(district, 'd0', false), bin, times: [] },
  ...(chromium
    ? [
        { name: 'report, district, PDF', args: report(district, 'd1', true), bin, times: [] },
        { name: 'report, force, PDF', args: report(force, 'f1', true), bin, times: [] },
      ]
    : []),
];
if (baseBin)
  for (const m of measures.filter((x) => x.name.startsWith('report')))
    measures.push({ ...m, name: `${m.name} (base)`, bin: baseBin, times: [] });

// Warm-up (the file cache, the first save of each assessment), then rounds in turn.
for (const m of measures) run(m.args, m.bin);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
for (let i = 0; i < rounds; i++) {
  for (const m of measures) {
    const t = performance.now();
    run(m.args, m.bin);
    m.times.push(performance.now() - t);
  }
}
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (name: string) => median(measures.find((m) => m.name === name)?.times ?? [NaN]);
const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
const line = (name: string, baseline: string, target?: number) => {
  const x = ms(name);
  if (Number.isNaN(x)) return null;
  const against = `${(x / ms(baseline)).toFixed(2)} × ${baseline}`;
  const goal = target ? `  target < ${target / 1000} s: ${x < target ? 'met' : 'NOT met'}` : '';
  const base = ms(`${name} (base)`);
  const before = Number.isNaN(base) ? '' : `  base build ${s(base)} (${(x / base).toFixed(2)} ×)`;
  return `${name.padEnd(26)} ${s(x)}  (${against})${goal}${before}`;
};
console.log(
  [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    `baseline ${'assess, district'.padEnd(17)} ${s(ms('assess, district'))}`,
    `baseline ${'assess, force'.padEnd(17)} ${s(ms('assess, force'))}`,
    line('report, district, no PDF', 'assess, district'),
    chromium
      ? line('report, district, PDF', 'assess, district', 5000)
      : 'report with the PDF: no Chromium installed, not measured',
    chromium ? line('report, force, PDF', 'assess, force', 10_000) : null,
  ]
    .filter((l) => l !== null)
    .join('\n'),
);
