/**
 * `lantern imports list` and `lantern imports remove`: the files the store holds, and one taken
 * out whole (the wrong partner file, a partner whose data-sharing agreement ended, a month
 * police.uk withdrew). For admins and analysts (and the store's local owner), as importing is;
 * an analyst lists and removes only what they could have imported (partner files of districts
 * they see in detail with the dataset opened there, police.uk files of a force they see in
 * detail). A removal is refused unless confirmed (`yes`), and then says what it did: the months
 * now missing, the saved assessments (and the plans made from them) whose evidence it took away,
 * and whether the file's bytes were erased from the store's file too.
 */
import { mayAdminister, type Actor } from '../domain/access.js';
import { forceById } from '../domain/forces.js';
import type { Scope } from '../domain/scope.js';
import { ForbiddenError, InputError, NotFoundError } from '../errors.js';
import { assertAreaAccess, assertDatasetInArea } from '../store/area-access.js';
import { forceCovering } from '../store/area-force.js';
import { listAssessments } from '../store/assessments.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import {
  listHeldImports,
  parseImportId,
  plansFromAssessments,
  removedImport,
  removeHeldImport,
  requestErasure,
  type HeldImport,
} from '../store/held-imports.js';
import { rewriteStoreFile } from '../store/rewrite-store-file.js';
import { assertMayImport } from './import-scope.js';
import { scopeOfUser } from './sign-in.js';

export type { HeldImport } from '../store/held-imports.js';

/** May the actor list and remove imports? Admins, analysts and the local owner (as importing). */
export function mayManageImports(actor: Actor): boolean {
  if (mayAdminister(actor)) return true;
  return actor.user !== null && !actor.user.disabled && actor.user.role === 'analyst';
}

async function requireImporter(db: Db, actor: Actor, action: string, now: Date): Promise<void> {
  if (mayManageImports(actor)) return;
  await db.retryingTransaction(() =>
    appendAudit(db, { actor: actor.name, action, outcome: 'refused' }, now),
  );
  throw new ForbiddenError(
    `${actor.name} may not ${action === 'imports list' ? 'list' : 'remove'} imports: only an admin or an analyst may`,
  );
}

/** What the actor sees: a named user's grants (the CLI's own --as), else the caller's scope. */
async function scopeOf(db: Db, actor: Actor, scope: Scope): Promise<Scope> {
  return actor.user === null ? scope : scopeOfUser(db, actor.user);
}

/** Refuses (ForbiddenError) an import the scope could not have imported. */
async function assertMayManage(db: Db, scope: Scope, held: HeldImport): Promise<void> {
  if (scope.areas === 'all' && scope.datasets === 'all' && scope.datasetAreas === undefined) return;
  if (held.source === 'partner') {
    await assertMayImport(db, scope, held.file, held.dataset, held.areas);
    return;
  }
  const pfa = held.force === null ? null : (forceById(held.force)?.pfaCode ?? null);
  if (pfa === null)
    throw new ForbiddenError(`${held.id}: only an admin may remove an import of this force`);
  await assertAreaAccess(db, scope, pfa, 'detail');
  // And the dataset itself (review: an analyst granted only hate crime in the force could remove
  // police.uk months they may not read).
  await assertDatasetInArea(db, scope, held.dataset, pfa, 'detail');
}

async function mayManage(db: Db, scope: Scope, held: HeldImport): Promise<boolean> {
  try {
    await assertMayManage(db, scope, held);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return false;
    throw error;
  }
}

/** The imports the store holds that the actor may manage, police.uk first. */
export async function listImports(
  db: Db,
  actor: Actor,
  scope: Scope,
  now: Date,
): Promise<HeldImport[]> {
  await requireImporter(db, actor, 'imports list', now);
  const seen = await scopeOf(db, actor, scope);
  const all = await listHeldImports(db);
  const kept: HeldImport[] = [];
  for (const held of all) if (await mayManage(db, seen, held)) kept.push(held);
  return kept;
}

