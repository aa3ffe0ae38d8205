/**
 * `lantern import --dataset NAME FILE`: a partner's CSV or XLSX file checked against the dataset's
 * schema (through an optional mapping file), its areas resolved against the register (or its
 * points placed in LSOAs by the boundaries held), and loaded in one transaction. The same file
 * (and mapping) again adds nothing and says so; a newer file for the same dataset, district and
 * month replaces the older one's rows there.
 *
 * A file covers every month from its first to its last (or the period it is given), for each
 * district it names: months in between with no rows are zeros, months outside are missing. So
 * rows dated after today or before 2000 are rejected (domain/plausible-dates.ts), months with no
 * row in any district are named in a warning, and a file whose rows span more than 36 months
 * with such gaps is refused unless its period is given. Personal fields are dropped or
 * replaced by a keyed hash before anything is stored; the key lives in a file outside the store.
 * A file with personal data anywhere Lantern would read it (its name included) is refused whole;
 * rejected rows are stored and reported by line, field and rule, never with their values.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

import { NO_MAPPING, type DatasetMapping } from '../domain/dataset-mapping.js';
import { findDataset, DATASETS, type DatasetDefinition } from '../domain/datasets.js';
import { monthFromIndex, monthIndex, type Month, type Period } from '../domain/month.js';
import { fileNameKind, PERSONAL_KIND_LABEL } from '../domain/personal-data.js';
import {
  REIMPORTED_WARNING,
  shrinkRefusal,
  shrinksTooMuch,
  type MonthShrink,
} from '../domain/replacement.js';
import { rejectedRowText } from '../domain/rejected-row.js';
import { WELSH_DISTRICT_NAMES } from '../domain/welsh-names.js';
import { didYouMean } from '../domain/suggest.js';
import {
  implausibleMonth,
  implausiblePartnerDate,
  PARTNER_FIRST_MONTH,
  PARTNER_FLOOR_TEXT,
  UNDECLARED_SPAN_MONTHS,
} from '../domain/plausible-dates.js';
import { ForbiddenError, InputError } from '../errors.js';
import { PolygonIndex } from '../geo/polygon-index.js';
import {
  checkPartnerFile,
  type CheckedRow,
  type RejectedPartnerRow,
} from '../ingest/partner/check-rows.js';
import {
  DEFRA_CATEGORIES,
  isDefraFlyTippingTable,
  readDefraFlyTipping,
} from '../ingest/partner/defra-fly-tipping.js';
import { readInputFile } from '../ingest/input-file.js';
import { readTableFile, type TableFile } from '../ingest/partner/table-file.js';
import { registeredArea, resolveAreaReferences, type ResolvedArea } from '../store/areas.js';
import { loadBoundaries } from '../store/boundaries.js';
import type { Db } from '../store/db.js';
import { storeHashKey } from './hash-key.js';
import { assertMayImport } from './import-scope.js';
import { whomToAsk } from '../store/area-access.js';
import type { Scope } from '../domain/scope.js';
import { partnerCountsHeld, partnerMonthsHeld } from '../store/month-holders.js';
import {
  findPartnerBatch,
  loadPartnerBatch,
  type ConcernToStore,
  type PartnerCountToStore,
  type PartnerRecordToStore,
  type PeriodCountToStore,
} from '../store/partner-data.js';

export interface PartnerImportRequest {
  dataset: string;
  path: string;
  /** A mapping file of the file's own columns and values, loaded at the edge. */
  mapping?: { path: string; mapping: DatasetMapping };
  /** The area of every row that names none (a council's own file). */
  area?: string;
  /**
   * The months the file covers (each district it names is observed in each, zero where it has no
   * rows). Default: from its first row's month to its last's. Rows outside are rejected.
   */
  period?: Period;
  /** Generated demonstration data (set by `lantern demo` only). */
  synthetic?: boolean;
  /**
   * Let the file replace a district's month even when it holds far fewer rows than the store
   * does now (domain/replacement.ts); without it such a file is refused.
   */
  replace?: boolean;
  /** The file holding the key of the keyed hash of personal fields. */
  hashKeyFile: string;
  /** Today: rows dated later are rejected (domain/plausible-dates.ts). Default: now. */
  now?: Date;
  /**
   * Whose import it is: every district its rows fall in must be one the caller's grants show in
   * detail, with the dataset (import-scope.ts). The store's owner: FULL_SCOPE.
   */
  scope: Scope;
}

