/**
 * `lantern minutes import FILE --meeting "CSCG 2025-11-12"`: the actions the minutes assign, shown
 * for confirmation (⟨dryRun⟩) and then saved — those confirmed with ⟨accept⟩ — with the meeting,
 * into the partnership's plan for the year the meeting falls in.
 */
import { z } from 'zod';

import type { MeetingRecord } from '../domain/plan/plan-types.js';
import type { MinutesImport } from '../usecases/import-minutes.js';
import { actorOf, asOption } from './access-options.js';
import { defineCommand, type OptionSpec } from './definition.js';
import { meetingOption, minutesFile, minutesText } from './minutes-extract.js';
import { option } from './options.js';

const acceptOption: OptionSpec<'all' | number[] | undefined> = {
  kind: 'string',
  description:
    'the proposed actions to save, confirmed by a person: all, or their numbers as the dry run lists them (1,3)',
  placeholder: 'all|N,N',
  schema: z
    .string()
    .trim()
    .transform((text, ctx): 'all' | number[] => {
      if (text.toLowerCase() === 'all') return 'all';
      const parts = text.split(/\s*,\s*/u);
      if (parts.every((p) => /^[1-9]\d*$/u.test(p))) return parts.map(Number);
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not all or a list of numbers such as 1,3`,
      });
      return z.NEVER;
    })
    .optional(),
};

export const minutesImportCommand = defineCommand({
  name: 'minutes import',
  task: 'Priorities and reports',
  summary:
    "A meeting's minutes into the action plan: the actions they assign shown for confirmation, then saved with the meeting",
  description:
    'Reads the minutes (.docx, .md or .txt) as minutes extract does. With ⟨dryRun⟩ it lists the proposed actions and what would be saved, and saves nothing; then ⟨accept⟩ all (or the numbers confirmed, 1,3) saves the meeting with those actions, each quoting the line of the minutes it came from, into the plan of the year the meeting falls in. Importing the same minutes again adds only actions not already held for the meeting (give ⟨expectVersion⟩, the version of the meeting saved); the same minutes under another meeting name (the same day, with a group named once and not the other time, or the same file or actions) are refused, naming the meeting held.',
  examples: [
    'lantern minutes import minutes-2025-11.docx --meeting "CSCG 2025-11-12" --dry-run',
    'lantern minutes import minutes-2025-11.docx --meeting "CSCG 2025-11-12" --accept 1,2',
  ],
  positionals: minutesFile,
  options: {
    meeting: meetingOption,
    partnership: option.text(
      'the partnership (needed only when the store holds plans of more than one)',
      'NAME',
    ),
    dryRun: option.flag('show the proposed actions and what would be saved; save nothing'),
    accept: acceptOption,
    expectVersion: {
      kind: 'string',
      description: 'the version of the meeting read, to save a meeting held already again',
      placeholder: 'N',
      schema: z.coerce.number().int().positive().optional(),
    } satisfies OptionSpec<number | undefined>,
    as: asOption,
  },
  store: 'existing',
  async run(deps, input): Promise<MinutesImport> {
    const { importMinutes } = await import('../usecases/import-minutes.js');
    return importMinutes(
      deps.db,
      await actorOf(deps, input.as),
      {
        file: input.file,
        meeting: input.meeting ?? { name: null, date: null },
        partnership: input.partnership,
        accept: input.accept,
        dryRun: input.dryRun,
        expectVersion: input.expectVersion,
      },
      deps.clock(),
    );
  },
  text: (doc) => importText(doc),
});

function sameMeetingWords(held: MeetingRecord): string {
  return `these minutes are of the meeting "${held.title}" of ${held.partnership} on ${held.date}, saved already (version ${held.version}${held.source ? `, from ${held.source}` : ''}): to add to it, import them as --meeting "${held.title}" with --expect-version ${held.version}`;
}

function importText(doc: MinutesImport): string {
  const where = `the meeting "${doc.title}" of ${doc.partnership}`;
  const plan = doc.planHeld
    ? `the ${doc.planYear} plan`
    : `no ${doc.planYear} plan yet (the actions are kept with the meeting; lantern plan create adds the plan)`;
  const lines = [minutesText(doc.extraction), ''];
  if (doc.dryRun) {
    const preview = doc.preview;
    const adds = preview
      ? ` and ${preview.toAdd.length} action${preview.toAdd.length === 1 ? '' : 's'}${preview.kept.length > 0 ? ` (${preview.kept.length} held already for it, not added again)` : ''}`
      : '';
    lines.push(
      preview?.sameAs
        ? `Dry run: nothing saved. Saving would be refused: ${sameMeetingWords(preview.sameAs)}.`
        : preview?.held
          ? `Dry run: nothing saved. ${where[0]!.toUpperCase()}${where.slice(1)} is saved already (version ${preview.held.version}): saving again (--expect-version ${preview.held.version}) would add ${preview.toAdd.length} action${preview.toAdd.length === 1 ? '' : 's'}${preview.kept.length > 0 ? ` (${preview.kept.length} held already, not added again)` : ''}, into ${plan}.`
          : `Dry run: nothing saved. Saving would add ${where}${adds}, into ${plan}.`,
      preview?.sameAs
        ? ''
        : doc.extraction.proposals.length === 0
          ? 'No actions to confirm.'
          : `To save, confirm the actions: --accept all, or --accept with their numbers (${doc.extraction.proposals
              .slice(0, 2)
              .map((p) => p.number)
              .join(',')}).`,
    );
    return lines.filter((l, i) => l !== '' || i < lines.length - 1).join('\n');
  }
  const saved = doc.saved!;
  lines.push(
    `${saved.created ? 'Saved' : 'Saved again'} ${where} (version ${saved.meeting.version}), into ${plan}.`,
    saved.added.length === 0
      ? 'No action added.'
      : `Added ${saved.added.length} action${saved.added.length === 1 ? '' : 's'}: ${saved.added.map((a) => `${a.id} ${a.title}`).join('; ')}.`,
  );
  if (saved.kept.length > 0)
    lines.push(`Held already for this meeting, not added again: ${saved.kept.join('; ')}.`);
  return lines.join('\n');
}
