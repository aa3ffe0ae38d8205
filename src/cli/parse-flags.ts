/**
 * A command line's flags read against the command's facts (commands/info.ts), before its
 * definition is loaded: an option the command does not have, a value missing, words it does not
 * take, `--help`, an empty --as, a required option left out, and a bad value of a common kind
 * (`--period nonsense`, `--month 2025-13`, `--limit lots`, a word not among the choices: the
 * kinds in commands/option-values.ts) are all answered from the facts alone, so these usage
 * errors load neither the command nor zod. What only the option's own schema can judge (a value
 * of another kind, the words after the command's name) is left to run-command.ts.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import type { CommandFacts, OptionInfo } from '../commands/info.js';
import { didYouMean } from '../domain/suggest.js';
import { valueProblem } from '../commands/option-values.js';
import { InputError } from '../errors.js';
import { flagText, kebab } from './help.js';

/** The options every command takes, besides its own. */
const GLOBAL: NonNullable<ParseArgsConfig['options']> = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** The flags as read: each option's raw value by its flag name, and the words after the name. */
export interface Flags {
  values: FlagValues;
  positionals: string[];
}

/** Whether the command takes --as from the CLI (a data command), not as its own option. */
export function takesGlobalAs(command: CommandFacts): boolean {
  return !('as' in command.options) && command.store !== 'none';
}

/** The flags of `args`, or 'help' when they ask for the command's help. Usage errors throw. */
export function parseFlags(command: CommandFacts, args: readonly string[]): Flags | 'help' {
  const specs = Object.entries(command.options);
  const options: NonNullable<ParseArgsConfig['options']> = { ...GLOBAL };
  // --as: the user whose grants a data command reads with (commands that administer take their
  // own --as, the actor named in the audit log).
  if (takesGlobalAs(command)) options.as = { type: 'string' };
  for (const [key, spec] of specs) {
    options[kebab(key)] = {
      type: spec.kind === 'boolean' ? 'boolean' : 'string',
      ...(spec.kind === 'strings' ? { multiple: true } : {}),
      ...(spec.short ? { short: spec.short } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: dashedValues(args, options),
      options,
      allowPositionals: command.positionals !== undefined,
      strict: true,
    });
  } catch (error) {
    if (args.includes('--help') || args.includes('-h')) return 'help';
    throw usageError(command, specs, error as Error & { code?: string });
  }
  const values = parsed.values as FlagValues;
  if (values.help) return 'help';
  return { values, positionals: parsed.positionals };
}

/**
 * A value that starts with a dash, given after its option (--title "-20% ASB in Pill"), joined
 * to it (--title=-20% ASB in Pill) so that parseArgs takes it as the value, not as an option:
 * only when the word is no option of the command's (--owner, -h) and not a lone dash.
 */
function dashedValues(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): string[] {
  const takesValue = (word: string) =>
    word.startsWith('--') && options[word.slice(2)]?.type === 'string';
  const isOption = (word: string) =>
    word === '--' ||
    (word.startsWith('--') && options[word.slice(2).split('=')[0] as string] !== undefined) ||
    Object.values(options).some((o) => o.short !== undefined && word === `-${o.short}`);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    const next = args[i + 1];
    if (takesValue(word) && next !== undefined && /^-./u.test(next) && !isOption(next)) {
      out.push(`${word}=${next}`);
      i++;
    } else out.push(word);
  }
  return out;
}

/** The user named by --as (else $LANTERN_AS) unless the command has its own --as; empty is refused. */
export function actingAsOf(
  command: CommandFacts,
  values: FlagValues,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const ownAs = 'as' in command.options;
  const asValue = ownAs ? undefined : (values.as as string | undefined);
  if (asValue !== undefined && asValue.trim() === '')
    throw new InputError('--as needs the name or email of a user (lantern users list)', {
      field: 'as',
    });
  return asValue ?? (ownAs ? undefined : nonEmpty(env.LANTERN_AS));
}

/**
 * The first complaint the options' schemas would make (they are checked in order, and an absent
 * optional one passes): a required option left out, or a value of a kind the facts record that
 * its schema refuses, in the schema's words. Null when every option passes, or when an option
 * whose value only its schema can judge is given first (for its schema may refuse it first).
 */
export function optionError(command: CommandFacts, values: FlagValues): InputError | null {
  for (const [key, spec] of Object.entries(command.options)) {
    const value = values[kebab(key)];
    if (value === undefined) {
      if (!spec.required) continue;
      const placeholder = spec.kind === 'string' && spec.placeholder ? ` ${spec.placeholder}` : '';
      return new InputError(
        `--${kebab(key)}${placeholder} is required (${spec.description.replace(/\.$/u, '')})`,
        { field: key },
      );
    }
    const check = spec.check;
    // A flag's value is true, which its schema takes.
    if (check?.type === 'flag' && value === true) continue;
    if (check === undefined || check.type === 'flag' || typeof value !== 'string') return null;
    const problem = valueProblem(check, value);
    if (problem !== null) return new InputError(`--${kebab(key)}: ${problem}`, { field: key });
  }
  return null;
}

/** parseArgs' complaint, told in the command's terms. */
function usageError(
  command: CommandFacts,
  specs: [string, OptionInfo][],
  error: Error & { code?: string },
): InputError {
  const own = specs.map(([key, spec]) => flagText(key, spec));
  const listing = `${command.name} takes ${own.length > 0 ? own.join(', ') : 'no options of its own'} (lantern ${command.name} --help)`;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/u.exec(error.message)?.[1] ?? 'that option';
    const names = specs.map(([key]) => `--${kebab(key)}`);
    return new InputError(
      `${command.name} has no option ${flag}${didYouMean(flag, names)}; ${listing}`,
    );
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']+)'/u.exec(error.message)?.[1] ?? '';
    return new InputError(
      `${command.name} takes no words of its own ("${word}"); quote a name with spaces, e.g. --area "Three Rivers"; ${listing}`,
    );
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(--?[^' ]+)/u.exec(error.message)?.[1] ?? 'an option';
    return new InputError(`${flag} needs a value; ${listing}`);
  }
  return new InputError(`${error.message}; ${listing}`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