export interface PartnerImportReport {
  path: string;
  kind: string;
  force: null;
  months: Month[];
  status: 'imported' | 'already-imported' | 'refused';
  accepted: number;
  rejected: number;
  replaced: number;
  rejectedSample: { line: number; field: string | null; reason: string }[];
  /** Columns of the file not stored (not in the schema, not mapped, not personal-looking). */
  unmapped: string[];
  synthetic: boolean;
  warnings: string[];
  error?: string;
}

const SAMPLE = 5;

export async function importPartnerData(
  db: Db,
  request: PartnerImportRequest,
): Promise<PartnerImportReport> {
  const dataset = datasetByName(request.dataset);
  const mapping = request.mapping?.mapping ?? NO_MAPPING;
  if (mapping.dataset && mapping.dataset !== dataset.name)
    throw new InputError(
      `${request.mapping?.path}: the mapping is for ${mapping.dataset}, not ${dataset.name}`,
    );
  if (request.period)
    for (const month of [request.period.from, request.period.to]) {
      const why = implausibleMonth(
        month,
        request.now ?? new Date(),
        PARTNER_FIRST_MONTH,
        PARTNER_FLOOR_TEXT,
      );
      if (why !== null) throw new InputError(`⟨period⟩: ${why}`);
    }
  const base = {
    path: request.path,
    kind: dataset.name,
    force: null,
    synthetic: request.synthetic ?? false,
  };
  const bytes = await readInputFile(request.path);
  // The file's name is stored with its batch: it must hold no personal data either.
  const named = fileNameKind(basename(request.path));
  if (named)
    throw new InputError(
      `${request.path}: the file's name holds ${PERSONAL_KIND_LABEL[named]}, and Lantern ` +
        `keeps the name of every file it imports. Nothing was imported. Rename the file, then import it again`,
    );
  const hash = createHash('sha256')
    .update(bytes)
    .update('\0')
    .update(JSON.stringify({ mapping, area: request.area ?? null }))
    .digest('hex');
  const known = await findPartnerBatch(db, dataset.name, hash);
  if (known?.held)
    return {
      ...base,
      months: known.months,
      status: 'already-imported',
      // Nothing was added this time (as for police.uk files).
      accepted: 0,
      rejected: 0,
      replaced: 0,
      rejectedSample: [],
      unmapped: [],
      warnings: [],
    };

  const startedAt = new Date();
  const table = await readTableFile(request.path, {
    sheet: mapping.sheet,
    headerRow: mapping.headerRow,
  });
  if (dataset.name === 'fly-tipping' && isDefraFlyTippingTable(table))
    return importDefraTable(db, request, table, { ...base, hash, startedAt });
  const withArea: DatasetMapping = request.area
    ? { ...mapping, constants: { ...mapping.constants, area: request.area } }
    : mapping;
  const hashes = dataset.fields.some((f) => f.personal === 'hash');
  const checked = checkPartnerFile(table, dataset, withArea, {
    hashKey: hashes ? await storeHashKey(db, request.hashKeyFile) : Buffer.alloc(0),
  });
  const placed = await placeRows(db, dataset, checked.rows);
  rejectImpossibleDates(placed, request.now ?? new Date());
  if (request.period) {
    const { from, to } = request.period;
    for (const row of placed.rows.filter((r) => r.month < from || r.month > to))
      placed.rejected.push({
        line: row.line,
        field: dataset.detail === 'incident' ? 'date' : 'month',
        reason: `outside the period ${from}..${to}`,
      });
    placed.rows = placed.rows.filter((r) => r.month >= from && r.month <= to);
  }
  await refuseRepeatedCounts(db, request.path, dataset, placed.rows);
  const rejected = [...checked.rejected, ...placed.rejected].sort((a, b) => a.line - b.line);
  if (placed.rows.length === 0)
    throw new InputError(
      `${request.path}: no row could be imported` +
        (rejected[0] ? ` (${rejectedRowText(rejected[0])})` : ''),
    );
  refuseCutInLastCell(request.path, table, rejected);

  const months = [...new Set(placed.rows.map((r) => r.month))].sort();
  const span = request.period
    ? monthsBetween(request.period.from, request.period.to)
    : monthsBetween(months[0] as Month, months[months.length - 1] as Month);
  // Months of the span with no row in any district: counted as zero, so said aloud, and over a
  // long span not taken on trust (domain/plausible-dates.ts).
  const empty = request.period ? [] : span.filter((m) => !months.includes(m));
  if (empty.length > 0 && span.length > UNDECLARED_SPAN_MONTHS)
    throw new InputError(
      `${request.path}: its rows run from ${span[0]} to ${span[span.length - 1]} (${span.length} months), ` +
        `and ${empty.length} of those months have no row at all (${monthList(empty)}). A file covers ` +
        `every month from its first row to its last, zero where it has no rows; over more than ` +
        `${UNDECLARED_SPAN_MONTHS} months such gaps are more likely months the file does not cover. ` +
        'Nothing imported. If the file does cover every month, say so with ⟨period⟩ FROM..TO; ' +
        'otherwise import it in parts, one for each run of months it covers',
    );
  const districts = [...new Set(placed.rows.map((r) => r.district))].sort();
  // Before anything of the store is read back (the months held, the counts a replacement
  // would shrink): a caller learns nothing of a district their grants do not show.
  await assertMayImport(db, request.scope, request.path, dataset.name, districts);
  const why = await unknownDistrictMonths(db, dataset, rejected, districts, span, placed.rows);
  const unknown = new Set([...why.counted, ...why.undated]);
  // Rows of a month left unknown are not stored: no read would show them, and beside the
  // month an earlier file holds there they would be added to its counts.
  const usable = placed.rows.filter((r) => !unknown.has(`${r.district}|${r.month}`));
  const notGivenAt = countsNotGiven(dataset, usable);
  const coverage = districts.flatMap((district) =>
    span
      .filter((month) => !unknown.has(`${district}|${month}`))
      .map((month) => ({ district, month, notGiven: notGivenAt(district, month) })),
  );
  if (usable.length === 0)
    throw new InputError(
      `${request.path}: none of its ${placed.rows.length.toLocaleString('en-GB')} accepted rows can be counted: ` +
        `each lies in a district and month that a rejected row leaves unknown (${monthList(
          [...unknown].sort().map((k) => k.replace('|', ' ') as Month),
        )}); nothing imported. Fix the rejected rows (${rejectedRowText(rejected[0]!)}) and import the file again`,
    );
  if (!request.replace) {
    const fewer = await shrunkMonths(db, dataset.name, coverage, usable);
    // A month of far fewer rows is named once, as such, whatever its counts.
    const smaller = (await shrunkCounts(db, dataset, coverage, usable)).filter(
      (c) => !fewer.some((f) => f.label === c.label),
    );
    const shrinks = [...fewer, ...smaller];
    // A restricted dataset's rows held would give its small counts away: the months only.
    const counts = dataset.sensitivity !== 'restricted';
    if (shrinks.length > 0) throw new InputError(shrinkRefusal(request.path, shrinks, { counts }));
  }
  const loaded = await loadPartnerBatch(db, {
    dataset: dataset.name,
    fileName: basename(request.path),
    contentHash: hash,
    mapping: request.mapping?.path ?? null,
    synthetic: request.synthetic ?? false,
    coverage,
    ...toStore(dataset, usable),
    rejected,
    acceptedRows: placed.rows.length,
    startedAt,
  });
  const warnings: string[] = known ? [REIMPORTED_WARNING] : [];
  const pairs = (keys: ReadonlySet<string>) =>
    [...keys]
      .map((k) => k.replace('|', ' '))
      .sort()
      .join(', ');
  if (why.counted.size > 0)
    warnings.push(`left missing (a rejected row held their count): ${pairs(why.counted)}`);
  const undated = [...why.undated].filter((k) => !why.counted.has(k));
  if (undated.length > 0)
    warnings.push(
      `left missing, not zero (a rejected row whose ${dataset.detail === 'incident' ? 'date' : 'month'} ` +
        `could not be read may lie in them, and they have no accepted row): ${pairs(new Set(undated))}`,
    );
  // A month a rejected row left unknown in every district is missing, not zero: said above.
  const zeroed = empty.filter((m) => districts.some((d) => !unknown.has(`${d}|${m}`)));
  if (zeroed.length > 0)
    warnings.push(
      `no rows in ${monthList(zeroed)}: counted as zero in ${districts.length === 1 ? 'the district' : `each of the ${districts.length} districts`} of the file ` +
        '(a file covers every month from its first row to its last)',
    );
  const notGiven = (dataset.countFields ?? [])
    .map((f) => f.replaceAll('_', '-'))
    .filter((c) => coverage.some((x) => x.notGiven.includes(c)));
  if (notGiven.length > 0) {
    const lacking = coverage.filter((c) => c.notGiven.length > 0).length;
    warnings.push(
      `not given by the file, so unknown (not zero): ${notGiven.map((c) => c.replaceAll('-', '_')).join(', ')}` +
        (lacking < coverage.length
          ? ` in ${lacking} of the ${coverage.length} district-months it covers`
          : ''),
    );
  }
  const partial = [
    ...new Set(
      rejected
        .filter((r) => r.month && dataset.detail === 'incident' && span.includes(r.month))
        .map((r) => r.month),
    ),
  ].sort();
  if (partial.length > 0)
    warnings.push(
      `counts of ${partial.join(', ')} leave out rejected rows: fix and re-import the file`,
    );
  if (dataset.detail === 'incident' && rejected.some((r) => !r.month))
    warnings.push(
      'counts of the months held may leave out rejected rows whose date could not be read: fix and re-import the file',
    );
  if (checked.unmapped.length > 0)
    warnings.push(
      `columns not stored (not in the ${dataset.name} schema): ${checked.unmapped.join(', ')}`,
    );
  return {
    ...base,
    months: span,
    status: 'imported',
    accepted: placed.rows.length,
    rejected: rejected.length,
    replaced: loaded.replaced,
    rejectedSample: rejected
      .slice(0, SAMPLE)
      .map(({ line, field, reason }) => ({ line, field, reason })),
    unmapped: checked.unmapped,
    warnings,
  };
}

