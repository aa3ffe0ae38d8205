/**
 * One police.uk CSV (already read into memory) to validated, staged rows: decide its kind from
 * the header, its force and month from the rows (cross-checked with the file name when it follows
 * the police.uk pattern), and check every row. Bad rows are collected with line and reason; a
 * file that cannot be imported at all throws InputError naming the file. Pure: no I/O.
 */
import { isAscii } from 'node:buffer';

import { forceById, forceIdFromName, forceIds, forceNames } from '../../domain/forces.js';
import { isMonth, type Month } from '../../domain/month.js';
import type { StagedLayout, StreetCount } from '../../domain/police-records.js';
import {
  cachedPlacer,
  type PlacementCounts,
  type PlacementLookups,
  type Placer,
} from '../../domain/placement.js';
import {
  detectKind,
  OPTIONAL_COLUMNS,
  parsePoliceFileName,
  POLICE_COLUMNS,
  type PoliceFileName,
  type PoliceKind,
} from '../../domain/police-file.js';
import { didYouMean } from '../../domain/suggest.js';
import { InputError } from '../../errors.js';
import { readCsv } from '../csv.js';
import { decodeCsvText } from '../decode.js';
import { isPlainCsv, readPlainCsv, type PlainCsvSink } from '../plain-csv.js';
import { recordText, StagingBuffer } from '../staging.js';
import type { Problem } from './fields.js';
import { ROW_MAPPERS, type RowMapper } from './row-mappers.js';
import { RepeatedIds } from './repeated-ids.js';
import type { StreetCounts } from './street-counts.js';

export interface RejectedRow {
  line: number;
  field: string | null;
  reason: string;
  raw: string;
}

export interface ParsedPoliceFile {
  path: string;
  kind: PoliceKind;
  force: string;
  months: Month[];
  /** Accepted rows per month. */
  monthCounts: Map<Month, number>;
  /** How records were tied to districts; null for stop-and-search (no LSOA). */
  placement: PlacementCounts | null;
  contentHash: string;
  staged: StagingBuffer;
  /**
   * How the staged rows are laid out: 'lantern' (domain/police-records.ts), or 'as-filed'
   * (street rows: Lantern's own cells, then the police.uk line as it is; row-mappers.ts).
   */
  layout: StagedLayout;
  rejected: RejectedRow[];
  warnings: string[];
  /**
   * Stop and search: the points of the first SEARCH_POINTS rows with a location, as longitude,
   * latitude pairs, so that a file of another force under this force's name can be told
   * (usecases/search-force-check.ts): its rows never say their force.
   */
  searchPoints?: number[];
  /** Street files: the accepted records counted as the store's street_count table keeps them. */
  streetCounts?: StreetCount[];
}

/** How many located searches of a file are kept to check where its searches lie. */
export const SEARCH_POINTS = 500;

export interface ParseOptions {
  /** The register's lookups for tying records to districts. */
  lookups: PlacementLookups;
  /** The force, for stop-and-search files whose name does not say it (their rows never do). */
  force?: string;
  /**
   * false: every row read as fields, never from the bytes (street-line.ts). The result is the
   * same either way; tests compare the two.
   */
  fastPath?: boolean;
}

export function parsePoliceFile(
  path: string,
  baseName: string,
  bytes: Uint8Array,
  contentHash: string,
  options: ParseOptions,
): ParsedPoliceFile {
  const named = parsePoliceFileName(baseName);
  // An ASCII file's text is its bytes one for one, so its lines can be copied from the bytes.
  const source = isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : null;
  const last = bytes[bytes.length - 1];
  const endsLine = last === LF || last === CR;
  const file = new FileChecker(path, named, options, source, bytes.length, endsLine);
  if (source !== null && options.fastPath !== false && isPlainStreetFile(source)) {
    readPlainCsv(source, file);
  } else {
    readCsv(decodeCsvText(bytes, path), path, file);
  }
  return file.finish(contentHash);
}

