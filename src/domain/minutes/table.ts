/**
 * Tables of actions ("| Action | Owner | Due |", a Word table read as such): a header naming the
 * action column and its owner or due date, then one action a row. Pure.
 */
import { dateAt } from './dates.js';
import { findDue, type Due, type DueContext } from './due-date.js';
import type { ActionRule, Confidence } from './proposal.js';

const ACTION =
  /^(?:actions?(?:\s+(?:agreed|points?|required))?|agreed\s+actions?|description|task|what)$/i;
const OWNER =
  /^(?:owners?|owner\(s\)|lead(?:\s+officer)?|who|by\s+whom|responsible|action(?:ed)?\s+by|lead\s+agency)$/i;
const DUE =
  /^(?:due|due\s+date|deadline|by\s+when|target(?:\s+date)?|date\s+due|when|timescale|completion\s+date)$/i;
const STATUS = /^(?:status|rag|progress)$/i;
const SEPARATOR = /^:?-{2,}:?$/;
const EMPTY = /^(?:|-|–|—|n\/a|tbc|tba)$/i;
const DONE = /^(?:complete|completed|done|closed|discharged|superseded)\b/i;

export interface TableRow {
  title: string;
  owner: string | null;
  due: Due | null;
  rule: ActionRule;
  confidence: Confidence;
  reason: string;
}

export interface ActionTable {
  /** A row's action, or null for a separator, an empty row or one marked done. */
  row(cells: readonly string[], context: DueContext): TableRow | null;
}

/** The table's columns when `cells` is a header naming an action and its owner or due date. */
export function actionTable(cells: readonly string[]): ActionTable | null {
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c.replace(/[:*]/g, '').trim()));
  const action = find(ACTION);
  const owner = find(OWNER);
  const due = find(DUE);
  const status = find(STATUS);
  if (action < 0 || (owner < 0 && due < 0)) return null;
  const headers = cells.filter((c) => c !== '').join(' | ');
  return {
    row(row, context) {
      if (row.every((c) => SEPARATOR.test(c) || c === '')) return null;
      const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
      const title = cell(action).replace(/\.$/, '');
      if (EMPTY.test(title)) return null;
      if (DONE.test(cell(status))) return null;
      const who = cell(owner);
      const when = cell(due);
      let dueFound: TableRow['due'];
      if (!EMPTY.test(when)) {
        const date = dateAt(when, context.meetingDate);
        const found = date ? null : findDue(`by ${when}`, context);
        const note = date?.note ?? found?.note;
        dueFound = {
          due: date ? date.iso : (found?.due ?? null),
          text: when,
          ...(note === undefined ? {} : { note }),
        };
      } else {
        dueFound = findDue(title, context);
      }
      return {
        title,
        owner: EMPTY.test(who) ? null : who,
        due: dueFound,
        rule: 'action-table',
        confidence: 'high',
        reason: `a row of the table headed "${headers}"`,
      };
    },
  };
}
