/** `lantern areas import-boundaries FILE --type T --vintage V [--code-property P] [--source S]`. */
import { InputError } from '../../errors.js';
import { importBoundaries } from '../../usecases/import-boundaries.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount } from '../../commands/table.js';
import { parseAreaType } from './areas.js';

export interface ImportBoundariesArgs {
  file?: string;
  type?: string;
  vintage?: string;
  codeProperty?: string;
  source?: string;
}

export async function runImportBoundaries(
  ctx: CommandContext,
  args: ImportBoundariesArgs,
): Promise<number> {
  if (!args.file)
    throw new InputError('areas import-boundaries: name the GeoJSON or TopoJSON file');
  const type = parseAreaType(args.type);
  if (!type)
    throw new InputError(
      'areas import-boundaries: --type is required (force, csp, district, ward, lsoa)',
    );
  if (!args.vintage)
    throw new InputError('areas import-boundaries: --vintage is required (e.g. 2011, 2021)');
  const report = await withStore(ctx, (db) =>
    importBoundaries(db, {
      path: args.file as string,
      type,
      vintage: args.vintage as string,
      codeProperty: args.codeProperty,
      source: args.source,
    }),
  );
  if (ctx.json) {
    printJson(ctx, report);
    return 0;
  }
  ctx.out(
    `${report.path}: ${formatCount(report.stored)} ${report.type} boundaries (vintage ${report.vintage}, ` +
      `codes from "${report.codeProperty}") stored; ${formatCount(report.skipped)} features skipped.`,
  );
  for (const s of report.skippedSample) ctx.out(`    skipped: ${s}`);
  return 0;
}
