/**
 * Saving a meeting with the actions it raised: what `lantern minutes import` calls once a person
 * has confirmed the actions found in the minutes. The meeting is known by its partnership and
 * title ("CSCG 2025-11-12"); saving it again needs the version read (`expectVersion`) and adds
 * only actions not already held for it (by title), so an import repeated adds nothing twice; the
 * same minutes under another title (sameMeetingHeld) are refused, naming the meeting held.
 * Each action goes into the plan of the year the meeting falls in, when the partnership has one.
 */
import type { Actor } from '../../domain/access.js';
import type { ActionRecord, MeetingRecord, PlanRecord } from '../../domain/plan/plan-types.js';
import { planYearOf } from '../../domain/plan/plan-year.js';
import { conflictMessage } from '../../domain/plan/changes.js';
import { ConflictError, InputError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { findActions } from '../../store/plan-actions.js';
import { historyOf } from '../../store/plan-history.js';
import {
  ensureGroup,
  findMeetings,
  insertMeeting,
  updateMeeting,
} from '../../store/plan-meetings.js';
import { ensurePartnership, findPlans, nextId } from '../../store/plan-rows.js';
import { checkDay, insertNewAction, type NewAction } from './plan-actions.js';
import { recordChange, requirePlanEdit, planTransaction } from './plan-change.js';

export interface MeetingInput {
  partnership: string;
  /** "CSCG 2025-11-12": unique within the partnership. */
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  group?: string | undefined;
  attendees?: readonly string[];
  agenda?: readonly string[];
  decisions?: readonly string[];
  /** Where it came from: the minutes file's name. */
  source?: string | null;
}

export interface SavedMeeting {
  meeting: MeetingRecord;
  plan: PlanRecord | null;
  added: ActionRecord[];
  /** Actions given that the meeting held already (by title). */
  kept: string[];
  created: boolean;
}

export async function saveMeeting(
  db: Db,
  actor: Actor,
  input: MeetingInput,
  actions: readonly NewAction[],
  now: Date,
  expectVersion?: number,
): Promise<SavedMeeting> {
  const date = checkDay(input.date, 'date', now);
  const title = input.title.trim();
  if (title === '') throw new InputError('a meeting needs a title', { field: 'meeting' });
  const [plan] = await findPlans(db, {
    partnership: input.partnership,
    year: planYearOf(date).label,
  });
  await requirePlanEdit(
    db,
    actor,
    plan ?? { areaCode: null, partnership: input.partnership, year: '' },
    'plan',
    'plan.meeting.save',
    now,
  );
  return planTransaction(db, async () => {
    const same = await sameMeetingHeld(db, input, actions);
    if (same) throw new InputError(sameMeetingMessage(same), { field: 'meeting' });
    await ensurePartnership(db, input.partnership, plan?.areaCode ?? null, now.toISOString());
    const group = input.group ? await ensureGroup(db, input.partnership, input.group.trim()) : null;
    const [held] = await findMeetings(db, { partnership: input.partnership, title });
    const fields = {
      partnership: input.partnership,
      groupId: group?.id ?? held?.groupId ?? null,
      title,
      date,
      attendees: [...(input.attendees ?? held?.attendees ?? [])],
      agenda: [...(input.agenda ?? held?.agenda ?? [])],
      decisions: [...(input.decisions ?? held?.decisions ?? [])],
      source: input.source ?? held?.source ?? null,
    };
    let meeting: MeetingRecord;
    if (held === undefined) {
      meeting = { id: await nextId(db, 'plan_meeting'), ...fields, version: 1 };
      await insertMeeting(db, meeting);
      await recordChange(
        db,
        actor,
        {
          entity: 'meeting',
          entityId: meeting.id,
          version: 1,
          action: 'plan.meeting.save',
          change: `meeting "${title}" on ${date}`,
          before: null,
          after: meeting,
          area: plan?.areaCode ?? null,
        },
        now,
      );
    } else {
      if (expectVersion !== held.version)
        throw new ConflictError(
          expectVersion === undefined
            ? `the meeting "${title}" is saved already (version ${held.version}): to add to it, give the version you read (⟨expectVersion⟩ ${held.version})`
            : conflictMessage(
                `The meeting "${title}"`,
                expectVersion,
                held.version,
                await historyOf(db, 'meeting', held.id, expectVersion),
                '⟨expectVersion⟩',
              ),
          { field: 'expectVersion' },
        );
      meeting = { id: held.id, ...fields, version: held.version + 1 };
      if (!(await updateMeeting(db, meeting)))
        throw new ConflictError(
          `the meeting "${title}" was changed at the same moment by someone else: look at it again`,
        );
      await recordChange(
        db,
        actor,
        {
          entity: 'meeting',
          entityId: meeting.id,
          version: meeting.version,
          action: 'plan.meeting.save',
          change: `meeting "${title}" saved again`,
          before: held,
          after: meeting,
          area: plan?.areaCode ?? null,
        },
        now,
      );
    }
    const heldTitles = new Set(
      (await findActions(db, { meetingId: meeting.id })).map((a) => a.title.toLowerCase()),
    );
    const added: ActionRecord[] = [];
    const kept: string[] = [];
    for (const a of actions) {
      if (heldTitles.has(a.title.trim().toLowerCase())) {
        kept.push(a.title);
        continue;
      }
      heldTitles.add(a.title.trim().toLowerCase());
      added.push(
        await insertNewAction(
          db,
          actor,
          plan ?? null,
          { ...a, group: a.group ?? input.group },
          now,
          {
            meetingId: meeting.id,
            partnership: input.partnership,
          },
        ),
      );
    }
    return { meeting, plan: plan ?? null, added, kept, created: held === undefined };
  });
}

/**
 * The meeting these minutes are of, held under another title: of the same partnership on the
 * same day, and one of the two titles names no group ("2019-01-16" beside "CSCG 2019-01-16"),
 * or it was saved from a file of the same name, or it holds an action of the same title. Two
 * groups meeting on one day are two meetings; the same minutes imported under two names are one.
 */
export async function sameMeetingHeld(
  db: Db,
  input: Pick<MeetingInput, 'partnership' | 'title' | 'date' | 'source'>,
  actions: readonly Pick<NewAction, 'title'>[],
): Promise<MeetingRecord | null> {
  const title = input.title.trim().toLowerCase();
  const date = checkDay(input.date, 'date');
  const titles = new Set(actions.map((a) => a.title.trim().toLowerCase()));
  for (const held of await findMeetings(db, { partnership: input.partnership })) {
    if (held.date !== date || held.title.toLowerCase() === title) continue;
    if (held.title === date || title === date) return held;
    if (input.source && held.source === input.source) return held;
    const heldTitles = (await findActions(db, { meetingId: held.id })).map((a) =>
      a.title.toLowerCase(),
    );
    if (heldTitles.some((t) => titles.has(t))) return held;
  }
  return null;
}

export function sameMeetingMessage(held: MeetingRecord): string {
  return `these minutes are of the meeting "${held.title}" of ${held.partnership} on ${held.date}, saved already (version ${held.version}${held.source ? `, from ${held.source}` : ''}): to add to it, import them as ⟨meeting⟩ "${held.title}" with ⟨expectVersion⟩ ${held.version}`;
}

export interface MeetingPreview {
  /** The meeting as held (to give its version when saving again), or null if new. */
  held: MeetingRecord | null;
  /** The same meeting held under another title (saving would be refused), or null. */
  sameAs: MeetingRecord | null;
  /** The plan its actions would join, or null. */
  plan: PlanRecord | null;
  /** The actions that saving would add, and those the meeting holds already (by title). */
  toAdd: string[];
  kept: string[];
}

/** What `saveMeeting` would do, without writing: for `minutes import --dry-run`. */
export async function previewMeeting(
  db: Db,
  input: Pick<MeetingInput, 'partnership' | 'title' | 'date' | 'source'>,
  actions: readonly Pick<NewAction, 'title'>[],
): Promise<MeetingPreview> {
  const date = checkDay(input.date, 'date');
  const [plan] = await findPlans(db, {
    partnership: input.partnership,
    year: planYearOf(date).label,
  });
  const [held] = await findMeetings(db, {
    partnership: input.partnership,
    title: input.title.trim(),
  });
  const titles = new Set(
    held ? (await findActions(db, { meetingId: held.id })).map((a) => a.title.toLowerCase()) : [],
  );
  const toAdd: string[] = [];
  const kept: string[] = [];
  for (const a of actions) {
    const key = a.title.trim().toLowerCase();
    (titles.has(key) ? kept : toAdd).push(a.title);
    titles.add(key);
  }
  const sameAs = held ? null : await sameMeetingHeld(db, input, actions);
  return { held: held ?? null, sameAs, plan: plan ?? null, toAdd, kept };
}
