/**
 * Actions found in a meeting's minutes, each a proposal for a person to confirm: the rule that
 * found it, its owner and due date where the minutes give them, and its line. Only wordings that
 * assign work count ("Action – NAME to …", "ACTION: …", an "Actions" list or table, "NAME to
 * provide …"); a sentence that merely mentions actions ("the action plan was discussed",
 * "actions from the last meeting were reviewed") gives nothing. Pure.
 */
import { dateAt } from './dates.js';
import { findDue, type Due, type DueContext } from './due-date.js';
import { headingLike, minutesLines, sentences, type MinutesLine } from './lines.js';
import { meetingDetails } from './meeting-details.js';
import { isOwnerOnly, ownerAgreedTo, ownerOf, ownerToVerb } from './owner.js';
import type {
  ActionProposal,
  ActionRule,
  Confidence,
  ExtractOptions,
  MeetingDetails,
} from './proposal.js';
import { actionTable, type ActionTable } from './table.js';

/** "Action –", "Action:", "ACTION:", "Actions:", "Action point 3:", "Action (JW):". */
const LABEL =
  /^(actions?(?:\s+points?)?(?:\s*(?:no\.?\s*)?\d+[a-z]?)?|action\s+by)\s*(?:\(([^()]{1,60})\))?\s*(?::|[–—-]+)\s*(.*)$/iu;
/** A heading over a list of this meeting's actions. */
const ACTIONS_HEADING =
  /^(?:new\s+|agreed\s+|summary\s+of\s+|list\s+of\s+|schedule\s+of\s+)?actions?(?:\s+(?:points?|agreed|arising|log|list|summary|required|table))?\s*:?$/iu;
/** A heading over earlier meetings' actions (their progress, not new work). */
const PREVIOUS_HEADING =
  /^(?:review\s+of\s+|update\s+on\s+|progress\s+on\s+)?(?:(?:minutes|notes)\s+(?:and|&)\s+)?(?:matters\s+arising|(?:outstanding|previous|open|existing)\s+actions?|actions?\s+(?:from|of|arising\s+from)\s+(?:the\s+)?(?:last|previous)\s+meetings?|actions?\s+update|review\s+of\s+actions?)\b[^.]{0,60}$/iu;
const AGENDA_NUMBER = /^(?:item\s+)?\d{1,2}(?:\.\d{1,2})*[.):]?\s+/iu;
/** Headings that end a list whatever their case ("Any other business"). */
const AGENDA_HEADING =
  /^(?:any\s+other\s+business|aob|(?:date\s+of\s+)?(?:the\s+)?next\s+meeting|apologies|minutes|welcome|introductions|close|meeting\s+closed)\b/iu;
/** An action with nothing in it ("Action: none", "No actions"). */
const NONE =
  /^(?:none|nil|n\/a|-|–|no\s+(?:new\s+|further\s+)?actions?(?:\s+(?:arising|required|needed|agreed))?|nothing\s+(?:further|to\s+report)|ongoing|on\s*going|complete|completed|done|closed|see\s+(?:below|above|attached|overleaf|(?:the\s+)?action\s+log))\.?$/iu;
/** An earlier action's progress ("– complete", "Status: done"): not new work. */
const DONE =
  /(?:\s[–—-]\s*|\bstatus\s*:\s*|\()(?:complete|completed|done|closed|discharged|superseded)\)?\.?$/iu;

type Section = { kind: 'normal' } | { kind: 'previous' } | ActionsSection;
interface ActionsSection {
  kind: 'actions';
  heading: string;
  items: number;
  /** A blank line came after the last item. */
  gap: boolean;
}

interface Found {
  title: string;
  owner: string | null;
  due: Due | null;
  rule: ActionRule;
  confidence: Confidence;
  reason: string;
  line: MinutesLine;
}

export interface ExtractedMinutes {
  meeting: MeetingDetails;
  proposals: ActionProposal[];
}

/** The actions the minutes assign, as proposals to confirm. */
export function extractActions(text: string, options: ExtractOptions = {}): ActionProposal[] {
  return extractMinutes(text, options).proposals;
}