export interface RemoveImportRequest {
  id: string;
  /** Confirmed: without it nothing is removed, and the refusal says what would be. */
  yes: boolean;
  /** Also rewrite the store's file, so that the removed values' bytes are gone from it. */
  erase: boolean;
  reason: string | null;
}

/** A saved assessment whose period held some of the removed months. */
export interface TouchedAssessment {
  id: string;
  area: string;
  period: string;
  savedAt: string;
  /** The removed months within its period. */
  months: string[];
}

export interface ImportRemovalReport {
  removed: HeldImport;
  /** Removed by an earlier command: this one only rewrote the store's file (erase). */
  earlier: boolean;
  /** Months it held that no import holds now: shown as missing, never zero. */
  monthsNowMissing: string[];
  assessments: TouchedAssessment[];
  plans: { id: number; partnership: string; year: string; assessmentId: string }[];
  /** Whether the store's file was rewritten (the values' bytes gone from it), and how long it took. */
  erased: boolean;
  eraseSeconds: number | null;
  removedBy: string;
  removedAt: string;
}

/** What the removal would take away, said before it is confirmed. */
function describe(held: HeldImport): string {
  const where = held.source === 'police' ? held.force : held.areas.join(', ');
  return (
    `${held.id}: ${held.file} (${held.dataset}, ${where}, ${monthRange(held.monthsHeld)}): ` +
    `${held.rows.toLocaleString('en-GB')} record(s)`
  );
}

export function monthRange(months: readonly string[]): string {
  if (months.length === 0) return 'no months held';
  const first = months[0] as string;
  const last = months.at(-1) as string;
  return months.length === 1
    ? first
    : `${first}..${last} (${months.length} month${months.length === 1 ? '' : 's'})`;
}

/**
 * Removes one import whole (one transaction, audited), or refuses (InputError) until confirmed.
 * With `erase`, the store's file is then written again without what was freed; `reopen` is the
 * handle to use afterwards (the file was replaced).
 */
export async function removeImport(
  db: Db,
  actor: Actor,
  scope: Scope,
  request: RemoveImportRequest,
  now: Date,
): Promise<{ report: ImportRemovalReport; db: Db }> {
  await requireImporter(db, actor, 'import remove', now);
  const seen = await scopeOf(db, actor, scope);
  const ref = parseImportId(request.id);
  if (ref === null)
    throw new InputError(
      `--id: "${request.id}" is not an import id: they read police-12 or partner-3 (lantern imports list)`,
      { field: 'id' },
    );
  const [held] = await listHeldImports(db, ref);
  if (held === undefined) return eraseRemoved(db, actor, seen, ref, request, now);
  try {
    await assertMayManage(db, seen, held);
  } catch (error) {
    if (error instanceof ForbiddenError) {
      await db.retryingTransaction(() =>
        appendAudit(
          db,
          {
            actor: actor.name,
            action: 'import remove',
            dataset: held.dataset,
            outcome: 'refused',
            detail: held.id,
          },
          now,
        ),
      );
    }
    throw error;
  }
  const assessments = await touchedAssessments(db, held);
  if (!request.yes) {
    const touched =
      assessments.length === 0
        ? ''
        : ` It would take evidence from ${assessments.length} saved assessment(s): ${assessments.map((a) => a.id).join(', ')}.`;
    throw new InputError(
      `${describe(held)} would be removed, its months left missing.${touched} Nothing was removed: run again with --yes to remove it${request.erase ? '' : ' (and --erase to rewrite the store file so its values are gone from the disk)'}.`,
      { field: 'yes' },
    );
  }
  const plans = await plansFromAssessments(
    db,
    assessments.map((a) => a.id),
  );
  const removed = await removeHeldImport(
    db,
    held,
    {
      actor: actor.name,
      reason: request.reason,
      erase: request.erase,
      audit: {
        area: held.source === 'police' ? held.force : held.areas.join(', ') || null,
        detail:
          `${held.id} ${held.file}: ${monthRange(held.monthsHeld)}, ` +
          `${held.rows} record(s)${request.reason ? `; reason: ${request.reason}` : ''}` +
          `${request.erase ? '; store file rewritten' : ''}`,
      },
    },
    now,
  );
  if (!removed)
    throw new NotFoundError(`--id: the store holds no import ${request.id} (lantern imports list)`);
  const missing = await monthsNowMissing(db, held);
  let handle = db;
  let eraseSeconds: number | null = null;
  if (request.erase) {
    const started = Date.now();
    handle = await rewriteStoreFile(db);
    eraseSeconds = (Date.now() - started) / 1000;
  }
  return {
    db: handle,
    report: {
      removed: held,
      earlier: false,
      monthsNowMissing: missing,
      assessments,
      plans,
      erased: request.erase,
      eraseSeconds,
      removedBy: actor.name,
      removedAt: now.toISOString(),
    },
  };
}

