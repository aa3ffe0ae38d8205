/**
 * `lantern minutes import`: a meeting's minutes read, the actions they assign proposed, and — once
 * a person has confirmed which (`accept`) — the meeting saved with those actions into the plan of
 * the year it falls in (saveMeeting). A dry run saves nothing and shows what would be saved.
 */
import { basename } from 'node:path';

import type { Actor } from '../domain/access.js';
import type { MeetingRef } from '../domain/meeting-ref.js';
import { implausiblePlanDay } from '../domain/plausible-dates.js';
import type { ActionProposal } from '../domain/minutes/proposal.js';
import { planYearOf } from '../domain/plan/plan-year.js';
import { InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { findPlans } from '../store/plan-rows.js';
import { extractMinutesFile, type MinutesExtraction } from './extract-minutes.js';
import type { NewAction } from './plan/plan-actions.js';
import {
  previewMeeting,
  saveMeeting,
  type MeetingPreview,
  type SavedMeeting,
} from './plan/save-meeting.js';

export interface MinutesImportInput {
  file: string;
  meeting: MeetingRef;
  partnership?: string | undefined;
  /** The proposals confirmed, by number, or all of them; absent for a dry run. */
  accept?: 'all' | readonly number[] | undefined;
  dryRun: boolean;
  expectVersion?: number | undefined;
}

export interface MinutesImport {
  extraction: MinutesExtraction;
  partnership: string;
  /** The meeting's title in the store ("CSCG 2025-11-12") and its date. */
  title: string;
  date: string;
  /** The plan year the meeting falls in, and whether the partnership has a plan for it. */
  planYear: string;
  planHeld: boolean;
  accepted: number[];
  dryRun: boolean;
  /** A dry run: what saving would do (add, keep, or refuse the same minutes under another title). */
  preview: MeetingPreview | null;
  saved: SavedMeeting | null;
}

export async function importMinutes(
  db: Db,
  actor: Actor,
  input: MinutesImportInput,
  now: Date,
): Promise<MinutesImport> {
  if (!input.dryRun && input.accept === undefined) {
    throw new InputError(
      'say which proposed actions to save: ⟨accept⟩ all, or ⟨accept⟩ 1,3 by their numbers (run with ⟨dryRun⟩ first to see them)',
      { field: 'accept' },
    );
  }
  const extraction = await extractMinutesFile(input.file, input.meeting);
  const date = extraction.meeting.date;
  if (date === null) {
    throw new InputError(
      `${input.file}: the minutes state no date: give the meeting as ⟨meeting⟩ "CSCG 2025-11-12"`,
      { field: 'meeting' },
    );
  }
  // Checked here, before a dry run too, so that the refusal says where the date came from.
  const implausible = implausiblePlanDay(date, now);
  if (implausible) {
    throw new InputError(
      input.meeting.date !== null
        ? `⟨meeting⟩: ${implausible}`
        : `${input.file}: the meeting's date the minutes state: ${implausible} If so, give the meeting as ⟨meeting⟩ "CSCG YYYY-MM-DD"`,
      { field: 'meeting' },
    );
  }
  const title = [input.meeting.name ?? extraction.meeting.name, date].filter(Boolean).join(' ');
  const partnership = await partnershipOf(db, input.partnership);
  const planYear = planYearOf(date).label;
  const [plan] = await findPlans(db, { partnership, year: planYear });
  const accepted = chosen(extraction.proposals, input.accept);
  const base = {
    extraction,
    partnership,
    title,
    date,
    planYear,
    planHeld: plan !== undefined,
    accepted: accepted.map((p) => p.number),
    dryRun: input.dryRun,
  };
  if (input.dryRun) {
    const preview = await previewMeeting(
      db,
      { partnership, title, date, source: basename(input.file) },
      accepted.map(actionOf),
    );
    return { ...base, preview, saved: null };
  }
  const saved = await saveMeeting(
    db,
    actor,
    {
      partnership,
      title,
      date,
      group: input.meeting.name ?? undefined,
      attendees: extraction.meeting.attendees,
      source: basename(input.file),
    },
    accepted.map(actionOf),
    now,
    input.expectVersion,
  );
  return { ...base, preview: null, saved };
}

/** The partnership named, or the only one the store holds a plan for. */
async function partnershipOf(db: Db, named: string | undefined): Promise<string> {
  if (named !== undefined) return named;
  const held = [...new Set((await findPlans(db)).map((p) => p.partnership))];
  if (held.length === 1) return held[0] as string;
  throw new InputError(
    held.length === 0
      ? 'no partnership has a plan yet: create one (lantern plan create --partnership "NAME" --year YYYY-YY --from-assessment latest), or name the partnership with ⟨partnership⟩'
      : `the store holds plans of ${held.map((p) => `"${p}"`).join(', ')}: name one with ⟨partnership⟩`,
    { field: 'partnership' },
  );
}

function chosen(
  proposals: readonly ActionProposal[],
  accept: 'all' | readonly number[] | undefined,
): ActionProposal[] {
  if (accept === undefined || accept === 'all') return [...proposals];
  const numbers = new Set(proposals.map((p) => p.number));
  const unknown = accept.filter((n) => !numbers.has(n));
  if (unknown.length > 0) {
    throw new InputError(
      proposals.length === 0
        ? 'no actions were found in the minutes, so there are none to accept'
        : `no proposed action is numbered ${unknown.join(', ')}: the proposals are 1 to ${proposals.length}`,
      { field: 'accept' },
    );
  }
  return proposals.filter((p) => accept.includes(p.number));
}

/** A confirmed proposal as an action of the plan, its source quoted in its description. */
function actionOf(p: ActionProposal): NewAction {
  return {
    title: p.title,
    owner: p.owner ?? undefined,
    organisation: p.organisation,
    due: p.due ?? undefined,
    description: `From the minutes (line ${p.source.line}): "${p.source.text}"${p.dueText && !p.due ? `; due: ${p.dueText}${p.dueNote ? ` (${p.dueNote})` : ''}` : ''}`,
  };
}
