/**
 * The audit rows of what a request does with the data (domain/audited-use.ts): a read of a
 * restricted dataset, an export, an upload's import. Each is appended on a session of its own once
 * the use is over, never inside the request's read transaction (whose snapshot would make the
 * append conflict with every other request's).
 */
import { auditedUse, type AuditedUse } from '../domain/audited-use.js';
import { DATASET_SENSITIVITIES } from '../domain/dataset-sensitivity.js';
import { endingOf, recordUse } from '../usecases/audit.js';
import type { ServerContext } from './context.js';

/** The row a command's use leaves, or null: see `auditedUse`. */
export function useOf(command: string, input: Record<string, unknown>): AuditedUse | null {
  return auditedUse(command, input, DATASET_SENSITIVITIES);
}

/** Appends the row of a use, ended by `error` if it failed (undefined: it went through). */
export async function recordRequestUse(
  ctx: ServerContext,
  use: AuditedUse | null,
  error?: unknown,
): Promise<void> {
  if (use === null) return;
  const db = await ctx.store.session();
  try {
    await recordUse(db, ctx.actor ?? 'unknown', use, endingOf(error), ctx.clock());
  } finally {
    db.close();
  }
}
