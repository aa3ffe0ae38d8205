/**
 * `lantern demo`: the demo store from the bundled Hertfordshire sample, with labelled synthetic
 * partner data. `lantern start` (what `npm start` runs): the demo store built on first run and
 * reused afterwards, then the dashboard served over it.
 */
import type { DemoReport } from '../usecases/build-demo.js';
import { defineCommand, type Deps } from './definition.js';
import { formatImportReport } from './import.js';
import { serveOptions, serveUntilStopped } from './serve.js';

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
  summary:
    'What npm start runs: builds the demo store if needed, then serves the dashboard (Three Rivers first) until stopped',
  examples: ['lantern start', 'lantern start --port 8081'],
  options: serveOptions,
  store: 'create',
  async run(deps, input) {
    const report = await build(deps);
    const added = report.files.filter((f) => f.status === 'imported').length;
    deps.say(
      added > 0
        ? `Built the demo store at ${deps.storePath} from the bundled police.uk sample (${added} files).`
        : `Using the demo store at ${deps.storePath} (the bundled sample is already imported).`,
    );
    return { report, served: await serveUntilStopped(deps, input) };
  },
  text: ({ served }) => `Stopped serving ${served.url}`,
  json: ({ report, served }) => ({ report, served }),
});
