/**
 * `lantern report --area A --period P --out DIR [--audience partner|public] [--inputs F]
 * [--config F] [--options F] [--plan F] [--settings F] [--draft] [--no-pdf] [--no-save]
 * [--replace]`: the strategic assessment and its infographic; the assessment behind it is saved as
 * `assess` saves it. Settings still at their bundled example are refused unless --draft
 * (usecases/report-examples.ts). A folder that already holds files is written into only with
 * --replace (report-folder.ts).
 */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { buildReport, type BuildReportRequest } from '../../usecases/build-report.js';
import { printJson, withStore, type CommandContext } from '../context.js';

export async function runReport(
  ctx: CommandContext,
  args: Omit<BuildReportRequest, 'area' | 'period' | 'out' | 'audience'> & {
    area?: string;
    period?: string;
    out?: string;
    audience?: string;
  },
): Promise<number> {
  if (!args.area) throw new InputError('report: --area is required');
  if (!args.period) throw new InputError('report: --period is required (YYYY-MM..YYYY-MM)');
  if (!args.out) throw new InputError('report: --out DIR is required (the folder to write)');
  const audience = args.audience ?? 'partner';
  if (audience !== 'partner' && audience !== 'public')
    throw new InputError(`--audience: "${audience}" is not partner or public`);
  const period = parsePeriod(args.period);
  const built = await withStore(
    ctx,
    (db) =>
      buildReport(db, ctx.scope, {
        ...args,
        area: args.area as string,
        period,
        out: args.out as string,
        audience,
      }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, built);
    return 0;
  }
  ctx.out(
    [
      `Wrote ${built.out} (${built.audience} version${built.assessmentId ? `, assessment ${built.assessmentId}` : ''}):`,
      ...built.files.filter((f) => !f.startsWith('data/')).map((f) => `  ${f}`),
      `  data/ (${built.files.filter((f) => f.startsWith('data/') && f.endsWith('.csv')).length} CSV files: one per chart and table, listed in data/index.csv; the commands behind them in data/how-to-reproduce.txt)`,
      built.pdf.written ? '' : `No PDF: ${built.pdf.reason}.`,
      built.priorities.length > 0 ? `High priorities: ${built.priorities.join('; ')}.` : '',
      ...built.notes,
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
  return 0;
}