/**
 * Several files of one dataset, one at a time, each in its own transaction: a file refused (bad
 * mapping, personal data, no usable row) is reported with the reason and the others still go in.
 * An unknown dataset, an unknown ⟨area⟩ or a bad mapping file refuses the whole command before any
 * file is read.
 */
export async function importPartnerFiles(
  db: Db,
  request: Omit<PartnerImportRequest, 'path'> & { paths: readonly string[] },
): Promise<PartnerImportReport[]> {
  const dataset = datasetByName(request.dataset);
  if (request.area !== undefined) await checkAreaOption(db, dataset, request.area);
  if (request.scope.datasets !== 'all' && !request.scope.datasets.includes(dataset.name))
    throw new ForbiddenError(
      `your access does not cover the ${dataset.name} dataset, so you cannot import it: ${await whomToAsk(db)}`,
    );
  const reports: PartnerImportReport[] = [];
  for (const path of request.paths) {
    try {
      reports.push(await importPartnerData(db, { ...request, path }));
    } catch (error) {
      // A file of a district the caller's grants do not cover is refused on its own, as a bad one is.
      if (!(error instanceof InputError) && !(error instanceof ForbiddenError)) throw error;
      reports.push({
        path,
        kind: dataset.name,
        force: null,
        months: [],
        status: 'refused',
        accepted: 0,
        rejected: 0,
        replaced: 0,
        rejectedSample: [],
        unmapped: [],
        synthetic: false,
        warnings: [],
        error: error.message,
      });
    }
  }
  return reports;
}

