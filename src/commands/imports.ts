/** `lantern imports list` and `lantern imports remove`: the files the store holds, and taking one out (src/usecases/held-imports.ts). */
import type { HeldImport, ImportRemovalReport } from '../usecases/held-imports.js';
import { actorOf, asOption } from './access-options.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatCount, formatTable } from './table.js';

export const importsListCommand = defineCommand({
  name: 'imports list',
  task: 'Get data in',
  summary:
    'The imports the store holds: id, file, police.uk or dataset, force or districts, months, records, when and by whom (admins and analysts)',
  description:
    'Each import is one file (a zip archive gives one a month and kind): the months it still holds (a newer file replaces a month of an older one) and the records it holds in them. Its id is what `lantern imports remove` takes. Who imported it is read from the audit log (– when the log does not name it: the demo, or an import made before the log was kept).',
  examples: ['lantern imports list', 'lantern imports list --json'],
  options: { as: asOption },
  store: 'existing',
  async run(deps, input) {
    const { listImports } = await import('../usecases/held-imports.js');
    return listImports(deps.db, await actorOf(deps, input.as), deps.scope, deps.clock());
  },
  text: (imports: HeldImport[]) =>
    imports.length === 0
      ? 'No imports: the store holds no police.uk or partner file.'
      : [
          formatTable(
            ['id', 'file', 'data', 'force or area', 'months held', 'records', 'imported', 'by'],
            imports.map((i) => [
              i.id,
              i.file,
              `${i.dataset}${i.synthetic ? ' (SYNTHETIC)' : ''}`,
              i.source === 'police'
                ? `${i.force ?? ''}${i.areas.length > 0 ? ` (${i.areas.join(', ')})` : ''}`
                : i.areas.join(', '),
              heldText(i),
              formatCount(i.rows),
              `${i.importedAt} UTC`,
              i.importedBy ?? '–',
            ]),
          ),
          '',
          `${imports.length} import(s). Remove one with: lantern imports remove --id ID --yes`,
        ].join('\n'),
});

function heldText(i: HeldImport): string {
  const held = months(i.monthsHeld);
  if (i.monthsHeld.length === i.monthsImported.length) return held;
  return i.monthsHeld.length === 0
    ? `none (${months(i.monthsImported)} replaced)`
    : `${held} (of ${months(i.monthsImported)})`;
}

function months(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  return list.length === 1 ? (list[0] as string) : `${list[0]}..${list.at(-1)}`;
}

export const importsRemoveCommand = defineCommand({
  name: 'imports remove',
  task: 'Get data in',
  summary:
    'Take one import out whole: its records and counts go, its months become missing (admins and analysts)',
  description:
    "For the wrong file (another district's, last year's, one holding what it should not), a partner whose data-sharing agreement has ended, or a month police.uk withdrew. The import goes whole or not at all, in one transaction with its audit entry; its months are then shown as missing, never zero (an older file it replaced does not come back: import that again to restore it). Without ⟨yes⟩ nothing is removed and the refusal says what would be. The saved assessments whose period held its months, and the plans made from them, are named, and `lantern assess list` shows the months as removed since. DuckDB leaves deleted values readable in the store's file until the space is reused: ⟨erase⟩ also writes the file again without them (it takes a few seconds for each 50 MB of store, and needs that much free space). Reports and files already written elsewhere are not touched.",
  examples: [
    'lantern imports remove --id partner-7',
    'lantern imports remove --id partner-7 --yes --erase --reason "Watford file imported by mistake"',
  ],
  options: {
    id: option.requiredText(
      'the import to remove (lantern imports list): police-12, partner-3',
      'ID',
    ),
    yes: option.flag('remove it (without this, nothing is removed: what would be is said)'),
    erase: option.flag(
      "also rewrite the store's file, so that the removed values are gone from the disk (also for an import removed earlier without it)",
    ),
    reason: option.text('why, kept in the audit log', 'TEXT'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input) {
    const { removeImport } = await import('../usecases/held-imports.js');
    const { report, db } = await removeImport(
      deps.db,
      await actorOf(deps, input.as),
      deps.scope,
      { id: input.id, yes: input.yes, erase: input.erase, reason: input.reason ?? null },
      deps.clock(),
    );
    // An erasure wrote the store's file again and opened the new one: this run is done with it.
    if (db !== deps.db) db.close();
    return report;
  },
  text: (r: ImportRemovalReport) => {
    const i = r.removed;
    if (r.earlier)
      return (
        `${i.id} (${i.file}) was removed on ${r.removedAt.slice(0, 16).replace('T', ' ')} UTC by ${r.removedBy}. ` +
        `The store's file was written again without its values (${(r.eraseSeconds ?? 0).toFixed(1)} s): they are gone from it. ` +
        'Copies and backups of the store, and reports already written, still hold them.'
      );
    const lines = [
      `Removed ${i.id}: ${i.file} (${i.dataset}), ${formatCount(i.rows)} record(s).`,
      r.monthsNowMissing.length > 0
        ? `Now missing (no file holds them; shown as missing, not zero): ${months(r.monthsNowMissing)} (${r.monthsNowMissing.length} month(s)).`
        : 'It held no month any more: no figure changed.',
    ];
    if (r.assessments.length > 0) {
      lines.push('', 'Saved assessments that used these months (assess again to see what moved):');
      for (const a of r.assessments)
        lines.push(`  ${a.id}  ${a.area} ${a.period} (saved ${a.savedAt}): ${months(a.months)}`);
    }
    if (r.plans.length > 0) {
      lines.push('', 'Action plans made from those assessments:');
      for (const p of r.plans)
        lines.push(`  ${p.partnership} ${p.year} (from assessment ${p.assessmentId})`);
    }
    lines.push(
      '',
      r.erased
        ? `The store's file was written again without the removed values (${(r.eraseSeconds ?? 0).toFixed(1)} s): they are gone from it. Copies and backups of the store, and reports already written, still hold them.`
        : `The removed values are no longer in the store's tables, but DuckDB leaves their bytes in the store's file until the space is reused: for personal data, erase them too: lantern imports remove --id ${i.id} --erase --yes`,
      `Recorded in the audit log: ${r.removedBy}, ${r.removedAt.slice(0, 16).replace('T', ' ')} UTC.`,
    );
    return lines.join('\n');
  },
});
