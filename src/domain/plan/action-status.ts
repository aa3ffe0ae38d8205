/** The states an action moves through, and the progress each implies. */
import { InputError } from '../../errors.js';

export const ACTION_STATUSES = [
  'not-started',
  'in-progress',
  'on-hold',
  'complete',
  'cancelled',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Each status in words, as the dashboard and the public page show it. */
export const STATUS_WORDS: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'on-hold': 'On hold',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export function parseActionStatus(text: string, field = 'status'): ActionStatus {
  const wanted = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, '-');
  const hit = ACTION_STATUSES.find((s) => s === wanted);
  if (hit === undefined)
    throw new InputError(`"${text}" is not a status: use ${ACTION_STATUSES.join(', ')}`, {
      field,
    });
  return hit;
}

/** Open: still to be done (carried over to next year's plan when the year ends). */
export function isOpen(status: ActionStatus): boolean {
  return status !== 'complete' && status !== 'cancelled';
}

/** Progress must be a whole percentage; a complete action is 100%. */
export function checkProgress(progress: number, status: ActionStatus, field = 'progress'): void {
  if (!Number.isInteger(progress) || progress < 0 || progress > 100)
    throw new InputError(`progress ${progress} is not a whole percentage from 0 to 100`, {
      field,
    });
  if (status === 'complete' && progress !== 100)
    throw new InputError(
      `a complete action is 100% done, not ${progress}%: give --progress 100 or another status`,
      { field },
    );
}