/**
 * The area given for rows that name none must be one such rows could have named: an area of the
 * register within a district. Checked once, before any file is read, even when every row names
 * its own area (it would otherwise be ignored without a word).
 */
async function checkAreaOption(db: Db, dataset: DatasetDefinition, area: string): Promise<void> {
  const ambiguous = new Map<string, string>();
  const found = (await resolveAreaReferences(db, [area], ambiguous)).get(area.trim());
  const many = ambiguous.get(area.trim());
  if (many)
    throw new InputError(
      `⟨area⟩: "${area}" names more than one area: ${many}; give the code instead; nothing imported`,
    );
  if (!found)
    throw new InputError(
      `⟨area⟩: "${area}" is not an area in the register (give an ONS code or a name: a district, or a ward or LSOA within one); nothing imported`,
    );
  if (!found.district)
    throw new InputError(
      `⟨area⟩: ${found.code} is a ${found.type}: ${dataset.name} needs a district or an area within one; nothing imported`,
    );
}

function datasetByName(name: string): DatasetDefinition {
  const dataset = findDataset(name);
  if (!dataset)
    throw new InputError(
      `⟨dataset⟩: no dataset "${name}"${didYouMean(
        name,
        DATASETS.map((d) => d.name),
      )} (datasets: ${DATASETS.map((d) => d.name).join(', ')})`,
    );
  return dataset;
}

interface PlacedRow {
  line: number;
  month: Month;
  area: ResolvedArea;
  district: string;
  values: CheckedRow['values'];
}

/**
 * A count file gives each month, area and breakdown once: two rows of the same would be added
 * together (Hertsmere's July given twice was stored as twice its count, and "Isle of Anglesey"
 * beside "W06000001" is one area twice). Refused, naming both lines, and where the two write the
 * area differently, that they are one area ("Casnewydd" is Newport in Welsh: QA found the refusal
 * named only Casnewydd, and its reader looked for a second Casnewydd row). Rows of different areas
 * that lie in one district (its wards) are parts of its count and are added, as before.
 */
