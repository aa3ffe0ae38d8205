/**
 * A meeting's minutes read from a file (.txt, .md, .docx) and the actions they assign, proposed
 * for a person to confirm: what `lantern minutes extract` prints, and what an import saves once
 * confirmed. Reads no store and writes nothing.
 */
import { extractMinutes } from '../domain/minutes/extract.js';
import type { MeetingRef } from '../domain/meeting-ref.js';
import type { ActionProposal } from '../domain/minutes/proposal.js';
import { readMinutes, type MinutesFormat } from '../ingest/minutes/read-minutes.js';

export interface MinutesExtraction {
  file: string;
  format: MinutesFormat;
  meeting: {
    name: string | null;
    date: string | null;
    /** Where the date came from: the --meeting given, the minutes, or nowhere. */
    dateFrom: 'meeting option' | 'minutes' | null;
    attendees: string[];
    apologies: string[];
    nextMeeting: string | null;
  };
  proposals: ActionProposal[];
}

export async function extractMinutesFile(
  path: string,
  meeting: MeetingRef = { name: null, date: null },
): Promise<MinutesExtraction> {
  const minutes = await readMinutes(path);
  const found = extractMinutes(minutes.text, { meetingDate: meeting.date });
  const date = meeting.date ?? found.meeting.date;
  return {
    file: path,
    format: minutes.format,
    meeting: {
      name: meeting.name,
      date,
      dateFrom: meeting.date ? 'meeting option' : found.meeting.date ? 'minutes' : null,
      attendees: found.meeting.attendees,
      apologies: found.meeting.apologies,
      nextMeeting: found.meeting.nextMeeting,
    },
    proposals: found.proposals,
  };
}
