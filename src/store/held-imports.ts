/**
 * The imports the store holds, listed, and one taken out whole (`lantern imports`).
 *
 * An import is a batch: a police.uk file's (`import_batch`) or a partner file's
 * (`partner_batch`), with the rows it owns in the tables of `OWNED_TABLES`. Removing one is one
 * transaction: its rows and the batch go, a `removed_import` row (migration 025) says what it
 * held, and the audit log says who removed it; all of it is committed or none of it (a process
 * killed midway leaves the store as it was). The months it held become missing, not zero: no
 * batch holds them, and an older file they replaced does not come back (its rows went when it
 * was replaced; import it again to restore them). With `erase`, a `rewrite-file` task is added
 * in the same transaction: the store's file is then written again without the freed blocks,
 * which DuckDB leaves readable (`rewrite-store-file.ts`); a process killed before the rewrite
 * is done does it on the next open.
 */
import { appendAudit } from './audit-log.js';
import { list, TEXT_LIST, type Db } from './db.js';
import { OWNED_TABLES } from './integrity.js';

export type ImportSource = 'police' | 'partner';

export interface HeldImport {
  /** `police-12` or `partner-3`: the source and the batch id. */
  id: string;
  source: ImportSource;
  batchId: number;
  /** police-street, police-outcomes, police-stop-and-search, or the partner dataset. */
  dataset: string;
  /** The file as imported (a zip member as ZIP!MEMBER), without the folders it was in. */
  file: string;
  /** police.uk: the force. */
  force: string | null;
  /** Partner: the districts it covers; police.uk: the area a fetch covered (else none). */
  areas: string[];
  /** The months it was imported with, and those it still holds (a later file replaces some). */
  monthsImported: string[];
  monthsHeld: string[];
  /** The records it holds now. */
  rows: number;
  synthetic: boolean;
  /** UTC, "YYYY-MM-DD HH:MM". */
  importedAt: string;
  /** Who imported it, from the audit log's import entry naming its file (null: none found). */
  importedBy: string | null;
}

/** The reference a user gives: `police-12`, `partner-3`. */
export function parseImportId(text: string): { source: ImportSource; batchId: number } | null {
  const m = /^(police|partner)-([1-9][0-9]{0,8})$/u.exec(text.trim().toLowerCase());
  return m ? { source: m[1] as ImportSource, batchId: Number(m[2]) } : null;
}

/** A stored file name without the machine's folders: `sample.zip!2025-12/…csv`, `flytipping.csv`. */
function fileOf(stored: string): string {
  const [outer = stored, ...member] = stored.split('!');
  const base = outer.split(/[\\/]/u).filter(Boolean).pop() ?? outer;
  return [base, ...member].join('!');
}

/** Every import the store holds (or only one), police.uk first, each by batch id. */
export async function listHeldImports(
  db: Db,
  only?: { source: ImportSource; batchId: number },
): Promise<HeldImport[]> {
  const police = only?.source === 'partner' ? [] : await policeImports(db, only?.batchId);
  const partner = only?.source === 'police' ? [] : await partnerImports(db, only?.batchId);
  return [...police, ...partner];
}

type Raw = Record<string, unknown>;

const IMPORTED_AT = `strftime(b.finished_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M')`;

/**
 * The first audit entry of an import ending at or after the batch was written whose files name
 * the batch's file (the entry is appended when the import command ends).
 */
const IMPORTED_BY = `(SELECT a.actor FROM audit_log a
   WHERE a.action = 'import' AND a.logged_at >= b.finished_at
     AND contains(a.detail, regexp_extract(split_part(b.file_name, '!', 1), '[^/\\\\]+$'))
   ORDER BY a.seq LIMIT 1)`;

