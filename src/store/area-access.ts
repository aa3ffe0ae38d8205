/**
 * Where the store enforces a caller's grants on an area: the level at which a scope shows an
 * area held in the register (detail, aggregate, or null: not at all; domain/scope.ts areaLevel
 * over the area and the areas above it), and the refusals of a read the level does not allow.
 *
 * Aggregate (totals-only) access admits only the store's totals reads — counts by category and
 * month of a district, CSP or force — and only for a use case that shows them under disclosure
 * control (Scope.totals, set by `forTotals`). Everything else (records, points, hotspots, LSOA and
 * ward breakdowns, near-repeat, repeat locations, maps, exports of records) needs detail.
 */
import type { GrantLevel } from '../domain/access.js';
import { areaLevel, mayReadDatasetIn, type AccessNeed, type Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import { ancestorsOf, registeredArea } from './areas.js';
import type { Db } from './db.js';

export async function areaAccessLevel(
  db: Db,
  scope: Scope,
  code: string,
): Promise<GrantLevel | null> {
  if (scope.areas === 'all') return 'detail';
  return areaLevel(scope, await ancestorsOf(db, code));
}

/** Of these area codes, those the scope shows in detail. */
export async function areasSeenInDetail(
  db: Db,
  scope: Scope,
  codes: Iterable<string>,
): Promise<Set<string>> {
  const distinct = [...new Set(codes)];
  const levels = await Promise.all(distinct.map((c) => areaAccessLevel(db, scope, c)));
  return new Set(distinct.filter((_, i) => levels[i] === 'detail'));
}

/** The area types whose totals an aggregate grant shows (never a ward's or an LSOA's). */
const TOTALS_TYPES: ReadonlySet<string> = new Set(['district', 'csp', 'force']);

/**
 * Refuses (ForbiddenError) a read of the area at this need unless the scope allows it: detail
 * always; aggregate only for `totals` of a district, CSP or force, by a use case that shows them
 * under disclosure control. The refusal names the area and the administrators to ask.
 */
export async function assertAreaAccess(
  db: Db,
  scope: Scope,
  code: string,
  need: AccessNeed,
): Promise<void> {
  if (scope.areas === 'all') return;
  const level = areaLevel(scope, await ancestorsOf(db, code));
  if (level === 'detail') return;
  const area = await registeredArea(db, code);
  if (
    level === 'aggregate' &&
    need === 'totals' &&
    scope.totals &&
    TOTALS_TYPES.has(area?.type ?? '')
  )
    return;
  const named = area ? `${area.name} (${code})` : `area ${code}`;
  const ask =
    scope.adminAccount === true
      ? `as an administrator, you may grant it to yourself (lantern users grant --user YOUR-NAME --area ${code} --level detail, or Administration in the dashboard)`
      : await whomToAsk(db);
  const totals = `your access shows ${named} as totals only: its counts by category and month, small counts suppressed (see Trends)`;
  if (level === 'aggregate' && scope.totalsOnlyAccount === true)
    throw new ForbiddenError(
      `${totals}. A viewer's account shows totals only, whatever its grants, so a grant will not show its records, map, hotspots, ward and LSOA breakdowns: ${await whomToAskForAccount(db)}`,
    );
  if (level === 'aggregate')
    throw new ForbiddenError(
      `${totals}. Its records, map, hotspots, ward and LSOA breakdowns need a detail grant: ${ask}`,
    );
  throw new ForbiddenError(`your access does not cover ${named}: ${ask}`);
}

/** "ask your Lantern administrator (A. Name, B. Name) for a grant if you need it". */
export async function whomToAsk(db: Db): Promise<string> {
  return `${await askAdministrators(db)} for a grant if you need it`;
}

/** "ask your Lantern administrator (A. Name) for an analyst's or partner's account if you need one". */
async function whomToAskForAccount(db: Db): Promise<string> {
  return `${await askAdministrators(db)} for an analyst's or partner's account if you need one`;
}

async function askAdministrators(db: Db): Promise<string> {
  const admins = await db
    .query<{ name: string }>(
      `SELECT name FROM app_user WHERE role = 'admin' AND NOT disabled ORDER BY name LIMIT 3`,
    )
    .catch(() => []);
  const names = admins.map((a) => a.name);
  return `ask your Lantern administrator${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
}

/**
 * Refuses (ForbiddenError) a read of the dataset in the area unless a grant that opened the dataset
 * covers the area (domain/scope.ts mayReadDatasetIn): a detail grant, or for totals an aggregate
 * one. A scope without `datasetAreas` (FULL_SCOPE) is not looked up at all.
 */
export async function assertDatasetInArea(
  db: Db,
  scope: Scope,
  dataset: string,
  code: string,
  need: AccessNeed = 'detail',
): Promise<void> {
  if (scope.datasetAreas === undefined) return;
  if (!mayReadDatasetIn(scope, dataset, await ancestorsOf(db, code), need)) {
    throw new ForbiddenError(
      `your access does not cover the ${dataset} dataset in area ${code}: ${await whomToAsk(db)}`,
    );
  }
}
