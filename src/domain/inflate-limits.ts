/**
 * Limits on what a compressed file may inflate to, checked while it inflates (zip entries and
 * `.gz` files in ingest/, the entries of a streamed police.uk archive in acquire/), so that a
 * small "bomb" is refused after at most a limit's worth of bytes instead of filling the memory
 * first. Pure: the caller passes the environment.
 *
 * Two limits, each settable in the environment:
 * - the size of one inflated file: 512 MiB (`LANTERN_MAX_INFLATED_MIB`), the most a CSV file
 *   may hold to be read as text (decode.ts);
 * - the compression ratio: 100 to 1 (`LANTERN_MAX_COMPRESSION_RATIO`). police.uk's CSV files
 *   compress about 5 to 1; a file that inflates a hundred times over is not a police.uk file.
 *   Files whose inflated size is below 1 MiB are never refused for their ratio.
 */
import { InputError } from '../errors.js';

const MIB = 2 ** 20;
/** Inflated sizes under this are never refused for their ratio (tiny files compress oddly). */
const RATIO_FLOOR = MIB;

export interface InflateLimits {
  /** The most bytes one inflated file may hold. */
  maxBytes: number;
  /** The most times its compressed size a file may inflate to. */
  maxRatio: number;
}

/** The limits in force: the defaults, or what the environment sets. */
export function inflateLimits(env: Readonly<Record<string, string | undefined>>): InflateLimits {
  return {
    maxBytes: positive(env.LANTERN_MAX_INFLATED_MIB, 'LANTERN_MAX_INFLATED_MIB', 512) * MIB,
    maxRatio: positive(env.LANTERN_MAX_COMPRESSION_RATIO, 'LANTERN_MAX_COMPRESSION_RATIO', 100),
  };
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new InputError(`${name}: "${value}" is not a positive number`);
  }
  return n;
}

/**
 * The most bytes a file of `compressedBytes` may inflate to: the smaller of the size limit and
 * the ratio limit (never below the ratio's floor).
 */
export function inflatedCap(compressedBytes: number, limits: InflateLimits): number {
  const byRatio = Math.max(RATIO_FLOOR, compressedBytes * limits.maxRatio);
  return Math.min(limits.maxBytes, byRatio);
}

/**
 * The refusal of `path` (a file or `archive.zip!entry`) once it inflated past `inflatedCap`:
 * which limit it broke and how to raise it.
 */
export function inflateRefusal(
  path: string,
  compressedBytes: number,
  limits: InflateLimits,
): InputError {
  const cap = inflatedCap(compressedBytes, limits);
  const mib = (n: number) =>
    n < MIB ? `${Math.ceil(n / 1024)} KiB` : `${Math.round((n / MIB) * 10) / 10} MiB`;
  if (cap >= limits.maxBytes) {
    return new InputError(
      `${path}: inflates to more than ${mib(limits.maxBytes)}, the most Lantern reads from one ` +
        'compressed file; nothing imported from it (split it into smaller files, or raise the ' +
        'limit with LANTERN_MAX_INFLATED_MIB)',
    );
  }
  return new InputError(
    `${path}: inflates to more than ${limits.maxRatio} times its compressed size ` +
      `(${mib(compressedBytes)} to over ${mib(cap)}), which no genuine data file (police.uk, ONS or a partner's) does: ` +
      'it looks like a compression bomb; nothing imported from it (if the file is genuine, ' +
      'raise the limit with LANTERN_MAX_COMPRESSION_RATIO)',
  );
}