async function policeImports(db: Db, id?: number): Promise<HeldImport[]> {
  const rows = await db.query<Raw>(
    `SELECT b.id, b.dataset, b.file_name AS file, b.force, b.area_code AS area,
       list_sort(b.months) AS imported,
       coalesce((SELECT list(m.month ORDER BY m.month) FROM batch_month m
                 WHERE m.batch_id = b.id AND m.replaced_by IS NULL), []) AS held,
       coalesce((SELECT sum(m.row_count) FROM batch_month m
                 WHERE m.batch_id = b.id AND m.replaced_by IS NULL), 0)::BIGINT AS rows,
       ${IMPORTED_AT} AS at, ${IMPORTED_BY} AS by
     FROM import_batch b ${id === undefined ? '' : 'WHERE b.id = $id'} ORDER BY b.id`,
    id === undefined ? undefined : { id },
  );
  return rows.map((r) => ({
    id: `police-${Number(r.id)}`,
    source: 'police',
    batchId: Number(r.id),
    dataset: r.dataset as string,
    file: fileOf(r.file as string),
    force: r.force as string,
    areas: r.area === null ? [] : [r.area as string],
    monthsImported: r.imported as string[],
    monthsHeld: r.held as string[],
    rows: Number(r.rows),
    synthetic: false,
    importedAt: r.at as string,
    importedBy: (r.by as string | null) ?? null,
  }));
}

async function partnerImports(db: Db, id?: number): Promise<HeldImport[]> {
  const rows = await db.query<Raw>(
    `WITH held AS (
       SELECT batch_id, count(*) AS n FROM partner_record GROUP BY ALL
       UNION ALL SELECT batch_id, count(DISTINCT line) FROM partner_count GROUP BY ALL
       UNION ALL SELECT batch_id, count(*) FROM community_concern GROUP BY ALL
       UNION ALL SELECT batch_id, count(*) FROM partner_period_count GROUP BY ALL)
     SELECT b.id, b.dataset, b.file_name AS file, b.areas, b.synthetic,
       list_sort(b.months) AS imported,
       coalesce((SELECT list(DISTINCT c.month ORDER BY c.month) FROM partner_coverage c
                 WHERE c.batch_id = b.id AND c.replaced_by IS NULL), []) AS held,
       coalesce((SELECT sum(n) FROM held WHERE held.batch_id = b.id), 0)::BIGINT AS rows,
       ${IMPORTED_AT} AS at, ${IMPORTED_BY} AS by
     FROM partner_batch b ${id === undefined ? '' : 'WHERE b.id = $id'} ORDER BY b.id`,
    id === undefined ? undefined : { id },
  );
  return rows.map((r) => ({
    id: `partner-${Number(r.id)}`,
    source: 'partner',
    batchId: Number(r.id),
    dataset: r.dataset as string,
    file: fileOf(r.file as string),
    force: null,
    areas: r.areas as string[],
    monthsImported: r.imported as string[],
    monthsHeld: r.held as string[],
    rows: Number(r.rows),
    synthetic: r.synthetic as boolean,
    importedAt: r.at as string,
    importedBy: (r.by as string | null) ?? null,
  }));
}

export interface ImportRemoval {
  actor: string;
  reason: string | null;
  erase: boolean;
  /** The audit entry's area (a district or force) and detail. */
  audit: { area: string | null; detail: string };
}

/**
 * Removes the import whole, in one transaction with its `removed_import` row, its audit entry
 * and (with `erase`) the request to rewrite the store's file. Returns false when the store no
 * longer holds it (nothing changed).
 */
