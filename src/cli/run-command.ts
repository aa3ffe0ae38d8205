/**
 * The terminal's adapter over a command definition: flags parsed from the definition's options
 * (an option the command does not have is refused with the ones it has), `--help` for the
 * command's own page, the input checked by the definition's schemas, the command run, and its
 * document printed as text or JSON. Errors become exit codes in cli/lantern.ts.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import type { AnyCommand, OptionSpec, ProgressEvent } from '../commands/definition.js';
import { describeCommand } from '../commands/info.js';
import { execute, readInput } from '../commands/runtime.js';
import { didYouMean } from '../domain/suggest.js';
import { InputError } from '../errors.js';
import type { CommandContext } from './context.js';
import { commandHelp, flagText, kebab } from './help.js';
import { progressBar } from './progress.js';

/** The options every command takes, besides its own. */
const GLOBAL: NonNullable<ParseArgsConfig['options']> = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export async function runCommand(
  command: AnyCommand,
  args: readonly string[],
  ctx: CommandContext,
): Promise<number> {
  const specs = Object.entries(command.options) as [string, OptionSpec][];
  const options: NonNullable<ParseArgsConfig['options']> = { ...GLOBAL };
  // --as: the user whose grants a data command reads with (commands that administer take their
  // own --as, the actor named in the audit log).
  const ownAs = 'as' in command.options;
  if (!ownAs && command.store !== 'none') options.as = { type: 'string' };
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
      args: [...args],
      options,
      allowPositionals: command.positionals !== undefined,
      strict: true,
    });
  } catch (error) {
    if (args.includes('--help') || args.includes('-h')) {
      ctx.out(commandHelp(describeCommand(command)));
      return 0;
    }
    throw usageError(command, specs, error as Error & { code?: string });
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help) {
    ctx.out(commandHelp(describeCommand(command)));
    return 0;
  }
  const raw: Record<string, unknown> = {};
  for (const [key] of specs) raw[key] = values[kebab(key)];
  const asValue = ownAs ? undefined : (values.as as string | undefined);
  if (asValue !== undefined && asValue.trim() === '')
    throw new InputError('--as needs the name or email of a user (lantern users list)', {
      field: 'as',
    });
  const actingAs = asValue ?? (ownAs ? undefined : nonEmpty(ctx.env.LANTERN_AS));
  if (command.positionals) raw[command.positionals.key] = parsed.positionals;
  const input = readInput(command, raw, (key) => `--${kebab(key)}`);

  const bar = progressBar(ctx.interactive && !ctx.json);
  let document: unknown;
  try {
    document = await execute(command, input, {
      storePath: ctx.dbPath,
      hashKeyFile: ctx.hashKeyFile,
      scope: ctx.scope,
      ...(actingAs !== undefined ? { actingAs } : {}),
      progress: (event: ProgressEvent) => bar.update(event),
      notify: ctx.err,
      say: ctx.out,
      untilStopped: () =>
        new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        }),
      env: ctx.env,
    });
  } finally {
    bar.stop();
  }
  if (ctx.json) {
    ctx.out(JSON.stringify(command.json ? command.json(document, input) : document, null, 2));
  } else {
    const text = command.text(document, input);
    if (text !== '') ctx.out(text);
  }
  for (const note of command.notes?.(document) ?? []) ctx.err(`lantern: ${note}`);
  return command.exitCode?.(document) ?? 0;
}

/** parseArgs' complaint, told in the command's terms. */
function usageError(
  command: AnyCommand,
  specs: [string, OptionSpec][],
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