/** The meeting's details and the actions its minutes assign. */
export function extractMinutes(text: string, options: ExtractOptions = {}): ExtractedMinutes {
  const lines = minutesLines(text);
  const meeting = meetingDetails(lines);
  const context: DueContext = {
    meetingDate: options.meetingDate ?? meeting.date,
    nextMeeting: meeting.nextMeeting,
  };
  const found: Found[] = [];
  let section: Section = { kind: 'normal' };
  let table: ActionTable | null = null;

  lines.forEach((l, i) => {
    if (l.blank) {
      if (section.kind === 'actions' && section.items > 0) section.gap = true;
      return;
    }
    if (l.cells) {
      const header = actionTable(l.cells);
      if (header) table = header;
      else if (table && section.kind !== 'previous') {
        const row = table.row(l.cells, context);
        if (row && !NONE.test(row.title)) found.push({ ...row, line: l });
      }
      return;
    }
    table = null;
    // "4. Actions", "## 1. Minutes and actions from the last meeting": the agenda number aside.
    const heading = l.text.replace(AGENDA_NUMBER, '');
    if (heading.length <= 100 && PREVIOUS_HEADING.test(heading)) {
      section = { kind: 'previous' };
      return;
    }
    if (ACTIONS_HEADING.test(heading)) {
      section = { kind: 'actions', heading: heading.replace(/:$/, ''), items: 0, gap: false };
      return;
    }
    if (NONE.test(l.text)) return;
    const labelled = labelledActions(l, lines, i, context);
    if (labelled.length > 0) {
      found.push(...labelled);
      return;
    }
    if (sectionBreak(l)) section = { kind: 'normal' };
    if (section.kind === 'actions') {
      const item = section.items === 0 || !section.gap || l.listItem || ownerOf(l.text) !== null;
      if (item) {
        section.items += 1;
        section.gap = false;
        if (!DONE.test(l.text)) found.push(listItem(l, section.heading, context));
        return;
      }
      section = { kind: 'normal' };
    }
    if (section.kind === 'previous') return;
    for (const sentence of sentences(l.text)) {
      const assigned = assignedAction(sentence, l, context);
      if (assigned) found.push(assigned);
    }
  });

  const proposals = found.map((f, n) => ({
    number: n + 1,
    title: f.title,
    owner: f.owner,
    ...organisationOf(f.owner, meeting.attendees, f.line.text),
    due: f.due?.due ?? null,
    dueText: f.due?.text ?? null,
    ...(f.due?.note === undefined ? {} : { dueNote: f.due.note }),
    rule: f.rule,
    confidence: f.confidence,
    reason: f.reason,
    source: { line: f.line.line, paragraph: f.line.paragraph, text: f.line.text },
  }));
  return { meeting, proposals };
}

const ROLE =
  /\b(?:manager|officer|chair(?:man|woman|person)?|co-?ordinator|lead|head|director|inspector|sergeant|constable|councillor|clerk|secretary|analyst|advis[eo]r|worker|practitioner|member)\b/iu;

/**
 * The owner's organisation where those present list it beside the same name ("Seán O'Neill
 * (Gwent Police)"): case, spacing and accents aside. Nothing otherwise.
 */
function organisationOf(
  owner: string | null,
  attendees: readonly string[],
  text: string,
): { organisation?: string } {
  if (owner === null) return {};
  const key = (name: string) =>
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .toLowerCase();
  for (const a of attendees) {
    const m = /^(.+?)\s*\(([^()]+)\)\s*$/u.exec(a);
    // "(Partnerships and Inclusion Manager)" is a role, not an organisation.
    if (m && key(m[1] as string) === key(owner) && !ROLE.test(m[2] as string))
      return { organisation: (m[2] as string).trim() };
  }
  // Else as the action's own line gives it, in brackets after the owner: "René Müller (Police) to …".
  const at = text.indexOf(owner);
  const bracketed = at < 0 ? null : /^\s*\(([^()]{1,60})\)/u.exec(text.slice(at + owner.length));
  if (bracketed && !ROLE.test(bracketed[1] as string))
    return { organisation: (bracketed[1] as string).trim() };
  return {};
}