export async function removeHeldImport(
  db: Db,
  held: HeldImport,
  removal: ImportRemoval,
  at: Date,
): Promise<boolean> {
  const batches = held.source === 'police' ? 'import_batch' : 'partner_batch';
  return db.retryingTransaction(async () => {
    const [still] = await db.query<{ imported: string }>(
      `SELECT finished_at::VARCHAR AS imported FROM ${batches} WHERE id = $id`,
      { id: held.batchId },
    );
    if (still === undefined) return false;
    await db.query(
      `INSERT INTO removed_import VALUES ($source, $id, $dataset, $force, $areas, $months, $file, $rows, $imported::TIMESTAMPTZ, $at::TIMESTAMPTZ, $by, $reason,
         $erase)`,
      {
        source: held.source,
        id: held.batchId,
        dataset: held.dataset,
        force: held.force,
        areas: list(held.areas),
        months: list(held.monthsHeld),
        file: held.file,
        rows: held.rows,
        imported: still.imported,
        at: at.toISOString(),
        by: removal.actor,
        reason: removal.reason,
        erase: removal.erase,
      },
      { areas: TEXT_LIST, months: TEXT_LIST },
    );
    for (const table of OWNED_TABLES[batches]) {
      await db.run(`DELETE FROM ${table} WHERE batch_id = $id`, { id: held.batchId });
    }
    await db.run(`DELETE FROM ${batches} WHERE id = $id`, { id: held.batchId });
    await appendAudit(
      db,
      {
        actor: removal.actor,
        action: 'import remove',
        area: removal.audit.area,
        dataset: held.dataset,
        outcome: 'ok',
        detail: removal.audit.detail,
      },
      at,
    );
    if (removal.erase) {
      await db.run(`INSERT INTO store_pending_task VALUES ('rewrite-file', $reason)`, {
        reason: `import ${held.id} removed (${held.file})`,
      });
    }
    return true;
  });
}

/** The action plans made from these saved assessments: id, partnership, year, assessment. */
export async function plansFromAssessments(
  db: Db,
  assessmentIds: readonly string[],
): Promise<{ id: number; partnership: string; year: string; assessmentId: string }[]> {
  if (assessmentIds.length === 0) return [];
  const rows = await db.query<Raw>(
    `SELECT id, partnership, year, assessment_id AS "assessmentId" FROM action_plan
     WHERE list_contains($ids, assessment_id) ORDER BY year, partnership`,
    { ids: list(assessmentIds) },
    { ids: TEXT_LIST },
  );
  return rows.map((r) => ({
    id: Number(r.id),
    partnership: r.partnership as string,
    year: r.year as string,
    assessmentId: r.assessmentId as string,
  }));
}

/** An import removed earlier (migration 025), as it was listed when it went; null if none. */
export async function removedImport(
  db: Db,
  ref: { source: ImportSource; batchId: number },
): Promise<(HeldImport & { removedAt: string; removedBy: string; erased: boolean }) | null> {
  const [r] = await db.query<Raw>(
    `SELECT dataset, force, areas, months, file_name AS file, rows_held AS rows, erase,
       strftime(imported_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS imported,
       strftime(removed_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS removed, removed_by AS by
     FROM removed_import WHERE source = $source AND batch_id = $id`,
    { source: ref.source, id: ref.batchId },
  );
  if (r === undefined) return null;
  return {
    id: `${ref.source}-${ref.batchId}`,
    source: ref.source,
    batchId: ref.batchId,
    dataset: r.dataset as string,
    file: r.file as string,
    force: (r.force as string | null) ?? null,
    areas: r.areas as string[],
    monthsImported: r.months as string[],
    monthsHeld: r.months as string[],
    rows: Number(r.rows),
    synthetic: false,
    importedAt: r.imported as string,
    importedBy: null,
    removedAt: r.removed as string,
    removedBy: r.by as string,
    erased: r.erase as boolean,
  };
}

/**
 * Asks for the store's file to be rewritten for an import removed earlier without `erase`, with
 * its audit entry, in one transaction (the rewrite itself follows: `rewriteStoreFile`).
 */
export async function requestErasure(
  db: Db,
  removed: { source: ImportSource; batchId: number; id: string; file: string; dataset: string },
  actor: string,
  at: Date,
): Promise<void> {
  await db.retryingTransaction(async () => {
    await db.run(
      'UPDATE removed_import SET erase = true WHERE source = $source AND batch_id = $id',
      { source: removed.source, id: removed.batchId },
    );
    await db.run(`INSERT INTO store_pending_task VALUES ('rewrite-file', $reason)`, {
      reason: `import ${removed.id} removed earlier (${removed.file}): erased`,
    });
    await appendAudit(
      db,
      {
        actor,
        action: 'import erase',
        dataset: removed.dataset,
        outcome: 'ok',
        detail: `${removed.id} ${removed.file}: store file rewritten`,
      },
      at,
    );
  });
}
