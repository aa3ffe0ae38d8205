/**
 * What changed between two versions of a row, in words, and the message that refuses an edit
 * made from a version that is no longer current.
 */
import type { HistoryRecord } from './plan-types.js';

const SKIP = new Set(['version', 'updatedAt', 'updatedBy']);

/** Field names as a person reads them. */
const WORDS: Readonly<Record<string, string>> = {
  ragOverride: 'RAG set by hand',
  ragReason: 'reason for the RAG',
  dueDate: 'due date',
  priorityId: 'priority',
  objectiveId: 'objective',
  groupId: 'group',
  public: 'public',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.join(', ');
  return String(value);
}

/** "status in-progress → complete; progress 40 → 100". */
export function describeChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string {
  if (before === null) return 'created';
  if (after === null) return 'removed';
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !SKIP.has(k),
  );
  const parts = keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${WORDS[k] ?? k} ${shown(before[k])} → ${shown(after[k])}`);
  return parts.length > 0 ? parts.join('; ') : 'no field changed';
}

/**
 * The refusal of an edit made from version `read` of a row now at a later version: who changed
 * it, when, and what, for each change since.
 */
export function conflictMessage(
  what: string,
  read: number,
  current: number,
  since: readonly HistoryRecord[],
  retry: string,
): string {
  const changes = since.map(
    (h) =>
      `  version ${h.version}: ${h.author} at ${h.at.slice(0, 16).replace('T', ' ')} UTC: ${h.change || describeChanges(h.before, h.after)}`,
  );
  return [
    read > current
      ? `${what} is at version ${current}, not ${read}: give the version you read (it is shown with the action)`
      : `${what} was changed since you read it (you read version ${read}; it is now version ${current}), so your change was not saved:`,
    ...changes,
    `Look at it again and, if your change still stands, repeat it with ${retry} ${current}.`,
  ].join('\n');
}