const LF = 10;
const CR = 13;
/**
 * The most fields a line may have. police.uk's widest files (stop-and-search) have 15 columns;
 * a line of thousands is not a police.uk file, and is refused before its fields are counted
 * as a force or stored as a rejected row.
 */
export const MAX_FIELDS = 1000;

const STREET_HEADER = Buffer.from(`${POLICE_COLUMNS.street.join(',')}\n`, 'latin1');

/**
 * A file of the import's fast path (plain-csv.ts, street-line.ts): ASCII (checked by the caller),
 * exactly the police.uk street header, no quote or carriage return, and nothing decodeCsvText
 * would refuse (it refuses a NUL byte anywhere).
 */
function isPlainStreetFile(bytes: Buffer): boolean {
  return (
    bytes.length > STREET_HEADER.length &&
    bytes.length < 2 ** 31 && // plain-csv.ts keeps positions in an Int32Array
    bytes.subarray(0, STREET_HEADER.length).equals(STREET_HEADER) &&
    bytes.indexOf(0) === -1 && // a NUL byte anywhere: decodeCsvText refuses the file
    isPlainCsv(bytes)
  );
}

/**
 * Checks a file's records as the CSV reader hands them over, so that none is held longer than
 * it takes to check it. The force and month every row is checked against are usually known
 * before the first row: the police.uk file name (or --force) gives them, and any other answer
 * from the rows refuses the file. Otherwise (a file named otherwise) they are read from the rows
 * first, so the records are held until the end and checked then.
 *
 * Refusals keep the order of the checks: an unclosed quote (the CSV reader), then a line of more
 * than MAX_FIELDS fields, then the header (a column named twice among them), then a file without
 * rows, then a last line cut short, then a Reported by or Falls within that names no police.uk
 * force, then the force (--force must name one, and agree with the name and the rows), then a
 * row of another month, then a file in which no row could be imported.
 *
 * A street or outcomes file holds one month: the one its police.uk name gives, or else the one
 * most of its rows carry. A row of any other month refuses the file (naming the first such
 * line), as does a file that ends inside a line (no line end after a last line with fewer
 * fields than the header): both are signs of a file cut short or put together wrongly, whose
 * import would replace a month's good rows with part of them. (A line cut inside its last field,
 * Context, keeps all its fields: free text, which no check can tell cut.)
 */
class FileChecker implements PlainCsvSink {
  private readonly path: string;
  private readonly named: PoliceFileName | null;
  private readonly options: ParseOptions;
  private kind: PoliceKind | null = null;
  private headerError: unknown = null;
  private index: ReadonlyMap<string, number> = new Map();
  private records = 0;
  /** Counts of the raw values the force (or, for stop-and-search, the month) is read from. */
  private forceValues: ValueCounter | null = null;
  private dateValues: ValueCounter | null = null;
  /** The Month values of a street or outcomes file without a police.uk name. */
  private monthValues: ValueCounter | null = null;
  private forceColumn = -1;
  /** The Reported by and Falls within columns (street and outcomes): each must name a force. */
  private forceNameColumns: { field: string; at: number }[] = [];
  /** Names found to be of known forces (the last one, and all). */
  private lastForceName = '';
  private readonly knownForceNames = new Set<string>();
  /** The first Reported by or Falls within that names no force police.uk publishes for. */
  private unknownForce: { line: number; field: string; value: string } | null = null;
  private dateColumn = -1;
  private monthColumn = -1;
  /** Stop and search: the Longitude and Latitude columns, and the points sampled. */
  private pointColumns: [number, number] | null = null;
  private readonly searchPoints: number[] = [];
  /** The first line with more than MAX_FIELDS fields. */
  private tooWide: { line: number; fields: number } | null = null;
  /** The last record read: its line and how many fields it has. */
  private last: { line: number; fields: number } | null = null;
  /** Whether the file's last byte ends a line. */
  private readonly endsLine: boolean;
  /** Set once the force and month are known; until then records are held. */
  private rows: RowChecker | null = null;
  private held: {
    fields: string[];
    line: number;
    malformed: string | undefined;
    start: number;
    end: number;
  }[] = [];
  private width = 0;
  private plain = false;
  /** The file's bytes, while its rows may be staged as its lines (MapperContext.source). */
  private source: Buffer | null;
  /** The size of the file, from which the staged rows' size is guessed. */
  private readonly size: number;

