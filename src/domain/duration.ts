/** A length of time as a person types it: "30d", "12h", "90m" (days, hours, minutes). */
import { InputError } from '../errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds in a duration such as "30d"; at most `maxDays` days. */
export function parseDuration(text: string, maxDays = 366): number {
  const m = /^\s*(\d{1,6})\s*([mhd])\s*$/iu.exec(text);
  if (!m) {
    throw new InputError(
      `"${text}" is not a length of time: give a whole number and a unit, d (days), h (hours) or m (minutes), like 30d`,
    );
  }
  const ms = Number(m[1]) * (UNIT_MS[(m[2] as string).toLowerCase()] as number);
  if (ms <= 0) throw new InputError(`"${text}": must be longer than nothing`);
  if (ms > maxDays * UNIT_MS.d!) throw new InputError(`"${text}": at most ${maxDays} days`);
  return ms;
}