async function refuseRepeatedCounts(
  db: Db,
  path: string,
  dataset: DatasetDefinition,
  rows: readonly PlacedRow[],
): Promise<void> {
  if (dataset.detail !== 'aggregate') return;
  const breakdown = breakdownFields(dataset);
  const first = new Map<string, PlacedRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.month, row.area.code, ...breakdown.map((f) => row.values[f])]);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    const of = breakdown.map((f) => `${f} ${String(row.values[f])}`).join(', ');
    const code = row.area.code;
    const name = (await registeredArea(db, code))?.name ?? code;
    const written = String(row.values.area ?? code).trim();
    const before = String(earlier.values.area ?? code).trim();
    const same = (a: string, b: string) => looseName(a) === looseName(b);
    const area = same(written, code)
      ? `${name} (${code})`
      : same(written, name)
        ? `${written} (${code})`
        : `${written} (${name}, ${code})`;
    const welsh = WELSH_DISTRICT_NAMES[code];
    const inWelsh = welsh === undefined ? null : [written, before].find((w) => same(w, welsh));
    const oneArea = same(written, before)
      ? ''
      : inWelsh
        ? ` (as ${before}): ${inWelsh} is ${name}'s name in Welsh, so the two lines give one district's counts.`
        : ` (as ${before}): the two name one area, ${name} (${code}).`;
    throw new InputError(
      `${path}:${row.line}: line ${row.line} gives the counts of ${row.month} in ${area}${of ? `, ${of},` : ''} again, as line ${earlier.line} does${oneArea || ':'} ` +
        `${oneArea ? 'A' : 'a'} count file gives each month and area once, and the two would be added together; nothing imported. ` +
        'Remove one, or if they are parts of one count, add them up in the file',
    );
  }
}

/** A name as a person may write it: any case, spacing or accents ("Ynys Mon" is "Ynys Môn"). */
function looseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** Each row's area resolved to the register (or its point placed in an LSOA). */
async function placeRows(
  db: Db,
  dataset: DatasetDefinition,
  rows: readonly CheckedRow[],
): Promise<{
  rows: PlacedRow[];
  rejected: RejectedPartnerRow[];
}> {
  const names = rows.map((r) => r.values.area).filter((a): a is string => typeof a === 'string');
  const ambiguous = new Map<string, string>();
  const areas = await resolveAreaReferences(db, names, ambiguous);
  const needPoints = rows.some((r) => r.values.area == null && r.values.longitude != null);
  const index = needPoints ? PolygonIndex.build(await loadBoundaries(db, 'lsoa')) : null;
  const lsoas = new Map<string, ResolvedArea>();
  if (index) {
    const codes = rows
      .filter((r) => r.values.area == null && r.values.longitude != null)
      .map((r) => index.locate(r.values.longitude as number, r.values.latitude as number))
      .filter((c): c is string => c !== null);
    for (const [code, area] of await resolveAreaReferences(db, codes)) lsoas.set(code, area);
  }
  const placed: PlacedRow[] = [];
  const rejected: RejectedPartnerRow[] = [];
  for (const row of rows) {
    const v = row.values;
    let area: ResolvedArea | undefined;
    let field = 'area';
    if (typeof v.area === 'string') area = areas.get(v.area.trim());
    else if (index && typeof v.longitude === 'number') {
      field = 'longitude';
      const code = index.locate(v.longitude, v.latitude as number);
      area = code ? lsoas.get(code) : undefined;
    }
    const month = (typeof v.date === 'string' ? v.date.slice(0, 7) : v.month) as Month;
    if (!area) {
      rejected.push({
        month,
        line: row.line,
        field,
        reason:
          field !== 'area'
            ? 'the point lies in no LSOA whose boundary the store holds'
            : ambiguous.has(String(v.area).trim())
              ? `"${String(v.area).trim()}" names more than one area: ${ambiguous.get(String(v.area).trim())}; give the code instead`
              : 'not an area in the register (give an ONS code or a name)',
      });
      continue;
    }
    if (!area.district) {
      rejected.push({
        month,
        line: row.line,
        field,
        reason: `${area.code} is a ${area.type}: ${dataset.name} needs a district or an area within one`,
      });
      continue;
    }
    placed.push({ line: row.line, month, area, district: area.district, values: v });
  }
  return { rows: placed, rejected };
}