  constructor(
    path: string,
    named: PoliceFileName | null,
    options: ParseOptions,
    source: Buffer | null,
    size: number,
    endsLine: boolean,
  ) {
    this.path = path;
    this.named = named;
    this.options = options;
    this.source = source;
    this.size = size;
    this.endsLine = endsLine;
  }

  header(fields: string[], plain: boolean): void {
    this.width = fields.length;
    this.plain = plain;
    if (fields.length > MAX_FIELDS) {
      this.tooWide = { line: 1, fields: fields.length };
      return;
    }
    try {
      this.kind = kindOf(fields, this.path, this.named?.kind ?? null);
    } catch (error) {
      this.headerError = error; // thrown once the reader has seen the whole file
      return;
    }
    const kind = this.kind;
    const repeated = repeatedColumns(fields);
    if (repeated !== null) {
      this.kind = null;
      this.headerError = new InputError(
        `${this.path}:1: the header repeats ${repeated}; a police.uk file names each column ` +
          'once, and Lantern cannot tell which to read, so nothing is imported from it',
      );
      return;
    }
    if (!(plain && kind === 'street' && sameColumns(fields, POLICE_COLUMNS.street))) {
      this.source = null;
    }
    this.index = new Map(fields.map((h, i) => [h.trim(), i]));
    const known = this.options.force ?? this.named?.force;
    if (kind !== 'stop-and-search') {
      this.forceColumn = this.index.get('Falls within') ?? -1;
      if (this.forceColumn !== -1) this.forceValues = new ValueCounter();
      this.forceNameColumns = ['Reported by', 'Falls within'].flatMap((field) => {
        const at = this.index.get(field);
        return at === undefined ? [] : [{ field, at }];
      });
    }
    if (kind === 'stop-and-search') {
      const lon = this.index.get('Longitude');
      const lat = this.index.get('Latitude');
      if (lon !== undefined && lat !== undefined) this.pointColumns = [lon, lat];
    }
    if (kind === 'stop-and-search' && !this.named) {
      this.dateColumn = this.index.get('Date') ?? -1;
      if (this.dateColumn !== -1) this.dateValues = new ValueCounter();
    }
    if (kind !== 'stop-and-search' && !this.named) {
      this.monthColumn = this.index.get('Month') ?? -1;
      if (this.monthColumn !== -1) this.monthValues = new ValueCounter();
    }
    // With a police.uk name (and so a month) and a force (from the name or --force), the force
    // and month checked below are the only ones that can pass forceOf at the end: start
    // checking rows now.
    if (known !== undefined && this.named) {
      this.rows = this.rowChecker(kind, known, this.named?.month ?? null);
    }
  }

  record(
    fields: string[],
    line: number,
    malformed: string | undefined,
    start: number,
    end: number,
  ): void {
    this.last = { line, fields: fields.length };
    if (fields.length > MAX_FIELDS) this.tooWide ??= { line, fields: fields.length };
    if (this.kind === null || this.tooWide !== null) return;
    this.records++;
    // A row of another width is rejected: its cells say nothing of the file's force or month.
    if (fields.length === this.width) {
      if (this.forceValues) this.forceValues.add(fields[this.forceColumn]);
      if (this.dateValues) this.dateValues.add(fields[this.dateColumn]);
      if (this.monthValues) this.monthValues.add(fields[this.monthColumn]);
      if (this.unknownForce === null) this.checkForceNames(fields, line);
      if (this.pointColumns && this.searchPoints.length < SEARCH_POINTS * 2) {
        const lon = Number((fields[this.pointColumns[0]] as string).trim() || NaN);
        const lat = Number((fields[this.pointColumns[1]] as string).trim() || NaN);
        if (Number.isFinite(lon) && Number.isFinite(lat)) this.searchPoints.push(lon, lat);
      }
    }
    if (this.rows) this.rows.check(fields, line, malformed, start, end);
    else this.held.push({ fields, line, malformed, start, end });
  }

