/** Messages between ParsePool and its worker, and the parsed file in a form that crosses threads. */
import type { PlacementLookups } from '../../domain/placement.js';
import type { ParsedPoliceFile } from './parse-police-file.js';

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

/** A parsed file in a form that crosses threads: its staged rows as CSV bytes. */
export type CheckedPoliceFile = Omit<ParsedPoliceFile, 'staged'> & {
  /** Accepted rows as CSV bytes in the staged layout. */
  staged: Uint8Array;
  stagedRows: number;
};

export type ParseReply =
  | { id: number; ok: true; parsed: CheckedPoliceFile }
  | { id: number; ok: false; inputError: boolean; message: string };

export function toTransferable(parsed: ParsedPoliceFile): CheckedPoliceFile {
  const { staged, ...rest } = parsed;
  return { ...rest, staged: staged.bytes(), stagedRows: staged.rows };
}
