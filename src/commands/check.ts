/** `lantern check [--repair]`: whether the store is whole; with --repair, makes it so. */
import type { CheckStoreResult } from '../usecases/check-store.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';

export const checkCommand = defineCommand({
  name: 'check',
  task: 'Look after the store',
  summary:
    'Whether the store is whole: every record belongs to its import, every import holds what it recorded',
  description:
    "Checks that each record's import exists, that each import holds, month by month, the rows it recorded, and that no month is held by two imports. ⟨repair⟩ removes rows that belong to no import and each damaged import whole (its months then show as missing) and names the files to import again. Rows an import killed mid-commit left behind are removed whenever the store is opened, with a note.",
  examples: ['lantern check', 'lantern check --repair'],
  options: {
    repair: option.flag('remove what cannot be trusted, and name the files to import again'),
  },
  store: 'existing',
  async run(deps, input) {
    const { checkTheStore } = await import('../usecases/check-store.js');
    return checkTheStore(deps.db, { repair: input.repair });
  },
  text: formatCheck,
  json: ({ check, repair, after }) => ({
    batches: check.batches,
    rows: check.rows,
    problems: check.problems,
    repaired: repair,
    remaining: (after ?? check).problems,
  }),
  exitCode: ({ check, after }) => ((after ?? check).problems.length === 0 ? 0 : 2),
});

function formatCheck(result: CheckStoreResult): string {
  const { check, repair, after } = result;
  const lines: string[] = [];
  const left = (after ?? check).problems;
  const scale = `${check.batches.toLocaleString('en-GB')} import(s), ${check.rows.toLocaleString('en-GB')} row(s)`;
  if (check.problems.length === 0) {
    lines.push(
      `The store is whole: ${scale} checked; every record belongs to its import, and every import holds what it recorded.`,
    );
    return lines.join('\n');
  }
  lines.push(`The store has ${check.problems.length} problem(s) (${scale} checked):`);
  for (const p of check.problems)
    lines.push(`  - ${p.message}${p.fileName ? ` [${p.fileName}]` : ''}`);
  if (repair === null) {
    lines.push(
      "\nRun 'lantern check --repair' to remove the rows that belong to no import and each damaged import whole; its months then show as missing until its file is imported again.",
    );
    return lines.join('\n');
  }
  lines.push(
    `\nRepaired: ${repair.orphanRows.toLocaleString('en-GB')} row(s) without an import removed; ${repair.removed.length} damaged import(s) removed.`,
  );
  const files = [...new Set(repair.removed.map((r) => r.fileName))];
  if (files.length > 0) {
    lines.push('Import these files again to fill their months:');
    for (const f of files) lines.push(`  ${f}`);
  }
  if (left.length > 0) {
    lines.push(`\n${left.length} problem(s) remain:`);
    for (const p of left) lines.push(`  - ${p.message}`);
    return lines.join('\n');
  }
  return lines.join('\n');
}
