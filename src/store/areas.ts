/**
 * The area register: finding an area by code, name or police.uk force id, listing areas with
 * their populations and record counts, and the scope check every area-based query makes.
 */
import { AREA_TYPES, type Area, type AreaType, type Population } from '../domain/area.js';
import { forceIdFromName } from '../domain/forces.js';
import type { Scope } from '../domain/scope.js';
import { ForbiddenError, InputError, NotFoundError } from '../errors.js';
import { list, TEXT_LIST, type Db } from './db.js';
import { didYouMean } from '../domain/suggest.js';

/** When a name matches areas of several types, the first type here wins. */
const NAME_PRIORITY: readonly AreaType[] = ['district', 'force', 'csp', 'ward', 'lsoa'];
/** The types people name most: matched with punctuation and case aside too. */
const UPPER_TYPES: readonly AreaType[] = ['district', 'force', 'csp'];

/** SQL folding a name for matching: lower case, "." "," and apostrophes dropped, other marks spaces ("st helens"). */
const foldedSql = (expr: string) =>
  `trim(regexp_replace(regexp_replace(regexp_replace(strip_accents(lower(${expr})), '[.,''’]', '', 'g'), '[^a-z0-9]+', ' ', 'g'), ' +', ' ', 'g'))`;

/**
 * Every name an area goes by: the register's, and its other names (store/migrations/021: the
 * Welsh names of the principal areas of Wales), each with the area's code.
 */
const AREA_NAMES = `(SELECT code, name FROM area UNION ALL SELECT code, name FROM area_alias)`;

export interface AreaRow extends Area {
  population: Population | null;
}

export async function findArea(db: Db, query: string, type?: AreaType): Promise<AreaRow> {
  const area = await resolveArea(db, query, type);
  return { ...area, population: await populationOf(db, area.code) };
}

/**
 * The register's area an analyst names (code, name, or force id), without its population. Read
 * once per open store and name (Db.kept: the register and the forces' ids are written only by
 * migrations); a name that finds no area, or more than one, is asked again each time.
 */
export async function resolveArea(db: Db, query: string, type?: AreaType): Promise<Area> {
  const area = await db.kept(`resolve:${type ?? ''}:${query}`, () =>
    resolveAreaNow(db, query, type),
  );
  return { ...area };
}