function toStore(
  dataset: DatasetDefinition,
  rows: readonly PlacedRow[],
): {
  records: PartnerRecordToStore[];
  counts: PartnerCountToStore[];
  concerns: ConcernToStore[];
} {
  const records: PartnerRecordToStore[] = [];
  const counts: PartnerCountToStore[] = [];
  const concerns: ConcernToStore[] = [];
  const located = new Set(['date', 'month', 'area', 'longitude', 'latitude']);
  for (const row of rows) {
    const v = row.values;
    const rest = (skip: ReadonlySet<string>) =>
      Object.fromEntries(Object.entries(v).filter(([k, value]) => !skip.has(k) && value !== null));
    if (dataset.detail === 'incident') {
      const category = v[dataset.categoryField as string];
      records.push({
        line: row.line,
        date: typeof v.date === 'string' ? v.date : null,
        month: row.month,
        areaCode: row.area.code,
        districtCode: row.district,
        lsoaCode: row.area.lsoa,
        longitude: typeof v.longitude === 'number' ? v.longitude : null,
        latitude: typeof v.latitude === 'number' ? v.latitude : null,
        categories: Array.isArray(category) ? category : [String(category)],
        attributes: rest(new Set([...located, dataset.categoryField as string])),
      });
    } else if (dataset.detail === 'aggregate') {
      const countFields = dataset.countFields ?? [];
      const dimensions = rest(new Set([...located, ...countFields, dataset.categoryField ?? '']));
      if (dataset.categoryField) {
        counts.push({
          line: row.line,
          month: row.month,
          areaCode: row.area.code,
          districtCode: row.district,
          category: String(v[dataset.categoryField]),
          count: v[countFields[0] as string] as number,
          dimensions,
        });
      } else {
        for (const field of countFields) {
          if (typeof v[field] !== 'number') continue;
          counts.push({
            line: row.line,
            month: row.month,
            areaCode: row.area.code,
            districtCode: row.district,
            category: field.replaceAll('_', '-'),
            count: v[field],
            dimensions,
          });
        }
      }
    } else {
      concerns.push({
        line: row.line,
        month: row.month,
        areaCode: row.area.code,
        districtCode: row.district,
        issue: String(v.issue),
        shareConcerned: typeof v.share_concerned === 'number' ? v.share_concerned : null,
        rank: typeof v.rank === 'number' ? v.rank : null,
        respondents: typeof v.respondents === 'number' ? v.respondents : null,
      });
    }
  }
  return { records, counts, concerns };
}

/**
 * A CSV file with no line end after its last row, whose last cell is what that row was rejected
 * for ("enviro" is not one of personal, nuisance, environmental), was most likely cut inside that
 * cell: refused, so that part of a file never replaces the whole.
 */
function refuseCutInLastCell(
  path: string,
  table: TableFile,
  rejected: readonly RejectedPartnerRow[],
): void {
  const last = table.rows[table.rows.length - 1];
  const reason = rejected.find((r) => r.line === last?.line);
  if (!table.unended || last === undefined || reason === undefined) return;
  const lastColumn = table.headers[table.headers.length - 1] as string;
  const cell = (last.values[lastColumn] ?? '').trim();
  if (cell === '' || reason.column !== lastColumn) return;
  throw new InputError(
    `${path}:${last.line}: the last line is incomplete (no line end, and ` +
      `${reason.field ? `${reason.field}: ` : ''}${reason.reason}): the file looks cut short; ` +
      'nothing imported from it. Export or copy it again.',
  );
}

/** The districts' months this file covers that it would leave with far fewer rows. */
async function shrunkMonths(
  db: Db,
  dataset: string,
  coverage: readonly { district: string; month: Month }[],
  rows: readonly PlacedRow[],
): Promise<MonthShrink[]> {
  const held = await partnerMonthsHeld(db, dataset);
  if (held.size === 0) return [];
  const incoming = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.district}|${r.month}`;
    incoming.set(key, (incoming.get(key) ?? 0) + 1);
  }
  const out: MonthShrink[] = [];
  for (const { district, month } of coverage) {
    const key = `${district}|${month}`;
    const [before, after] = [held.get(key) ?? 0, incoming.get(key) ?? 0];
    if (shrinksTooMuch(before, after))
      out.push({ label: `${district} ${month}`, held: before, incoming: after });
  }
  return out;
}

/**
 * The counts (as stored: "repeat-victims") an aggregate file does not give for a district's month
 * it covers: unknown there, not zero. Where the district has rows that month, a count any of them
 * lacks (part of a district's count is not its count); in a month of no row (a zero), a count no
 * row of the file gives (an optional column the file does not have).
 */
function countsNotGiven(
  dataset: DatasetDefinition,
  rows: readonly PlacedRow[],
): (district: string, month: Month) => string[] {
  if (dataset.detail !== 'aggregate' || dataset.categoryField) return () => [];
  const fields = dataset.countFields ?? [];
  const given = (r: PlacedRow, f: string) => typeof r.values[f] === 'number';
  const inFile = fields.filter((f) => rows.some((r) => given(r, f)));
  const lacking = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.district}|${r.month}`;
    const set = lacking.get(key) ?? new Set<string>();
    for (const f of fields) if (!given(r, f)) set.add(f);
    lacking.set(key, set);
  }
  return (district, month) => {
    const lacks = lacking.get(`${district}|${month}`);
    return fields
      .filter((f) => (lacks ? lacks.has(f) : !inFile.includes(f)))
      .map((f) => f.replaceAll('_', '-'));
  };
}