  /** Notes the first Reported by or Falls within that is not a force's name. */
  private checkForceNames(fields: readonly string[], line: number): void {
    for (const { field, at } of this.forceNameColumns) {
      const value = (fields[at] as string).trim();
      if (value === '' || value === this.lastForceName) continue;
      if (!this.knownForceNames.has(value)) {
        if (forceIdFromName(value) === null) {
          this.unknownForce = { line, field, value };
          return;
        }
        this.knownForceNames.add(value);
      }
      this.lastForceName = value;
    }
  }

  line(bounds: Int32Array, line: number): boolean {
    // Until the force and month are known, records are held as fields.
    const fallsWithin = this.rows?.checkLine(bounds, line) ?? null;
    if (fallsWithin === null) return false;
    this.last = { line, fields: this.width };
    this.records++;
    this.forceValues?.add(fallsWithin);
    return true;
  }

  finish(contentHash: string): ParsedPoliceFile {
    const { path, named, options } = this;
    if (this.tooWide) {
      const { line, fields } = this.tooWide;
      throw new InputError(
        `${path}:${line}: line ${line} has ${fields.toLocaleString('en-GB')} fields` +
          (line > 1 ? `, the header has ${this.width}` : '') +
          `; a police.uk file has at most a few dozen, so this is not one; nothing imported from it`,
      );
    }
    const kind = this.kind;
    if (kind === null) throw this.headerError;
    if (this.records === 0) throw new InputError(`${path}: the file has a header but no rows`);
    const last = this.last;
    if (!this.endsLine && last !== null && last.fields < this.width) {
      throw new InputError(
        `${path}:${last.line}: the last line is incomplete (${last.fields} of the header's ` +
          `${this.width} fields, and no line end): the file looks cut short; nothing imported ` +
          `from it. Download or copy it again.`,
      );
    }
    const warnings: string[] = [];
    if (named && named.kind !== kind) {
      warnings.push(
        `the file name says ${named.kind} but the header is a ${kind} header; read as ${kind}`,
      );
    }
    if (this.unknownForce) {
      const { line, field, value } = this.unknownForce;
      if (value === field) {
        throw new InputError(
          `${path}:${line}: line ${line} repeats the header (its ${field} is "${value}"): ` +
            'two files joined into one? Import each on its own; nothing imported from it',
        );
      }
      const near = didYouMean(value, forceNames());
      throw new InputError(
        `${path}:${line}: ${field} "${value}" is not a force that publishes on police.uk` +
          `${near || ` (rows name one as police.uk does, e.g. "Hertfordshire Constabulary" or "British Transport Police")`}` +
          '; nothing imported from it',
      );
    }
    const fromRows = this.forceValues?.mode((name) => forceIdFromName(name) ?? '') ?? null;
    const force = forceOf(kind, fromRows, named?.force ?? null, options.force, path);
    // Street and outcomes rows carry their own months; stop-and-search rows only a date.
    const fileMonth =
      named?.month ??
      (kind === 'stop-and-search'
        ? (this.dateValues?.mode((d) => d.slice(0, 7)) ?? null)
        : (this.monthValues?.mode((m) => (isMonth(m) ? m : '')) ?? null));
    let rows = this.rows;
    if (rows === null) {
      rows = this.rowChecker(kind, force, fileMonth);
      for (const r of this.held) rows.check(r.fields, r.line, r.malformed, r.start, r.end);
      this.held = [];
    } else if (rows.force !== force || rows.fileMonth !== fileMonth) {
      throw new Error(`${path}: rows were checked against the wrong force or month`);
    }
    const { staged, rejected, months, placer } = rows;
    if (rows.ids?.tooMany()) {
      const { repeats, crimes, first } = rows.ids;
      throw new InputError(
        `${path}:${first!.line}: ${repeats.toLocaleString('en-GB')} of its ${crimes.toLocaleString('en-GB')} crimes repeat the Crime ID of an earlier row ` +
          `(line ${first!.line} repeats line ${first!.earlier}'s): police.uk lists each crime once, so the file looks ` +
          'joined to itself or pasted twice, which would count its crimes and ASB twice; nothing imported from it. ' +
          'Download or copy it again.',
      );
    }
    if (rows.otherMonth !== null) {
      const { line, month, field, value } = rows.otherMonth;
      const whose = named ? 'as its name says' : 'as most of its rows are';
      throw new InputError(
        `${path}:${line}: line ${line} is of ${month}, but the file is of ${fileMonth ?? '?'} ` +
          `(${whose}); a police.uk file holds one month, so nothing is ` +
          `imported from it (line ${line}'s ${field} is "${value}"). Split it into one file per month.`,
      );
    }
    if (staged.rows === 0) {
      const first = rejected
        .slice(0, 3)
        .map((r) => `line ${r.line}: ${r.reason}`)
        .join('; ');
      throw new InputError(`${path}: no row could be imported (${first})`);
    }
    return {
      path,
      kind,
      force,
      months: [...months.keys()].sort(),
      monthCounts: months,
      placement: kind === 'stop-and-search' ? null : placer.counts,
      contentHash,
      staged,
      layout: this.source === null ? 'lantern' : 'as-filed',
      rejected,
      warnings,
      ...(kind === 'stop-and-search' ? { searchPoints: this.searchPoints } : {}),
      ...(rows.streetCounts ? { streetCounts: rows.streetCounts.list() } : {}),
    };
  }

