/** `lantern areas import-population FILE [--year Y] [--source S]`: populations by area. */
import { InputError } from '../../errors.js';
import { importPopulation } from '../../usecases/import-population.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount } from '../../commands/table.js';

export interface ImportPopulationArgs {
  file?: string;
  year?: string;
  source?: string;
  codeColumn?: string;
  countColumn?: string;
}

export async function runImportPopulation(
  ctx: CommandContext,
  args: ImportPopulationArgs,
): Promise<number> {
  if (!args.file) throw new InputError('areas import-population: name the population file (CSV)');
  if (args.year !== undefined && !/^(19|20)\d{2}$/u.test(args.year)) {
    throw new InputError(`--year: "${args.year}" is not a year (e.g. 2022)`);
  }
  const report = await withStore(ctx, (db) =>
    importPopulation(db, args.file as string, {
      year: args.year === undefined ? undefined : Number(args.year),
      source: args.source,
      codeColumn: args.codeColumn,
      countColumn: args.countColumn,
    }),
  );
  if (ctx.json) {
    printJson(ctx, report);
    return 0;
  }
  const types = Object.entries(report.byType)
    .map(([type, n]) => `${formatCount(n)} ${type}`)
    .join(', ');
  ctx.out(
    `${report.path}: populations for mid-${report.year} ("${report.countColumn}" by "${report.codeColumn}"), ` +
      `source "${report.source}": ${types} stored; ${formatCount(report.derived)} larger areas summed from them; ` +
      `${formatCount(report.rejected)} rows rejected.`,
  );
  for (const r of report.rejectedSample) ctx.out(`    line ${r.line}: ${r.field}: ${r.reason}`);
  return 0;
}
