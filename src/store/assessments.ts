/**
 * Saved assessments (migration 008). An assessment's id is a hash of what made it (area, period,
 * inputs text, configuration text, Lantern version, store contents' result), so saving the same
 * assessment twice keeps one row: saving is idempotent.
 */
import { NotFoundError } from '../errors.js';
import type { SavedAssessmentRecord, SavedAssessmentSummary } from '../domain/assessment.js';
import type { Db } from './db.js';

/**
 * Saves (or re-saves, keeping the first time saved) one assessment, in one statement. The time
 * saved is UTC (`now()::TIMESTAMP` would be the machine's zone's: DuckDB takes it from TZ), as
 * `monthsRevisedSince` reads it.
 */
export async function saveAssessment(
  db: Db,
  r: Omit<SavedAssessmentRecord, 'savedAt'>,
): Promise<void> {
  await db.run(
    `INSERT INTO assessment VALUES ($id, $areaCode, $areaName, $periodFrom, $periodTo, $inputsFile,
       $inputsText, $configFile, $configSha256, $lanternVersion, $result, timezone('UTC', now()))
     ON CONFLICT (id) DO NOTHING`,
    { ...r },
  );
}

const COLUMNS = `id, area_code AS "areaCode", area_name AS "areaName", period_from AS "periodFrom",
  period_to AS "periodTo", inputs_file AS "inputsFile", config_file AS "configFile",
  config_sha256 AS "configSha256", lantern_version AS "lanternVersion",
  strftime(saved_at, '%Y-%m-%d %H:%M:%S') AS "savedAt"`;

export async function listAssessments(db: Db): Promise<SavedAssessmentSummary[]> {
  return db.query<SavedAssessmentSummary & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM assessment ORDER BY saved_at, id`,
  );
}

/**
 * One saved assessment by its id (or a unique prefix of at least 6 characters); `option` names
 * where the id was given, for the refusal when none (or more than one) matches.
 */
export async function savedAssessment(
  db: Db,
  id: string,
  option = '⟨compareWith⟩',
): Promise<SavedAssessmentRecord> {
  const wanted = id.trim().toLowerCase();
  const rows =
    wanted.length >= 6
      ? await db.query<SavedAssessmentRecord & Record<string, unknown>>(
          `SELECT ${COLUMNS}, inputs_text AS "inputsText", result FROM assessment
           WHERE starts_with(id, $id) ORDER BY id LIMIT 2`,
          { id: wanted },
        )
      : [];
  if (rows.length !== 1)
    throw new NotFoundError(
      rows.length > 1
        ? `${option}: "${id}" matches more than one saved assessment; give more of the id`
        : `${option}: no saved assessment "${id}" (list them: lantern assess list)`,
    );
  return rows[0]!;
}

/**
 * The months of an area's period whose data were imported again after `savedAt`, replacing
 * records the store held then: the force's police.uk street months replaced by a later file, and
 * the months of partner files covering the area that replaced rows; and, marked `removed`, the
 * months of imports removed since (`lantern imports remove`) that fed it: the force's police.uk
 * street files, partner files covering the area. By dataset, months sorted.
 * `savedAt` is the assessment's saved_at as written (UTC, "YYYY-MM-DD HH:MM:SS"): read as UTC
 * here, not in DuckDB's zone (the machine's), which would move it by an hour in summer time.
 */
export async function monthsRevisedSince(
  db: Db,
  a: {
    areaCode: string;
    force: string | null;
    periodFrom: string;
    periodTo: string;
    savedAt: string;
  },
): Promise<{ dataset: string; months: string[]; removed?: true }[]> {
  const rows = await db.query<{ dataset: string; month: string; removed: boolean }>(
    `SELECT DISTINCT 'police-street' AS dataset, m.month, false AS removed
     FROM batch_month m JOIN import_batch b ON b.id = m.replaced_by
     WHERE m.kind = 'street' AND m.force = $force AND m.month BETWEEN $from AND $to
       AND b.finished_at > ($savedAt || '+00')::TIMESTAMPTZ
     UNION
     SELECT DISTINCT dataset, month, false AS removed FROM (
       SELECT p.dataset, unnest(p.months) AS month FROM partner_batch p
       WHERE p.rows_replaced > 0 AND list_contains(p.areas, $area)
         AND p.finished_at > ($savedAt || '+00')::TIMESTAMPTZ)
     WHERE month BETWEEN $from AND $to
     UNION
     -- Imports removed since (migration 025): their months are missing now.
     SELECT DISTINCT dataset, month, true AS removed FROM (
       SELECT r.dataset, unnest(r.months) AS month FROM removed_import r
       WHERE r.removed_at > ($savedAt || '+00')::TIMESTAMPTZ
         AND CASE r.source WHEN 'police' THEN r.dataset = 'police-street' AND r.force = $force
                           ELSE list_contains(r.areas, $area) END)
     WHERE month BETWEEN $from AND $to
     ORDER BY removed, dataset, month`,
    {
      force: a.force ?? '',
      area: a.areaCode,
      from: a.periodFrom,
      to: a.periodTo,
      savedAt: a.savedAt,
    },
  );
  const out = new Map<string, { dataset: string; months: string[]; removed?: true }>();
  for (const r of rows) {
    const key = `${r.dataset}\0${r.removed}`;
    const entry = out.get(key) ?? {
      dataset: r.dataset,
      months: [],
      ...(r.removed ? { removed: true as const } : {}),
    };
    entry.months.push(r.month);
    out.set(key, entry);
  }
  return [...out.values()];
}