  private rowChecker(kind: PoliceKind, force: string, fileMonth: Month | null): RowChecker {
    const { width, index, plain, source, size } = this;
    const { lookups } = this.options;
    return new RowChecker(kind, width, index, plain, source, force, fileMonth, lookups, size);
  }
}

/** Checks and stages the records of one file against its force and month. */
class RowChecker {
  readonly force: string;
  readonly fileMonth: Month | null;
  readonly staged: StagingBuffer;
  readonly rejected: RejectedRow[] = [];
  readonly months = new Map<Month, number>();
  /** The first row of another month than the file's, which refuses the file. */
  otherMonth: { line: number; month: Month; field: string; value: string } | null = null;
  readonly placer: Placer;
  private readonly mapper: RowMapper;
  private readonly width: number;
  /** Street files: the Crime IDs seen, and the column they are in. */
  readonly ids: RepeatedIds | null;
  private readonly idColumn: number;
  private readonly source: Buffer | null;

  constructor(
    kind: PoliceKind,
    width: number,
    index: ReadonlyMap<string, number>,
    plain: boolean,
    source: Buffer | null,
    force: string,
    fileMonth: Month | null,
    lookups: PlacementLookups,
    size: number,
  ) {
    // Staged rows take about as many bytes as the CSV they come from: start with enough.
    this.staged = new StagingBuffer(Math.ceil(size * 1.25));
    this.force = force;
    this.fileMonth = fileMonth;
    this.width = width;
    this.placer = cachedPlacer(lookups, forceById(force)?.pfaCode ?? null);
    const placer = this.placer;
    this.mapper = ROW_MAPPERS[kind]({ index, fileMonth, force, placer, plain, source });
    this.idColumn = index.get('Crime ID') ?? -1;
    this.ids = kind === 'street' && this.idColumn !== -1 ? new RepeatedIds() : null;
    this.source = source;
  }

