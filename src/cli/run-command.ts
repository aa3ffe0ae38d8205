/**
 * The terminal's adapter over a command definition, once its flags have been read against the
 * command's facts (parse-flags.ts, which also answers `--help` and the usage errors it can): the
 * input checked by the definition's schemas, the command run, and its document printed as text
 * or JSON. Errors become exit codes in cli/lantern.ts.
 */
import type { AnyCommand, OptionSpec, ProgressEvent } from '../commands/definition.js';
import { execute, readInput } from '../commands/runtime.js';
import type { CommandContext } from './context.js';
import { kebab } from './help.js';
import type { Flags } from './parse-flags.js';
import { progressBar } from './progress.js';

export async function runCommand(
  command: AnyCommand,
  flags: Flags,
  actingAs: string | undefined,
  ctx: CommandContext,
): Promise<number> {
  const specs = Object.entries(command.options) as [string, OptionSpec][];
  const raw: Record<string, unknown> = {};
  for (const [key] of specs) raw[key] = flags.values[kebab(key)];
  if (command.positionals) raw[command.positionals.key] = flags.positionals;
  const input = readInput(command, raw, (key) => `--${kebab(key)}`);

  const bar = await progressBar(ctx.interactive && !ctx.json);
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