async function resolveAreaNow(db: Db, query: string, type?: AreaType): Promise<Area> {
  // A force as police.uk's files name it ("Gwent Police", "Hertfordshire Constabulary") is the
  // force of that id.
  const forceId = forceIdFromName(query.trim()) ?? '';
  const params = { q: query.trim(), type: type ?? null };
  // Exact spelling first (a union of cheap lookups: no function of every row), then any case.
  let matches = await db.query<Area & Record<string, unknown>>(
    `SELECT * FROM (
       SELECT code, name, type, parent, vintage FROM area WHERE code = upper($q)
       UNION SELECT code, name, type, parent, vintage FROM area WHERE name = $q
       UNION SELECT a.code, a.name, a.type, a.parent, a.vintage
             FROM area_alias w JOIN area a ON a.code = w.code WHERE w.name = $q
       UNION SELECT a.code, a.name, a.type, a.parent, a.vintage
             FROM police_force f JOIN area a ON a.code = f.pfa_code WHERE f.id IN (lower($q), $fid))
     WHERE $type IS NULL OR type = $type`,
    { ...params, fid: forceId },
  );
  if (matches.length === 0)
    matches = await db.query<Area & Record<string, unknown>>(
      `SELECT code, name, type, parent, vintage FROM area
       WHERE (upper(code) = upper($q) OR lower(name) = lower($q)
              OR code IN (SELECT code FROM area_alias WHERE lower(name) = lower($q))
              OR code IN (SELECT pfa_code FROM police_force WHERE id = lower($q)))
         AND ($type IS NULL OR type = $type)`,
      params,
    );
  if (!matches.some((m) => UPPER_TYPES.includes(m.type))) {
    // "St Helens" is the council's spelling of the district ONS calls "St. Helens" (and two
    // wards elsewhere are called "St Helens"): names of forces, CSPs and districts match with
    // their punctuation and case aside, and the district is preferred below.
    const [folded] = await db.query<{ k: string }>(`SELECT ${foldedSql('$q')} AS k`, {
      q: params.q,
    });
    const loose = new Map<string, Area & Record<string, unknown>>();
    for (const { k, ...area } of await foldedUpperNames(db))
      if (k === folded?.k && (type === undefined || area.type === type))
        loose.set(area.code, { ...area });
    matches = [
      ...matches,
      ...[...loose.values()].filter((l) => !matches.some((m) => m.code === l.code)),
    ];
  }
  if (matches.length === 0) {
    // A slip gets a "did you mean" among the names people type most: forces, CSPs, districts.
    const names = await db.kept('names suggested', () =>
      db.query<{ name: string }>(
        `SELECT name FROM area WHERE type IN ('force', 'csp', 'district')
         UNION SELECT name FROM area_alias
         UNION SELECT id AS name FROM police_force`,
      ),
    );
    const hint = didYouMean(
      query,
      names.map((n) => n.name),
    );
    throw new NotFoundError(
      `no area is called "${query}"${type ? ` (type ${type})` : ''}${hint}; try \`lantern areas --all --type district\``,
    );
  }
  const best = matches.reduce((b, m) => Math.min(b, NAME_PRIORITY.indexOf(m.type)), Infinity);
  const chosen = matches.filter((m) => NAME_PRIORITY.indexOf(m.type) === best);
  if (chosen.length > 1) {
    // "Church, ward in Wirral": wards and LSOAs with their district, so that one can be chosen.
    const parents = new Map(
      (
        await areasByCode(db, [...new Set(chosen.flatMap((m) => (m.parent ? [m.parent] : [])))])
      ).map((p) => [p.code, p]),
    );
    // In order of their codes: the union above has no order, and the same question must get
    // the same answer.
    const list = chosen
      .toSorted((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((m) => {
        const parent = m.parent ? parents.get(m.parent) : undefined;
        const within =
          parent && (m.type === 'ward' || m.type === 'lsoa') ? ` in ${parent.name}` : '';
        return `${m.code} (${m.name}, ${m.type}${within})`;
      })
      .join(', ');
    throw new InputError(`"${query}" names more than one area: ${list}; give the code instead`);
  }
  return chosen[0] as Area;
}

/**
 * Every name of each force, CSP and district (the register's and its other names), folded as
 * foldedSql folds them: read once per open store (Db.kept: only migrations write the register),
 * not folded again for each name looked up (three regular expressions over 43,500 names: 50 ms
 * of CPU for a name that is no area).
 */
async function foldedUpperNames(db: Db): Promise<(Area & { k: string })[]> {
  return db.kept('folded upper names', () =>
    db.query<Area & { k: string } & Record<string, unknown>>(
      `SELECT DISTINCT a.code, a.name, a.type, a.parent, a.vintage, ${foldedSql('n.name')} AS k
       FROM ${AREA_NAMES} n JOIN area a ON a.code = n.code
       WHERE a.type IN ('force', 'csp', 'district')`,
    ),
  );
}

/** The most recent population recorded for an area, with its year and source. */
export async function populationOf(db: Db, code: string): Promise<Population | null> {
  const rows = await db.query<Population & Record<string, unknown>>(
    `SELECT count, year, source FROM population WHERE area_code = $code ORDER BY year DESC LIMIT 1`,
    { code },
  );
  return rows[0] ?? null;
}

/**
 * The area and every area above it, nearest first. Every grant check of every command and request
 * asks this, so each area's parent is read once per open store (Db.kept: the register is written
 * only by its migration) with a lookup by the primary key: an LSOA's five steps cost what the
 * recursive query they replace did (about 1 ms a step against 6–9 ms), and nothing after that.
 */
export async function ancestorsOf(db: Db, code: string): Promise<string[]> {
  const chain = [code];
  for (let at = code; chain.length < AREA_TYPES.length;) {
    const parent = await parentOf(db, at);
    if (parent === null) break;
    chain.push(parent);
    at = parent;
  }
  return chain;
}

/** An area's name and type in the register (null for a code it does not hold), read once per open store. */
export async function registeredArea(
  db: Db,
  code: string,
): Promise<{ name: string; type: AreaType } | null> {
  return db.kept(
    `area:${code}`,
    async () =>
      (
        await db.query<{ name: string; type: AreaType }>(
          'SELECT name, type FROM area WHERE code = $code',
          { code },
        )
      )[0] ?? null,
    (found) => found !== null,
  );
}

/** An area's parent in the register; null for a force, or a code the register does not hold. */
async function parentOf(db: Db, code: string): Promise<string | null> {
  const row = await db.kept(
    `parent:${code}`,
    async () =>
      (
        await db.query<{ parent: string | null }>('SELECT parent FROM area WHERE code = $code', {
          code,
        })
      )[0] ?? null,
    // A code not in the register is not kept: it is asked again, and answered as before.
    (found) => found !== null,
  );
  return row?.parent ?? null;
}

/** Throws ForbiddenError unless the scope covers the area (itself or an area above it). */
export async function assertAreaInScope(db: Db, scope: Scope, code: string): Promise<void> {
  if (scope.areas === 'all') return;
  const allowed = new Set(scope.areas);
  const chain = await ancestorsOf(db, code);
  if (!chain.some((c) => allowed.has(c))) {
    const area = await registeredArea(db, code);
    throw new ForbiddenError(
      `your access does not cover ${area ? `${area.name} (${code})` : `area ${code}`}: ask your Lantern administrator for a grant if you need it`,
    );
  }
}

export interface ListAreasOptions {
  type?: AreaType;
  /** Only areas inside this one. */
  within?: string;
  /** The whole register; otherwise only the areas of forces whose data the store holds. */
  all?: boolean;
}

export interface Deprivation {
  index: string;
  rank: number;
  decile: number;
  /** How many areas the index ranks (rank 1 is the most deprived). */
  of: number;
}

export interface ListedArea extends AreaRow {
  /** Street records placed in the area: crimes (ASB excluded) and ASB. */
  crime: number;
  asb: number;
  /** For LSOAs in England: the IMD 2019 rank and decile. */
  deprivation: Deprivation | null;
}

/**
 * Each area type's counts, from the records counted once by LSOA or by district (a plain scan
 * grouped by one column) and then joined to the register's few thousand rows: the records are
 * never joined to the area table themselves. Districts and the areas made of them are counted
 * from the import's counts by district (street_count, migration 019), not the records.
 */
const AREA_COUNTS: Readonly<
  Record<AreaType, { key: string; via: string; code: string; from: string; sum: string }>
> = {
  lsoa: { key: 'lsoa_code', via: '', code: 'k.key', from: 'crime', sum: 'count(*)' },
  ward: {
    key: 'lsoa_code',
    via: 'JOIN area l ON l.code = k.key',
    code: 'l.parent',
    from: 'crime',
    sum: 'count(*)',
  },
  district: {
    key: 'district_code',
    via: '',
    code: 'k.key',
    from: 'street_count',
    sum: 'sum(c.records)',
  },
  csp: {
    key: 'district_code',
    via: 'JOIN area d ON d.code = k.key',
    code: 'd.parent',
    from: 'street_count',
    sum: 'sum(c.records)',
  },
  force: {
    key: 'district_code',
    via: 'JOIN area d ON d.code = k.key JOIN area p ON p.code = d.parent',
    code: 'p.parent',
    from: 'street_count',
    sum: 'sum(c.records)',
  },
};

/**
 * The parts of the area-listing queries both lists share: `up` (each area of $type with each of
 * its ancestors, itself included) and `held_forces` (the forces with police.uk months held), …
 */
const AREAS_OF_TYPE = `WITH RECURSIVE up(code, ancestor) AS (
       SELECT code, code FROM area WHERE type = $type
       UNION ALL
       SELECT up.code, a.parent FROM up JOIN area a ON a.code = up.ancestor WHERE a.parent IS NOT NULL),
     held_forces AS (
       SELECT DISTINCT f.pfa_code AS code FROM batch_month b JOIN police_force f ON f.id = b.force
       WHERE b.replaced_by IS NULL AND f.pfa_code IS NOT NULL)`;
/** … each area's latest population (joined as `pop`) … */
const LATEST_POPULATION = `LEFT JOIN (SELECT area_code, arg_max(count, year) AS count, max(year) AS year,
                       arg_max(source, year) AS source FROM population GROUP BY area_code) pop
       ON pop.area_code = a.code`;
/** … and the filters of $within, and of areas in forces held unless $all. */
const WITHIN_AND_HELD = `($within IS NULL OR a.code IN (SELECT code FROM up WHERE ancestor = $within))
       AND ($all OR $within IS NOT NULL
            OR a.code IN (SELECT code FROM up WHERE ancestor IN (SELECT code FROM held_forces)))`;

export async function listAreas(
  db: Db,
  scope: Scope,
  options: ListAreasOptions,
): Promise<ListedArea[]> {
  const type = options.type ?? 'district';
  const scoped = scope.areas !== 'all';
  const counted = AREA_COUNTS[type];
  const rows = await db.query<Record<string, unknown>>(
    `${AREAS_OF_TYPE},
     keyed AS (
       SELECT c.${counted.key} AS key,
              ${counted.sum} FILTER (WHERE c.category <> 'anti-social-behaviour') AS crime,
              ${counted.sum} FILTER (WHERE c.category = 'anti-social-behaviour') AS asb
       FROM ${counted.from} c WHERE c.${counted.key} IS NOT NULL GROUP BY 1),
     counts AS (
       SELECT ${counted.code} AS code, sum(k.crime)::BIGINT AS crime, sum(k.asb)::BIGINT AS asb
       FROM keyed k ${counted.via} GROUP BY 1)
     SELECT a.code, a.name, a.type, a.parent, a.vintage,
            pop.count AS pop_count, pop.year AS pop_year, pop.source AS pop_source,
            COALESCE(counts.crime, 0) AS crime, COALESCE(counts.asb, 0) AS asb,
            dp.index AS dep_index, dp.rank AS dep_rank, dp.decile AS dep_decile, dp.of_areas AS dep_of
     FROM area a
     LEFT JOIN counts ON counts.code = a.code
     LEFT JOIN deprivation dp ON dp.lsoa_code = a.code
     ${LATEST_POPULATION}
     WHERE a.type = $type
       AND ${WITHIN_AND_HELD}
       AND (NOT $scoped OR a.code IN (SELECT code FROM up WHERE list_contains($scope, ancestor)))
     ORDER BY a.name`,
    {
      type,
      within: options.within ?? null,
      all: options.all ?? false,
      scoped,
      scope: list(scope.areas === 'all' ? [] : scope.areas),
    },
    { scope: TEXT_LIST },
  );
  return rows.map(toListedArea);
}

/** An area the caller sees as totals only: listed without its record counts. */
export interface TotalsOnlyArea extends AreaRow {
  level: 'aggregate';
}

/**
 * The areas of this type the scope sees in aggregate only (a district, CSP or force: never a ward
 * or LSOA), besides those `listAreas` gives; the same filters. No record counts: what such an area
 * shows goes through disclosure control (store/area-access.ts), and a count of every record ever
 * placed in it does not.
 */
export async function listTotalsOnlyAreas(
  db: Db,
  scope: Scope,
  options: ListAreasOptions,
): Promise<TotalsOnlyArea[]> {
  const type = options.type ?? 'district';
  const aggregate = scope.aggregateAreas ?? [];
  if (scope.areas === 'all' || !['district', 'csp', 'force'].includes(type)) return [];
  if (aggregate !== 'all' && aggregate.length === 0) return [];
  const rows = await db.query<Record<string, unknown>>(
    `${AREAS_OF_TYPE}
     SELECT a.code, a.name, a.type, a.parent, a.vintage,
            pop.count AS pop_count, pop.year AS pop_year, pop.source AS pop_source
     FROM area a
     ${LATEST_POPULATION}
     WHERE a.type = $type
       AND ${WITHIN_AND_HELD}
       AND ($everywhere OR a.code IN (SELECT code FROM up WHERE list_contains($aggregate, ancestor)))
       AND a.code NOT IN (SELECT code FROM up WHERE list_contains($detail, ancestor))
     ORDER BY a.name`,
    {
      type,
      within: options.within ?? null,
      all: options.all ?? false,
      everywhere: aggregate === 'all',
      aggregate: list(aggregate === 'all' ? [] : aggregate),
      detail: list(scope.areas),
    },
    { aggregate: TEXT_LIST, detail: TEXT_LIST },
  );
  return rows.map((r) => {
    const { code, name, type, parent, vintage, population } = toListedArea({
      ...r,
      crime: 0,
      asb: 0,
    });
    return { code, name, type, parent, vintage, population, level: 'aggregate' as const };
  });
}

function toListedArea(r: Record<string, unknown>): ListedArea {
  return {
    code: r.code as string,
    name: r.name as string,
    type: r.type as AreaType,
    parent: (r.parent as string | null) ?? null,
    vintage: r.vintage as string,
    population:
      r.pop_count === null || r.pop_count === undefined
        ? null
        : {
            count: r.pop_count as number,
            year: r.pop_year as number,
            source: r.pop_source as string,
          },
    crime: r.crime as number,
    asb: r.asb as number,
    deprivation:
      r.dep_rank === null || r.dep_rank === undefined
        ? null
        : {
            index: r.dep_index as string,
            rank: r.dep_rank as number,
            decile: r.dep_decile as number,
            of: r.dep_of as number,
          },
  };
}

export { AREA_TYPES };

/**
 * The areas of one type: their codes, by lower-case name (several where areas share a name:
 * wards called "Park" or "Northwood"), and the area each lies in (its parent: a ward's district).
 * Whether a code is of this type is `codes.has(code)`, without reading the whole register
 * (areaTypes: every LSOA and ward of England and Wales).
 */
export async function areaCodesByName(
  db: Db,
  type: string,
): Promise<{ codes: Set<string>; byName: Map<string, string[]>; parents: Map<string, string> }> {
  const rows = await db.query<{ code: string; name: string; parent: string | null }>(
    'SELECT code, name, parent FROM area WHERE type = $type ORDER BY code',
    { type },
  );
  const codes = new Set<string>();
  const byName = new Map<string, string[]>();
  const parents = new Map<string, string>();
  for (const r of rows) {
    codes.add(r.code);
    const key = r.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), r.code]);
    if (r.parent) parents.set(r.code, r.parent);
  }
  return { codes, byName, parents };
}