/**
 * An aggregate dataset's district-months this file covers whose counts it would leave far smaller:
 * each count column the file gives (or the total over categories and breakdowns), against the
 * same held now (domain/replacement.ts). A month of the file with no row counts zero.
 */
async function shrunkCounts(
  db: Db,
  dataset: DatasetDefinition,
  coverage: readonly { district: string; month: Month; notGiven: readonly string[] }[],
  rows: readonly PlacedRow[],
): Promise<MonthShrink[]> {
  if (dataset.detail !== 'aggregate') return [];
  const byCategory = !dataset.categoryField;
  const held = await partnerCountsHeld(db, dataset.name, byCategory);
  if (held.size === 0) return [];
  const fields = dataset.countFields ?? [];
  // The counts the file gives: a count column no row fills is not given, so not compared.
  const given = byCategory
    ? fields.filter((f) => rows.some((r) => typeof r.values[f] === 'number'))
    : fields.slice(0, 1);
  const incoming = new Map<string, number>();
  for (const r of rows)
    for (const field of given) {
      const value = r.values[field];
      if (typeof value !== 'number') continue;
      const key = `${r.district}|${r.month}|${byCategory ? field.replaceAll('_', '-') : 'total'}`;
      incoming.set(key, (incoming.get(key) ?? 0) + value);
    }
  const out: MonthShrink[] = [];
  for (const { district, month, notGiven } of coverage)
    for (const field of given) {
      const count = byCategory ? field.replaceAll('_', '-') : 'total';
      // A count the file does not give there is unknown, not smaller.
      if (notGiven.includes(count)) continue;
      const key = `${district}|${month}|${count}`;
      const [before, after] = [held.get(key) ?? 0, incoming.get(key) ?? 0];
      if (shrinksTooMuch(before, after))
        out.push({ label: `${district} ${month}`, held: before, incoming: after, count });
    }
  return out;
}

/** Up to six months, then how many more. */
function monthList(months: readonly Month[]): string {
  const shown = months.slice(0, 6).join(', ');
  return months.length > 6 ? `${shown} and ${months.length - 6} more` : shown;
}

/**
 * Rows dated after today or before partner data can exist (domain/plausible-dates.ts) are
 * rejected, so that a slip (1900-01-01, 2052 for 2025) cannot stretch the months the file covers
 * over decades. The row's month is kept with the rejection: it lies outside the file's months.
 */
function rejectImpossibleDates(
  placed: { rows: PlacedRow[]; rejected: RejectedPartnerRow[] },
  now: Date,
): void {
  const kept: PlacedRow[] = [];
  for (const row of placed.rows) {
    const date = typeof row.values.date === 'string' ? row.values.date : row.month;
    const why = implausiblePartnerDate(date, now);
    if (why === null) kept.push(row);
    else
      placed.rejected.push({
        line: row.line,
        field: typeof row.values.date === 'string' ? 'date' : 'month',
        reason: why,
        month: row.month,
        area: row.area.code,
      });
  }
  if (kept.length < placed.rows.length) placed.rows = kept;
}

function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

/**
 * DEFRA's annual table: each row an authority's financial year. Rows of counties (which DEFRA
 * lists beside their districts), unitary areas the register lacks, or national totals are
 * rejected with the reason; the rest are stored as whole-period counts, with no monthly coverage.
 */
