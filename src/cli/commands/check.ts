/** `lantern check [--repair]`: whether the store is whole; with --repair, makes it so. */
import { checkTheStore } from '../../usecases/check-store.js';
import { printJson, withStore, type CommandContext } from '../context.js';

export async function runCheck(ctx: CommandContext, options: { repair: boolean }): Promise<number> {
  const result = await withStore(ctx, (db) => checkTheStore(db, options), { mustExist: true });
  const { check, repair, after } = result;
  const left = (after ?? check).problems;
  if (ctx.json) {
    printJson(ctx, {
      batches: check.batches,
      rows: check.rows,
      problems: check.problems,
      repaired: repair,
      remaining: left,
    });
    return left.length === 0 ? 0 : 2;
  }
  const scale = `${check.batches.toLocaleString('en-GB')} import(s), ${check.rows.toLocaleString('en-GB')} row(s)`;
  if (check.problems.length === 0) {
    ctx.out(
      `The store is whole: ${scale} checked; every record belongs to its import, and every import holds what it recorded.`,
    );
    return 0;
  }
  ctx.out(`The store has ${check.problems.length} problem(s) (${scale} checked):`);
  for (const p of check.problems)
    ctx.out(`  - ${p.message}${p.fileName ? ` [${p.fileName}]` : ''}`);
  if (repair === null) {
    ctx.out(
      "\nRun 'lantern check --repair' to remove the rows that belong to no import and each damaged import whole; its months then show as missing until its file is imported again.",
    );
    return 2;
  }
  ctx.out(
    `\nRepaired: ${repair.orphanRows.toLocaleString('en-GB')} row(s) without an import removed; ${repair.removed.length} damaged import(s) removed.`,
  );
  const files = [...new Set(repair.removed.map((r) => r.fileName))];
  if (files.length > 0) {
    ctx.out('Import these files again to fill their months:');
    for (const f of files) ctx.out(`  ${f}`);
  }
  if (left.length > 0) {
    ctx.out(`\n${left.length} problem(s) remain:`);
    for (const p of left) ctx.out(`  - ${p.message}`);
    return 2;
  }
  return 0;
}
