/**
 * `lantern demo`: the demo store from the bundled Hertfordshire sample, with labelled synthetic
 * partner data. `lantern start` (what `npm start` runs): the demo store built on first run and
 * reused afterwards, then the Three Rivers summary of the latest twelve months held.
 */
import type { DemoReport } from '../usecases/build-demo.js';
import type { AreaSummary } from '../usecases/summarise-area.js';
import { defineCommand, type Deps } from './definition.js';
import { formatImportReport } from './import.js';
import { formatSummary } from './summary.js';

async function build(deps: Deps): Promise<DemoReport> {
  const { buildDemo } = await import('../usecases/build-demo.js');
  return buildDemo(deps.db, {
    hashKeyFile: deps.hashKeyFile,
    onProgress: (event) => {
      if (event.phase === 'start')
        deps.progress({ phase: 'start', total: event.total, doing: 'importing', unit: 'files' });
      if (event.phase === 'done')
        deps.progress({ phase: 'step', label: event.path.split(/[/!]/u).pop() ?? '' });
    },
  });
}

export const demoCommand = defineCommand({
  name: 'demo',
  task: 'Get data in',
  summary: 'Builds the demo store from the bundled Hertfordshire sample (idempotent)',
  description:
    'Imports the bundled police.uk sample (30 months of Hertfordshire in three runs with gaps, and 13 months of outcomes) and adds generated partner data for Three Rivers, labelled SYNTHETIC in the store and in every output.',
  examples: ['lantern demo', 'lantern demo --db /tmp/demo.duckdb'],
  options: {},
  store: 'create',
  async run(deps) {
    return { report: await build(deps), store: deps.storePath, hashKey: deps.hashKeyFile };
  },
  text: ({ report, store, hashKey }) =>
    [
      formatImportReport(report),
      '',
      'SYNTHETIC partner data for Three Rivers (generated for demonstration, labelled synthetic wherever used):',
      ...report.synthetic.map(
        (f) =>
          `  ${f.kind}: ${f.status === 'already-imported' ? 'already imported' : `${f.accepted} rows`} (${f.months[0] ?? '?'}..${f.months[f.months.length - 1] ?? '?'})`,
      ),
      `Demo store: ${store}`,
      `Hash key of its partner references: ${hashKey} (keep it with the store and never share it: with it, hashed references can be matched to known ones)`,
    ].join('\n'),
  json: ({ report }) => report,
  exitCode: ({ report }) => (report.files.some((f) => f.status === 'refused') ? 1 : 0),
});

export const startCommand = defineCommand({
  name: 'start',
  task: 'Get data in',
  summary: 'What npm start runs: builds the demo store if needed, then shows Three Rivers',
  examples: ['lantern start'],
  options: {},
  store: 'create',
  async run(deps) {
    const report = await build(deps);
    const { summariseArea } = await import('../usecases/summarise-area.js');
    const { DEMO_AREA } = await import('../usecases/build-demo.js');
    const { monthFromIndex, monthIndex } = await import('../domain/month.js');
    // The latest twelve months held: the whole series, gaps and all, is `lantern summary`.
    const all = await summariseArea(deps.db, deps.scope, { area: DEMO_AREA });
    const last = all.months.filter((m) => m.status === 'observed').pop()?.month ?? all.period.to;
    const summary: AreaSummary = await summariseArea(deps.db, deps.scope, {
      area: DEMO_AREA,
      period: { from: monthFromIndex(monthIndex(last) - 11), to: last },
    });
    return { report, summary, store: deps.storePath };
  },
  text: ({ summary }) => formatSummary(summary),
  json: ({ report, summary }) => ({ report, summary }),
  notes: ({ report, store }) => {
    const added = report.files.filter((f) => f.status === 'imported').length;
    return [
      added > 0
        ? `Built the demo store at ${store} from the bundled police.uk sample (${added} files).`
        : `Using the demo store at ${store} (the bundled sample is already imported).`,
    ];
  },
});