async function importDefraTable(
  db: Db,
  request: PartnerImportRequest,
  table: TableFile,
  base: Pick<PartnerImportReport, 'path' | 'kind' | 'force' | 'synthetic'> & {
    hash: string;
    startedAt: Date;
  },
): Promise<PartnerImportReport> {
  const { rows, rejected } = readDefraFlyTipping(table);
  const areas = await resolveAreaReferences(
    db,
    rows.map((r) => r.area),
  );
  const counts: PeriodCountToStore[] = [];
  let accepted = 0;
  for (const row of rows) {
    const area = areas.get(row.area);
    if (!area?.district) {
      rejected.push({
        line: row.line,
        field: 'ONS Code',
        reason: area
          ? `${row.area} is a ${area.type}, not a district: its districts are counted on their own rows`
          : `${row.area} is not a district in the register (a county, a national total, or newer than the 2019 lookups)`,
      });
      continue;
    }
    accepted += 1;
    for (const [category, count] of row.counts)
      counts.push({
        line: row.line,
        from: row.period.from,
        to: row.period.to,
        areaCode: area.code,
        districtCode: area.district,
        category,
        count,
      });
  }
  rejected.sort((a, b) => a.line - b.line);
  await assertMayImport(db, request.scope, request.path, 'fly-tipping', [
    ...new Set(counts.map((c) => c.districtCode)),
  ]);
  if (accepted === 0)
    throw new InputError(
      `${request.path}: no row of the DEFRA table could be imported` +
        (rejected[0] ? ` (${rejectedRowText(rejected[0])})` : ''),
    );
  const loaded = await loadPartnerBatch(db, {
    dataset: 'fly-tipping',
    fileName: basename(request.path),
    contentHash: base.hash,
    mapping: null,
    synthetic: request.synthetic ?? false,
    coverage: [],
    records: [],
    counts: [],
    concerns: [],
    periodCounts: counts,
    rejected,
    acceptedRows: accepted,
    startedAt: base.startedAt,
  });
  const periods = [...new Set(counts.map((c) => `${c.from}..${c.to}`))].sort();
  const months = [...new Set(counts.flatMap((c) => monthsBetween(c.from, c.to)))].sort();
  return {
    path: base.path,
    kind: base.kind,
    force: null,
    synthetic: base.synthetic,
    months,
    status: 'imported',
    accepted,
    rejected: rejected.length,
    replaced: loaded.replaced,
    rejectedSample: rejected
      .slice(0, SAMPLE)
      .map(({ line, field, reason }) => ({ line, field, reason })),
    unmapped: table.headers.filter(
      (h) => !['Year', 'ONS Code'].includes(h) && !DEFRA_CATEGORIES.has(h),
    ),
    warnings: [
      `DEFRA annual table: financial-year totals (${periods.join(', ')}), no monthly detail; compared by whole year.`,
    ],
  };
}

/**
 * (district, month) pairs the file's rejected rows leave unknown ("district|month"), by why:
 * `counted`, an aggregate file's rows whose count was in the rejected row (the month is missing
 * there, not zero); `undated`, months a rejected row whose month cannot be read may lie in: any
 * month of its districts without an accepted row (an incident file's too: that month's zero
 * would be a guess). An incident file's rejected row of a known month leaves that month's count
 * short, not unknown (said as such by the import).
 *
 * A rejected row whose area cannot be read ("Liverpol") may be any district of the file; but in a
 * file of one row per district and month (every accepted row a whole district's, and no
 * breakdown), not one an accepted row already gives that month: a second row there would be a
 * repeat, which refuses the file. So one misspelt row leaves its own month unknown, not every
 * district's.
 */
async function unknownDistrictMonths(
  db: Db,
  dataset: DatasetDefinition,
  rejected: readonly { month?: string; area?: string }[],
  districts: readonly string[],
  span: readonly Month[],
  placed: readonly PlacedRow[],
): Promise<{ counted: Set<string>; undated: Set<string> }> {
  const counted = new Set<string>();
  const undated = new Set<string>();
  const areas = await resolveAreaReferences(
    db,
    rejected.flatMap((r) => (r.area ? [r.area] : [])),
  );
  const withRows = new Set(placed.map((r) => `${r.district}|${r.month}`));
  const oneRowEach =
    dataset.detail === 'aggregate' &&
    breakdownFields(dataset).length === 0 &&
    placed.every((r) => r.area.code === r.district);
  for (const r of rejected) {
    const district = r.area ? areas.get(r.area.trim())?.district : undefined;
    const where = district ? [district] : districts;
    if (!r.month) {
      for (const d of where)
        for (const m of span) if (!withRows.has(`${d}|${m}`)) undated.add(`${d}|${m}`);
    } else if (dataset.detail !== 'incident') {
      for (const d of where)
        if (district || !oneRowEach || !withRows.has(`${d}|${r.month}`))
          counted.add(`${d}|${r.month}`);
    }
  }
  return { counted, undated };
}

/** An aggregate dataset's fields other than month, area and counts: what a count is broken down by. */
function breakdownFields(dataset: DatasetDefinition): string[] {
  const counts = new Set<string>(dataset.countFields ?? []);
  return dataset.fields
    .filter((f) => !counts.has(f.name) && f.name !== 'month' && f.name !== 'area')
    .map((f) => f.name);
}

export { rejectedRowText };
