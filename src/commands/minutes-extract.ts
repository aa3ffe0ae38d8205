/** `lantern minutes extract FILE`: the actions a meeting's minutes assign, for a person to confirm. */
import { z } from 'zod';

import { parseMeetingRef, type MeetingRef } from '../domain/meeting-ref.js';
import type { ActionProposal } from '../domain/minutes/proposal.js';
import type { MinutesExtraction } from '../usecases/extract-minutes.js';
import { InputError } from '../errors.js';
import { defineCommand, type OptionSpec } from './definition.js';
import { formatTable } from './table.js';

const FORMAT_NAMES = { text: 'plain text', markdown: 'Markdown', docx: 'Word document' } as const;
const TITLE_WIDTH = 72;

/** The minutes file, the one positional argument. */
export const minutesFile = {
  key: 'file' as const,
  placeholder: 'FILE',
  single: true as const,
  description: 'the minutes: a Word document (.docx), Markdown (.md) or plain text (.txt)',
  schema: z
    .array(z.string())
    .length(1, 'name one minutes file (.docx, .md or .txt)')
    .transform((a) => a[0] as string),
};

/** --meeting: the meeting's group and date ("CSCG 2025-11-12"). */
export const meetingOption: OptionSpec<MeetingRef | undefined> = {
  kind: 'string',
  description:
    'the meeting: its group and date ("CSCG 2025-11-12"); the date resolves due dates such as "by 31 January" (else the date the minutes state is used)',
  placeholder: 'MEETING',
  schema: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .transform((text, ctx): MeetingRef => {
      try {
        return parseMeetingRef(text);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    })
    .optional(),
};

export const minutesExtractCommand = defineCommand({
  name: 'minutes extract',
  task: 'Priorities and reports',
  summary:
    "The actions a meeting's minutes assign, each with its owner, due date and the rule that found it, for confirmation",
  description:
    'Reads minutes saved as a Word document (.docx), Markdown (.md) or plain text (.txt) and proposes the actions they assign: "Action – NAME to …", "ACTION: …", an Actions list or table, and sentences opening "NAME to provide/circulate/arrange/…". Sentences that only mention actions ("the action plan was discussed") give none. Due dates without a year ("by 31 January") and "by the next meeting" resolve from the meeting\'s date, from --meeting or the minutes; a deadline that names no one day ("by the end of Q3", "by mid-February") keeps its wording, with no date. Nothing is saved.',
  examples: [
    'lantern minutes extract minutes-2025-11.docx --meeting "CSCG 2025-11-12"',
    'lantern minutes extract minutes.txt --json',
  ],
  positionals: minutesFile,
  options: {
    meeting: meetingOption,
  },
  store: 'none',
  async run(_deps, input): Promise<MinutesExtraction> {
    const { extractMinutesFile } = await import('../usecases/extract-minutes.js');
    return extractMinutesFile(input.file, input.meeting);
  },
  text: (doc) => minutesText(doc),
});

export function minutesText(doc: MinutesExtraction): string {
  const { meeting, proposals } = doc;
  const which = [meeting.name, meeting.date ? dayText(meeting.date) : null]
    .filter(Boolean)
    .join(' on ');
  const heading =
    `${doc.file} (${FORMAT_NAMES[doc.format]}): ` +
    `${proposals.length === 0 ? 'no actions found' : `${proposals.length} proposed action${proposals.length === 1 ? '' : 's'}`}` +
    (which ? ` for ${which}` : '') +
    (meeting.dateFrom === 'minutes' ? ' (the date the minutes state)' : '');
  const lines = [heading];
  if (meeting.attendees.length > 0) lines.push(`Present: ${meeting.attendees.join(', ')}`);
  if (meeting.apologies.length > 0) lines.push(`Apologies: ${meeting.apologies.join(', ')}`);
  if (meeting.nextMeeting) lines.push(`Next meeting: ${dayText(meeting.nextMeeting)}`);
  if (proposals.length === 0) {
    lines.push(
      '',
      'No sentence assigns an action in a form Lantern recognises ("Action – NAME to …", "ACTION: …", an Actions list or table, "NAME to provide …").',
    );
    return lines.join('\n');
  }
  const source = doc.format === 'docx' ? 'paragraph' : 'line';
  lines.push(
    '',
    formatTable(
      ['#', 'owner', 'action', 'due', 'rule', 'source'],
      proposals.map((p) => [
        String(p.number),
        p.owner ?? '–',
        shortened(p.title),
        dueCell(p),
        `${p.rule} (${p.confidence})`,
        `${source} ${doc.format === 'docx' ? p.source.paragraph : p.source.line}`,
      ]),
      ['right'],
    ),
    '',
    'Nothing is saved: these are proposals for a person to confirm. --json gives each in full, with why its rule matched.',
  );
  if (proposals.some((p) => p.confidence === 'low')) {
    lines.push(
      'A low-confidence proposal is an undertaking in the discussion ("NAME agreed to …"): check it is an action.',
    );
  }
  if (
    !meeting.date &&
    proposals.some((p) => p.dueText && !p.due && !/asap|soon|immediately|urgent/i.test(p.dueText))
  ) {
    lines.push(
      'Some due dates need the meeting\'s date to resolve: give it with --meeting "CSCG 2025-11-12".',
    );
  }
  return lines.join('\n');
}

function dueCell(p: ActionProposal): string {
  if (p.due) return p.due;
  if (p.dueText && p.dueNote) return `(${p.dueText}: ${p.dueNote})`;
  return p.dueText ? `(${p.dueText})` : '–';
}

function shortened(title: string): string {
  return title.length <= TITLE_WIDTH ? title : `${title.slice(0, TITLE_WIDTH - 1).trimEnd()}…`;
}

function dayText(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