/** Every area code in the register with its type. */
export async function areaTypes(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; type: string }>('SELECT code, type FROM area');
  return new Map(rows.map((r) => [r.code, r.type]));
}

/** The register's entries for these codes, in the order given (unknown codes are left out). */
export async function areasByCode(db: Db, codes: readonly string[]): Promise<Area[]> {
  const rows = await db.query<Area & Record<string, unknown>>(
    `SELECT code, name, type, parent, vintage FROM area WHERE list_contains($codes, code)`,
    { codes: list(codes) },
    { codes: TEXT_LIST },
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.flatMap((c) => byCode.get(c) ?? []);
}

/** An area of district level or above, as the register holds it. */
export interface UpperArea {
  code: string;
  name: string;
  type: AreaType;
  parent: string | null;
}

/**
 * The register's forces, CSPs and districts (a few hundred rows, read whole): what the areas
 * above a district or above come from (`chainsFrom`), for a command that looks several up.
 */
export async function upperAreas(db: Db): Promise<UpperArea[]> {
  const rows = await db.kept('upper areas', () =>
    db.query<UpperArea & Record<string, unknown>>(
      `SELECT code, name, type, parent FROM area WHERE type IN ('force', 'csp', 'district')`,
    ),
  );
  // Read once per open store (the register is written only by its migration); each caller gets
  // its own list of the same rows.
  return [...rows];
}

/**
 * Each area with every area above it (itself first). Areas above LSOAs and wards are few, so
 * they are read whole and walked here; an LSOA or ward is first looked up on its own.
 */
export async function ancestorChains(
  db: Db,
  codes: readonly string[],
  /** False when every code is a district or above: the wards and LSOAs need no lookup. */
  lowerLevels = true,
): Promise<Map<string, { code: string; type: AreaType }[]>> {
  const upper = lowerLevels
    ? await db.query<{ code: string; type: AreaType; parent: string | null }>(
        `SELECT code, type, parent FROM area WHERE type IN ('force', 'csp', 'district')
         UNION ALL
         SELECT code, type, parent FROM area WHERE list_contains($codes, code) AND type IN ('ward', 'lsoa')
         UNION ALL
         SELECT w.code, w.type, w.parent FROM area l JOIN area w ON w.code = l.parent
         WHERE list_contains($codes, l.code) AND l.type = 'lsoa'`,
        { codes: list(codes) },
        { codes: TEXT_LIST },
      )
    : await upperAreas(db);
  return chainsFrom(upper, codes);
}

/** Each area's chain (itself first, then each area above it) walked through `areas`. */
export function chainsFrom(
  areas: readonly { code: string; type: AreaType; parent: string | null }[],
  codes: readonly string[],
): Map<string, { code: string; type: AreaType }[]> {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return new Map(
    codes.map((code) => {
      const chain: { code: string; type: AreaType }[] = [];
      for (
        let a = byCode.get(code);
        a && chain.length < 8;
        a = a.parent ? byCode.get(a.parent) : undefined
      )
        chain.push({ code: a.code, type: a.type });
      return [code, chain];
    }),
  );
}

export interface ResolvedArea {
  code: string;
  type: AreaType;
  /** The district the area lies in (itself for a district); null above district level. */
  district: string | null;
  /** The LSOA itself, for an LSOA. */
  lsoa: string | null;
}

/**
 * Areas named in a partner file (ONS codes or names, any case) resolved against the register, as
 * `resolveArea` resolves a name typed on the command line: a name shared by areas of several types
 * means the district, then the force, the CSP, the ward, the LSOA; names of districts, CSPs and
 * forces match with punctuation and case aside too ("St Helens" is the district ONS calls "St.
 * Helens", not the ward of that name in Barnsley). A name that still means more than one area (a
 * ward name used in several districts) is not resolved: it is put in `ambiguous`, with the areas
 * it could mean, for the row's message. Values the register does not know are absent from both.
 */
export async function resolveAreaReferences(
  db: Db,
  values: readonly string[],
  ambiguous?: Map<string, string>,
): Promise<Map<string, ResolvedArea>> {
  const wanted = [...new Set(values.map((v) => v.trim()))].filter(Boolean);
  if (wanted.length === 0) return new Map();
  type Match = { value: string; code: string; type: AreaType; name: string; within: string | null };
  const rows = await db.query<Match & Record<string, unknown>>(
    `WITH v(value) AS (SELECT unnest($values)),
     m AS (
       SELECT v.value, a.code FROM v JOIN area a
         ON a.code = upper(v.value) OR lower(a.name) = lower(v.value)
       UNION
       SELECT v.value, w.code FROM v JOIN area_alias w ON lower(w.name) = lower(v.value)
       UNION
       SELECT v.value, a.code FROM v
         JOIN (SELECT n.code, ${foldedSql('n.name')} AS k FROM ${AREA_NAMES} n
               JOIN area r ON r.code = n.code WHERE r.type IN ('force', 'csp', 'district')) a
         ON a.k = ${foldedSql('v.value')})
     SELECT m.value, a.code, a.type, a.name, p.name AS within
     FROM m JOIN area a ON a.code = m.code LEFT JOIN area p ON p.code = a.parent`,
    { values: list(wanted) },
    { values: TEXT_LIST },
  );
  const byValue = new Map<string, Match[]>();
  for (const r of rows) byValue.set(r.value, [...(byValue.get(r.value) ?? []), r]);
  const chosen = new Map<string, { code: string; type: AreaType }>();
  for (const [value, matches] of byValue) {
    const best = matches.reduce((b, m) => Math.min(b, NAME_PRIORITY.indexOf(m.type)), Infinity);
    const top = matches.filter((m) => NAME_PRIORITY.indexOf(m.type) === best);
    if (top.length === 1) chosen.set(value, top[0]!);
    else
      ambiguous?.set(
        value,
        [...top]
          .sort((a, b) => a.code.localeCompare(b.code))
          .slice(0, 6)
          .map((m) => {
            const within =
              m.within && (m.type === 'ward' || m.type === 'lsoa') ? ` in ${m.within}` : '';
            return `${m.code} (${m.name}, ${m.type}${within})`;
          })
          .join(', ') + (top.length > 6 ? ` and ${top.length - 6} more` : ''),
      );
  }
  const chains = await ancestorChains(
    db,
    [...chosen.values()].map((c) => c.code),
  );
  const result = new Map<string, ResolvedArea>();
  for (const [value, area] of chosen) {
    const chain = chains.get(area.code) ?? [];
    result.set(value, {
      code: area.code,
      type: area.type,
      district: chain.find((c) => c.type === 'district')?.code ?? null,
      lsoa: area.type === 'lsoa' ? area.code : null,
    });
  }
  return result;
}

/** The districts inside an area of district level or above (itself, for a district), by code. */
export async function districtAreasWithin(db: Db, code: string): Promise<Area[]> {
  return db.query<Area & Record<string, unknown>>(
    `SELECT d.code, d.name, d.type, d.parent, d.vintage FROM area d
     LEFT JOIN area c ON c.code = d.parent
     WHERE d.type = 'district' AND (d.code = $code OR d.parent = $code OR c.parent = $code)
     ORDER BY d.code`,
    { code },
  );
}

/**
 * The force an area lies in (or is), with its partnerships (CSPs) and districts: the areas whose
 * totals add up to one another, for disclosure control across them. The districts are those the
 * force's counts add up (street-counts.ts: those whose partnership, or parent, is the force's).
 * Null when the area lies in no force.
 */
export async function forceFamilyOf(
  db: Db,
  code: string,
  /** The area's chain (ancestorsOf), when the caller has it already. */
  known?: readonly string[],
): Promise<{
  force: Area;
  /** The codes of the force and of the areas above it, nearest first. */
  forceChain: string[];
  csps: Area[];
  districts: Area[];
} | null> {
  const chain = known ? [...known] : await ancestorsOf(db, code);
  const [force] = await db.query<Area & Record<string, unknown>>(
    `SELECT code, name, type, parent, vintage FROM area
     WHERE type = 'force' AND list_contains($chain, code)`,
    { chain: list(chain) },
    { chain: TEXT_LIST },
  );
  if (!force) return null;
  const below = await db.query<Area & Record<string, unknown>>(
    `SELECT code, name, type, parent, vintage FROM area WHERE type = 'csp' AND parent = $force
     UNION ALL
     SELECT d.code, d.name, d.type, d.parent, d.vintage FROM area d JOIN area p ON p.code = d.parent
     WHERE d.type = 'district' AND p.parent = $force
     ORDER BY code`,
    { force: force.code },
  );
  return {
    force,
    forceChain: chain.slice(chain.indexOf(force.code)),
    csps: below.filter((a) => a.type === 'csp'),
    districts: below.filter((a) => a.type === 'district'),
  };
}
