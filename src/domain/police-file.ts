/**
 * The three police.uk file kinds, their columns, and the file-name pattern
 * `YYYY-MM-<force>-<kind>.csv`. The kind of a file is read from its header, never its name.
 * Headers: domain-notes §1.3 (data.police.uk/about) and the bundled real files.
 */
import type { Month } from './month.js';

export const POLICE_KINDS = ['street', 'outcomes', 'stop-and-search'] as const;
export type PoliceKind = (typeof POLICE_KINDS)[number];

export const POLICE_COLUMNS: Readonly<Record<PoliceKind, readonly string[]>> = {
  street: [
    'Crime ID',
    'Month',
    'Reported by',
    'Falls within',
    'Longitude',
    'Latitude',
    'Location',
    'LSOA code',
    'LSOA name',
    'Crime type',
    'Last outcome category',
    'Context',
  ],
  outcomes: [
    'Crime ID',
    'Month',
    'Reported by',
    'Falls within',
    'Longitude',
    'Latitude',
    'Location',
    'LSOA code',
    'LSOA name',
    'Outcome type',
  ],
  'stop-and-search': [
    'Type',
    'Date',
    'Part of a policing operation',
    'Policing operation',
    'Latitude',
    'Longitude',
    'Gender',
    'Age range',
    'Self-defined ethnicity',
    'Officer-defined ethnicity',
    'Legislation',
    'Object of search',
    'Outcome',
    'Outcome linked to object of search',
    'Removal of more than just outer clothing',
  ],
};

/** Columns that may be absent without refusing the file (older files lack some of them). */
export const OPTIONAL_COLUMNS: Readonly<Record<PoliceKind, readonly string[]>> = {
  street: ['Context', 'Last outcome category'],
  outcomes: [],
  'stop-and-search': [
    'Part of a policing operation',
    'Policing operation',
    'Outcome linked to object of search',
    'Removal of more than just outer clothing',
  ],
};

/** The column whose presence says which kind a header belongs to. */
const SIGNATURE: Readonly<Record<PoliceKind, string>> = {
  street: 'Crime type',
  outcomes: 'Outcome type',
  'stop-and-search': 'Object of search',
};

export type KindDetection =
  | { ok: true; kind: PoliceKind }
  | { ok: false; kind: PoliceKind | null; missing: readonly string[] };

/**
 * Decides a file's kind from its header: by its signature column, or else by the kind whose
 * columns the header shares most of (at least half), so that a file missing a few columns is
 * refused with the names of those columns rather than as "not a police.uk file".
 */
export function detectKind(header: readonly string[]): KindDetection {
  const have = new Set(header.map((h) => h.trim()));
  let best: { kind: PoliceKind; share: number } | null = null;
  for (const kind of POLICE_KINDS) {
    const cols = POLICE_COLUMNS[kind];
    const share = cols.filter((c) => have.has(c)).length / cols.length;
    const signed = have.has(SIGNATURE[kind]);
    if (signed || share >= 0.5) {
      const score = share + (signed ? 1 : 0);
      if (!best || score > best.share) best = { kind, share: score };
    }
  }
  if (!best) return { ok: false, kind: null, missing: [] };
  const optional = new Set(OPTIONAL_COLUMNS[best.kind]);
  const missing = POLICE_COLUMNS[best.kind].filter((c) => !have.has(c) && !optional.has(c));
  return missing.length === 0
    ? { ok: true, kind: best.kind }
    : { ok: false, kind: best.kind, missing };
}

export interface PoliceFileName {
  month: Month;
  force: string;
  kind: PoliceKind;
}

const NAME_RE =
  /^(\d{4}-(?:0[1-9]|1[0-2]))-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv(?:\.gz)?$/u;

/** Reads month, force and kind from a police.uk file name; null when the name is not one. */
export function parsePoliceFileName(baseName: string): PoliceFileName | null {
  const m = NAME_RE.exec(baseName);
  if (!m) return null;
  return { month: m[1] as Month, force: m[2] as string, kind: m[3] as PoliceKind };
}

/** The dataset name under which each kind is stored and scoped. */
export function datasetOf(kind: PoliceKind): string {
  return `police-${kind}`;
}