/** Actions a line's "Action" labels state, one per labelled sentence. */
function labelledActions(
  l: MinutesLine,
  lines: readonly MinutesLine[],
  at: number,
  context: DueContext,
): Found[] {
  const out: Found[] = [];
  const parts = sentences(l.text);
  parts.forEach((sentence, k) => {
    const m = LABEL.exec(sentence);
    if (!m) return;
    const label = sentence
      .slice(0, sentence.length - (m[3] as string).length)
      .replace(/\s+/g, ' ')
      .trim();
    const inLabel = m[2]?.trim();
    const body = title(m[3] as string);
    if (body === '' || NONE.test(body)) return;
    if (isOwnerOnly(body) && !inLabel) {
      // "… was agreed. Action: JW": the action is what comes before.
      const before = parts.slice(0, k).join(' ') || previousText(lines, at);
      if (!before) return;
      out.push({
        title: title(before),
        owner: body.replace(/\.$/, ''),
        due: findDue(before, context),
        rule: 'action-owner-after',
        confidence: 'medium',
        reason: `followed by "${label} ${body}", naming its owner`,
        line: l,
      });
      return;
    }
    const dashed = dashParts(body, context);
    const owner = inLabel ?? ownerOf(body) ?? dashed.owner;
    out.push({
      title: body,
      owner,
      due: findDue(body, context) ?? dashed.due,
      rule: 'action-label',
      confidence: owner ? 'high' : 'medium',
      reason: owner
        ? `starts "${label}" and names ${owner} as owner`
        : `starts "${label}"; no owner named`,
      line: l,
    });
  });
  return out;
}

function listItem(l: MinutesLine, heading: string, context: DueContext): Found {
  const parts = dashParts(l.text, context);
  const owner = ownerOf(l.text) ?? parts.owner;
  return {
    title: title(l.text),
    owner,
    due: findDue(l.text, context) ?? parts.due,
    rule: 'actions-list',
    confidence: owner ? 'high' : 'medium',
    reason: `listed under "${heading}"${owner ? '' : '; no owner named'}`,
    line: l,
  };
}

/** "NAME to provide …" (or "NAME agreed to provide …") in a sentence of the discussion. */
function assignedAction(sentence: string, l: MinutesLine, context: DueContext): Found | null {
  if (DONE.test(sentence)) return null;
  const toVerb = ownerToVerb(sentence);
  if (toVerb) {
    return {
      title: title(sentence),
      owner: toVerb.owner,
      due: findDue(sentence, context),
      rule: 'owner-to-verb',
      confidence: 'medium',
      reason: `opens "${toVerb.owner} to ${toVerb.verb}"`,
      line: l,
    };
  }
  const agreed = ownerAgreedTo(sentence);
  if (agreed) {
    return {
      title: title(sentence),
      owner: agreed.owner,
      due: findDue(sentence, context),
      rule: 'owner-agreed-to',
      confidence: 'low',
      reason: `opens "${agreed.owner} ${agreed.how}": an undertaking in the discussion; check it is an action`,
      line: l,
    };
  }
  return null;
}

/** A line that starts a new part of the minutes (and so ends a list of actions). */
function sectionBreak(l: MinutesLine): boolean {
  if (l.markdownHeading) return true;
  if (ownerToVerb(l.text) || ownerOf(l.text)) return false;
  if (AGENDA_HEADING.test(l.text) && l.text.length <= 60) return true;
  if (l.listItem) return false;
  if (!headingLike(l)) return false;
  const words = l.text.split(' ').filter((w) => w.length > 3);
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return l.text.endsWith(':') || (words.length > 0 && capitalised / words.length >= 0.6);
}

/**
 * The owner and due date of "Circulate the slides – JW – 31/01/2026": the parts after the task,
 * between dashes, that are an owner alone or a date alone.
 */
function dashParts(text: string, context: DueContext): { owner: string | null; due: Due | null } {
  let owner: string | null = null;
  let due: Due | null = null;
  for (const part of text.split(/\s[–—-]\s/u).slice(1)) {
    const p = part.trim().replace(/\.$/, '');
    const date = dateAt(p, context.meetingDate);
    if (date && date.length === p.length)
      due ??=
        date.note === undefined
          ? { due: date.iso, text: p }
          : { due: null, text: p, note: date.note };
    else if (isOwnerOnly(p)) owner ??= p;
  }
  return { owner, due };
}

function previousText(lines: readonly MinutesLine[], at: number): string {
  for (let k = at - 1; k >= 0; k--) {
    const l = lines[k] as MinutesLine;
    if (!l.blank) return l.cells ? '' : l.text;
  }
  return '';
}

/** The action's wording: spaces collapsed, a closing full stop dropped. */
function title(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}
