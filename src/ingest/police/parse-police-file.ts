/**
 * One police.uk CSV (already read into memory) to validated, staged rows: decide its kind from
 * the header, its force and month from the rows (cross-checked with the file name when it follows
 * the police.uk pattern), and check every row. Bad rows are collected with line and reason; a
 * file that cannot be imported at all throws InputError naming the file. Pure: no I/O.
 */
import { forceById, forceIdFromName } from '../../domain/forces.js';
import type { Month } from '../../domain/month.js';
import {
  cachedPlacer,
  type PlacementCounts,
  type PlacementLookups,
} from '../../domain/placement.js';
import {
  detectKind,
  OPTIONAL_COLUMNS,
  parsePoliceFileName,
  POLICE_COLUMNS,
  type PoliceKind,
} from '../../domain/police-file.js';
import { InputError } from '../../errors.js';
import { parseCsv, type CsvRecords } from '../csv.js';
import { decodeCsvText } from '../decode.js';
import { recordText, StagingBuffer } from '../staging.js';
import { ROW_MAPPERS } from './row-mappers.js';

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
  rejected: RejectedRow[];
  warnings: string[];
}

export interface ParseOptions {
  /** The register's lookups for tying records to districts. */
  lookups: PlacementLookups;
  /** The force, for stop-and-search files whose name does not say it (their rows never do). */
  force?: string;
}

export function parsePoliceFile(
  path: string,
  baseName: string,
  bytes: Uint8Array,
  contentHash: string,
  options: ParseOptions,
): ParsedPoliceFile {
  const text = decodeCsvText(bytes, path);
  const csv = parseCsv(text, path);
  const named = parsePoliceFileName(baseName);
  const kind = kindOf(csv.header, path, named?.kind ?? null);
  if (csv.records.length === 0) throw new InputError(`${path}: the file has a header but no rows`);
  const warnings: string[] = [];
  if (named && named.kind !== kind) {
    warnings.push(
      `the file name says ${named.kind} but the header is a ${kind} header; read as ${kind}`,
    );
  }
  const index = new Map(csv.header.map((h, i) => [h.trim(), i]));
  const force = forceOf(kind, csv, index, named?.force ?? null, options.force, path);
  const fileMonth = monthOf(kind, csv, index, named?.month ?? null);

  const staged = new StagingBuffer();
  const rejected: RejectedRow[] = [];
  const months = new Map<Month, number>();
  const placer = cachedPlacer(options.lookups, forceById(force)?.pfaCode ?? null);
  const mapper = ROW_MAPPERS[kind]({ index, fileMonth, force, place: placer.place });
  const width = csv.header.length;
  for (let i = 0; i < csv.records.length; i++) {
    const record = csv.records[i] as string[];
    const line = csv.lines[i] as number;
    const problem =
      rowProblem(record, width, csv.malformed.get(i)) ?? mapper(record, line, staged, months);
    if (problem)
      rejected.push({
        line,
        field: problem.field,
        reason: describe(problem),
        raw: recordText(record),
      });
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
    rejected,
    warnings,
  };
}

/** Problems with a record's shape, before its fields are looked at. */
function rowProblem(record: readonly string[], width: number, quotes: string | undefined) {
  if (quotes) return { field: null, reason: `malformed quotes (${quotes})` };
  if (record.length !== width) {
    return { field: null, reason: `has ${record.length} fields; the header has ${width}` };
  }
  return null;
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

/** The most common non-empty value of a column, after `transform`, or null. */
function modalValue(csv: CsvRecords, column: number | undefined, transform = (s: string) => s) {
  if (column === undefined) return null;
  const raw = new Map<string, number>();
  for (const r of csv.records) {
    const v = r[column];
    if (v !== undefined && v !== '') raw.set(v, (raw.get(v) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [v, n] of raw) {
    const key = transform(v.trim());
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + n);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

function forceOf(
  kind: PoliceKind,
  csv: CsvRecords,
  index: ReadonlyMap<string, number>,
  named: string | null,
  override: string | undefined,
  path: string,
): string {
  if (kind === 'stop-and-search') {
    const force = override ?? named;
    if (!force) {
      throw new InputError(
        `${path}: stop-and-search rows do not say their force, and the file name does not follow ` +
          `the police.uk pattern YYYY-MM-<force>-stop-and-search.csv; rename it or pass --force`,
      );
    }
    return force;
  }
  const fromRows = modalValue(csv, index.get('Falls within'), forceIdFromName);
  const force = override ?? fromRows ?? named;
  if (!force) throw new InputError(`${path}: no row says which force it falls within`);
  if (named && fromRows && named !== fromRows) {
    throw new InputError(
      `${path}: the file name says force "${named}" but its rows fall within "${fromRows}"; nothing imported from it`,
    );
  }
  return force;
}

function monthOf(
  kind: PoliceKind,
  csv: CsvRecords,
  index: ReadonlyMap<string, number>,
  named: Month | null,
): Month | null {
  if (named) return named;
  if (kind !== 'stop-and-search') return null; // rows carry their own months
  return modalValue(csv, index.get('Date'), (d) => d.slice(0, 7));
}
