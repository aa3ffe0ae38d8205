/** Numeric command-line options, read the same way by every command: errors name the option. */
import { InputError } from '../errors.js';

/** A number, or undefined when the option is absent. */
export function numberOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n))
    throw new InputError(`--${name}: "${v}" is not a number`);
  return n;
}

/** A number the command cannot do without. */
export function requiredNumber(command: string, name: string, v: string | undefined): number {
  if (v === undefined) throw new InputError(`${command}: --${name} is required`);
  return numberOption(name, v) as number;
}

/** A whole number ≥ 0, or undefined when the option is absent. */
export function wholeNumberOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/u.test(v.trim())) throw new InputError(`--${name}: "${v}" is not a whole number`);
  return Number(v);
}
