/**
 * `lantern demo`: build the demo store from the bundled Hertfordshire sample.
 * `lantern start` (what `npm start` runs): build it on first run, reuse it afterwards, then show
 * the Three Rivers summary of the latest twelve months held (until the dashboard exists).
 */
import { monthFromIndex, monthIndex } from '../../domain/month.js';
import { buildDemo, DEMO_AREA } from '../../usecases/build-demo.js';
import { summariseArea } from '../../usecases/summarise-area.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { importProgressBar } from '../progress.js';
import { formatImportReport } from './import.js';
import { formatSummary } from './summary.js';

export async function runDemo(ctx: CommandContext): Promise<number> {
  const progress = importProgressBar(ctx.interactive && !ctx.json);
  const report = await withStore(ctx, (db) =>
    buildDemo(db, { onProgress: progress.onProgress, hashKeyFile: ctx.hashKeyFile }),
  ).finally(progress.stop);
  if (ctx.json) printJson(ctx, report);
  else
    ctx.out(
      [
        formatImportReport(report),
        '',
        'SYNTHETIC partner data for Three Rivers (generated for demonstration, labelled synthetic wherever used):',
        ...report.synthetic.map(
          (f) =>
            `  ${f.kind}: ${f.status === 'already-imported' ? 'already imported' : `${f.accepted} rows`} (${f.months[0] ?? '?'}..${f.months[f.months.length - 1] ?? '?'})`,
        ),
        `Demo store: ${ctx.dbPath}`,
        `Hash key of its partner references: ${ctx.hashKeyFile} (keep it with the store and never share it: with it, hashed references can be matched to known ones)`,
      ].join('\n'),
    );
  return report.files.some((f) => f.status === 'refused') ? 1 : 0;
}

export async function runStart(ctx: CommandContext): Promise<number> {
  const progress = importProgressBar(ctx.interactive && !ctx.json);
  const result = await withStore(ctx, async (db) => {
    const report = await buildDemo(db, {
      onProgress: progress.onProgress,
      hashKeyFile: ctx.hashKeyFile,
    }).finally(progress.stop);
    // The latest twelve months held: the whole series, gaps and all, is `lantern summary`.
    const all = await summariseArea(db, ctx.scope, { area: DEMO_AREA });
    const last = all.months.filter((m) => m.status === 'observed').pop()?.month ?? all.period.to;
    const from = monthFromIndex(monthIndex(last) - 11);
    const summary = await summariseArea(db, ctx.scope, {
      area: DEMO_AREA,
      period: { from, to: last },
    });
    return { report, summary };
  });
  if (ctx.json) {
    printJson(ctx, result);
    return 0;
  }
  const added = result.report.files.filter((f) => f.status === 'imported').length;
  ctx.err(
    added > 0
      ? `Built the demo store at ${ctx.dbPath} from the bundled police.uk sample (${added} files).`
      : `Using the demo store at ${ctx.dbPath} (the bundled sample is already imported).`,
  );
  ctx.out(formatSummary(result.summary));
  return 0;
}