  /** Street files: the staged records counted for the store's street_count table. */
  get streetCounts(): StreetCounts | undefined {
    return this.mapper.streetCounts;
  }

  /** The fast path of a plain street line (RowMapper.fromLine): its Falls within, or null if declined. */
  checkLine(bounds: Int32Array, line: number): string | null {
    const fromLine = this.mapper.fromLine;
    const fallsWithin = fromLine ? fromLine(bounds, line, this.staged, this.months) : null;
    if (fallsWithin !== null && this.ids) {
      const at = this.idColumn;
      this.ids.addBytes(
        this.source as Buffer,
        (bounds[at] as number) + 1,
        bounds[at + 1] as number,
        line,
      );
    }
    return fallsWithin;
  }

  check(
    record: string[],
    line: number,
    malformed: string | undefined,
    start: number,
    end: number,
  ): void {
    const problem =
      rowProblem(record, this.width, malformed) ??
      this.mapper(record, line, this.staged, this.months, start, end);
    if (problem?.otherMonth !== undefined) {
      const { month, value } = problem.otherMonth;
      this.otherMonth ??= { line, month, field: problem.field ?? 'Month', value };
      return;
    }
    if (!problem) this.ids?.addText((record[this.idColumn] ?? '').trim(), line);
    if (problem) {
      this.rejected.push({
        line,
        field: problem.field,
        reason: describe(problem),
        raw: recordText(record),
      });
    }
  }
}
/** Whether a header names exactly `columns`, in their order, without spaces to trim. */
function sameColumns(header: readonly string[], columns: readonly string[]): boolean {
  return header.length === columns.length && header.every((h, i) => h === columns[i]);
}

/** Problems with a record's shape, before its fields are looked at. */
function rowProblem(
  record: readonly string[],
  width: number,
  quotes: string | undefined,
): Problem | null {
  if (!quotes && record.length === width) return null;
  const lines = record.reduce((n, f) => n + (f.includes('\n') ? f.split('\n').length - 1 : 0), 0);
  const merged =
    lines > 0 && (quotes || record.length > width)
      ? `; it runs over ${lines + 1} lines: a quote opened in it and closed only later joined them`
      : '';
  if (quotes) return { field: null, reason: `malformed quotes (${quotes})${merged}` };
  return { field: null, reason: `has ${record.length} fields, the header has ${width}${merged}` };
}

function describe(problem: { field: string | null; reason: string }): string {
  return problem.field ? `${problem.field}: ${problem.reason}` : problem.reason;
}

function kindOf(header: readonly string[], path: string, named: PoliceKind | null): PoliceKind {
  const detected = detectKind(header);
  if (detected.ok) return detected.kind;
  // A header too far from any kind is judged against the kind its police.uk name gives.
  const kind = detected.kind ?? named;
  if (kind) {
    const have = new Set(header.map((h) => h.trim()));
    const optional = new Set(OPTIONAL_COLUMNS[kind]);
    const missing = POLICE_COLUMNS[kind].filter((c) => !have.has(c) && !optional.has(c));
    throw new InputError(
      `${path}: looks like a police.uk ${kind} file but lacks the column(s) ` +
        `${missing.map((c) => `"${c}"`).join(', ')}; nothing imported from it`,
    );
  }
  const shown = header.slice(0, 6).join(',').slice(0, 120);
  throw new InputError(
    `${path}: not a police.uk street, outcomes or stop-and-search CSV (its first line is "${shown}"; ` +
      `expected e.g. ${POLICE_COLUMNS.street.slice(0, 4).join(',')},…)`,
  );
}

/**
 * Counts of a column's non-empty raw values, for its most common value. Police.uk files repeat
 * the same value row after row, so runs are counted before they reach the map.
 */
class ValueCounter {
  private readonly raw = new Map<string, number>();
  private last: string | null = null;
  private run = 0;