/** The months the import held that no other import holds now (normally all of them). */
async function monthsNowMissing(db: Db, held: HeldImport): Promise<string[]> {
  const still = new Set(
    (await listHeldImports(db))
      .filter(
        (h) =>
          h.dataset === held.dataset &&
          (held.source === 'police'
            ? h.force === held.force && (held.areas.length === 0 || h.areas.length === 0)
            : h.areas.some((a) => held.areas.includes(a))),
      )
      .flatMap((h) => h.monthsHeld),
  );
  return held.monthsHeld.filter((m) => !still.has(m));
}

/**
 * The saved assessments whose area and period the import's months fed: police.uk months of the
 * force covering the assessed area; a partner file's months for an assessed district it covers.
 */
async function touchedAssessments(db: Db, held: HeldImport): Promise<TouchedAssessment[]> {
  if (held.monthsHeld.length === 0) return [];
  const touched: TouchedAssessment[] = [];
  for (const a of await listAssessments(db)) {
    const months = held.monthsHeld.filter((m) => m >= a.periodFrom && m <= a.periodTo);
    if (months.length === 0) continue;
    const fed =
      held.source === 'police'
        ? held.dataset === 'police-street' &&
          (await forceCovering(db, a.areaCode))?.id === held.force
        : held.areas.includes(a.areaCode);
    if (!fed) continue;
    touched.push({
      id: a.id,
      area: a.areaName,
      period: `${a.periodFrom}..${a.periodTo}`,
      savedAt: a.savedAt,
      months,
    });
  }
  return touched;
}

/**
 * An import removed earlier, asked again with `erase`: its values may still be in the file's free
 * space, so the file is rewritten now (a removal made over HTTP, or without --erase).
 */
async function eraseRemoved(
  db: Db,
  actor: Actor,
  scope: Scope,
  ref: { source: 'police' | 'partner'; batchId: number },
  request: RemoveImportRequest,
  now: Date,
): Promise<{ report: ImportRemovalReport; db: Db }> {
  const removed = await removedImport(db, ref);
  if (removed === null)
    throw new NotFoundError(`--id: the store holds no import ${request.id} (lantern imports list)`);
  if (!request.erase)
    throw new NotFoundError(
      `--id: ${removed.id} (${removed.file}) was removed on ${removed.removedAt} UTC by ${removed.removedBy}; ` +
        (removed.erased
          ? "the store's file was rewritten then, so its values are gone from it"
          : "to rewrite the store's file so that its values are gone from the disk too, run this again with --erase --yes"),
    );
  await assertMayManage(db, scope, removed);
  if (!request.yes)
    throw new InputError(
      `${removed.id} (${removed.file}) was removed on ${removed.removedAt} UTC: the store's file would be written again without its values. Nothing was done: run again with --yes.`,
      { field: 'yes' },
    );
  await requestErasure(db, removed, actor.name, now);
  const started = Date.now();
  const handle = await rewriteStoreFile(db);
  return {
    db: handle,
    report: {
      removed,
      earlier: true,
      monthsNowMissing: [],
      assessments: [],
      plans: [],
      erased: true,
      eraseSeconds: (Date.now() - started) / 1000,
      removedBy: removed.removedBy,
      removedAt: `${removed.removedAt.replace(' ', 'T')}:00Z`,
    },
  };
}
