/** Messages between ParsePool and its worker, and the parsed file in a form that crosses threads. */
import type { Month } from '../../domain/month.js';
import type { PlacementCounts, PlacementLookups } from '../../domain/placement.js';
import type { PoliceKind } from '../../domain/police-file.js';
import type { ParsedPoliceFile, RejectedRow } from './parse-police-file.js';

/** The worker's first message: the register's lookups, for placing records. */
export interface LookupsMessage {
  lookups: PlacementLookups;
}

export interface ParseJob {
  id: number;
  path: string;
  baseName: string;
  bytes: Uint8Array;
  hash: string;
  force?: string;
}

/** A parsed file with its staged rows already joined into CSV text. */
export interface CheckedPoliceFile {
  path: string;
  kind: PoliceKind;
  force: string;
  months: Month[];
  monthCounts: Map<Month, number>;
  placement: PlacementCounts | null;
  contentHash: string;
  /** Accepted rows as CSV bytes in the staged layout. */
  staged: Uint8Array;
  stagedRows: number;
  rejected: RejectedRow[];
  warnings: string[];
}

export type ParseReply =
  | { id: number; ok: true; parsed: CheckedPoliceFile }
  | { id: number; ok: false; inputError: boolean; message: string };

export function toTransferable(parsed: ParsedPoliceFile): CheckedPoliceFile {
  const { staged, ...rest } = parsed;
  return { ...rest, staged: staged.bytes(), stagedRows: staged.rows };
}