  add(value: string | undefined): void {
    if (value === undefined || value === '') return;
    if (value === this.last) {
      this.run++;
      return;
    }
    this.flush();
    this.last = value;
    this.run = 1;
  }

  /** The most common value after `transform` (ties: the first seen), or null. */
  mode(transform: (s: string) => string): string | null {
    this.flush();
    const counts = new Map<string, number>();
    for (const [v, n] of this.raw) {
      const key = transform(v.trim());
      if (key !== '') counts.set(key, (counts.get(key) ?? 0) + n);
    }
    let best: string | null = null;
    let bestCount = 0;
    for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
    return best;
  }

  private flush(): void {
    if (this.last !== null) this.raw.set(this.last, (this.raw.get(this.last) ?? 0) + this.run);
    this.last = null;
    this.run = 0;
  }
}

/**
 * The file's force. `fromRows`: the most common force among the rows (street and outcomes), or
 * null; `named`: the force its police.uk name gives; `override`: --force, which names the force
 * of a file whose name does not say it (stop-and-search rows never do) and must agree with
 * whatever the name and rows say: it never re-labels one force's records as another's.
 */
function forceOf(
  kind: PoliceKind,
  fromRows: string | null,
  named: string | null,
  override: string | undefined,
  path: string,
): string {
  if (override !== undefined) {
    if (!forceById(override)) {
      throw new InputError(
        `${path}: --force "${override}" is not a force that publishes on police.uk` +
          `${didYouMean(override, forceIds()) || ' (e.g. hertfordshire, northumbria)'}; nothing imported from it`,
      );
    }
    if (named !== null && named !== override) {
      throw new InputError(
        `${path}: the file name says force "${named}" but --force says "${override}"; ` +
          "--force cannot make one force's records another's, so nothing is imported from it. " +
          'Leave --force out for files whose name gives the force.',
      );
    }
    if (fromRows !== null && fromRows !== override) {
      throw new InputError(
        `${path}: its rows fall within "${fromRows}" but --force says "${override}"; ` +
          "--force cannot make one force's records another's, so nothing is imported from it",
      );
    }
  }
  if (kind === 'stop-and-search') {
    const force = override ?? named;
    if (!force) {
      throw new InputError(
        `${path}: stop-and-search rows do not say their force, and the file name does not follow ` +
          `the police.uk pattern YYYY-MM-<force>-stop-and-search.csv; rename it or pass --force`,
      );
    }
    if (!forceById(force)) throw unknownNamedForce(path, force, kind);
    return force;
  }
  const force = override ?? fromRows ?? named;
  if (!force) throw new InputError(`${path}: no row says which force it falls within`);
  if (!forceById(force)) throw unknownNamedForce(path, force, kind);
  if (named && fromRows && named !== fromRows) {
    throw new InputError(
      `${path}: the file name says force "${named}" but its rows fall within "${fromRows}"; nothing imported from it`,
    );
  }
  return force;
}

function unknownNamedForce(path: string, force: string, kind: PoliceKind): InputError {
  return new InputError(
    `${path}: the file name says force "${force}", which is not a force that publishes on ` +
      `police.uk${didYouMean(force, forceIds())}; rename it with the force's police.uk id ` +
      `(e.g. 2021-01-northumbria-${kind}.csv); nothing imported from it`,
  );
}

/** `"Month" (columns 2 and 13)` for each name the header gives twice or more, or null. */
function repeatedColumns(header: readonly string[]): string | null {
  const at = new Map<string, number[]>();
  header.forEach((h, i) => {
    const name = h.trim();
    if (name !== '') at.set(name, [...(at.get(name) ?? []), i + 1]);
  });
  const repeats = [...at].filter(([, columns]) => columns.length > 1);
  if (repeats.length === 0) return null;
  return repeats
    .map(
      ([name, columns]) =>
        `"${name}" (columns ${columns.slice(0, -1).join(', ')} and ${columns.at(-1)})`,
    )
    .join('; ');
}
