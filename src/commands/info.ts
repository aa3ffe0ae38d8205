/**
 * What a command is, without what it does: its name, task, summary, options and examples as
 * plain data. The help, the usage errors' listings and `lantern`'s choice of command read only
 * this (src/commands/manifest.ts holds it for every command, made from the definitions by
 * `npm run docs`), so that answering them loads no command, no zod, no DuckDB; the definition
 * itself is imported (`load`) only when the command runs. An option's facts include the kind of
 * its value where it is a common one (a period, a month, a number, a choice), so that a bad value
 * is refused before the command loads too.
 */
import type { AnyCommand, OptionSpec, StoreUse, Task } from './definition.js';
import type { ValueCheck } from './option-values.js';

/** One option as help shows it. */
export interface OptionInfo {
  kind: OptionSpec['kind'];
  description: string;
  placeholder?: string;
  defaultText?: string;
  /** A one-letter alias. */
  short?: string;
  /** Whether it must be given: its schema refuses "absent". */
  required: boolean;
  /** The kind of value, when it can be checked without the schema (option-values.ts). */
  check?: ValueCheck;
}

/** A command's definition less its schemas and functions. */
export interface CommandFacts {
  name: string;
  task: Task;
  summary: string;
  description?: string;
  examples: readonly string[];
  store: StoreUse;
  positionals?: { placeholder: string; description: string; single?: true };
  options: Readonly<Record<string, OptionInfo>>;
}

/** The facts, and the definition on demand. */
export interface CommandInfo extends CommandFacts {
  load: () => Promise<AnyCommand>;
}

/** The facts of a definition (what src/commands/manifest.ts holds for it). */
export function describeCommand(command: AnyCommand): CommandFacts {
  const options: Record<string, OptionInfo> = {};
  for (const [key, spec] of Object.entries(command.options) as [string, OptionSpec][]) {
    options[key] = {
      kind: spec.kind,
      description: spec.description,
      ...(spec.placeholder !== undefined ? { placeholder: spec.placeholder } : {}),
      ...(spec.defaultText !== undefined ? { defaultText: spec.defaultText } : {}),
      ...(spec.short !== undefined ? { short: spec.short } : {}),
      required: !spec.schema.safeParse(undefined).success,
      ...(spec.check !== undefined ? { check: spec.check } : {}),
    };
  }
  return {
    name: command.name,
    task: command.task,
    summary: command.summary,
    ...(command.description !== undefined ? { description: command.description } : {}),
    examples: [...command.examples],
    store: command.store,
    ...(command.positionals
      ? {
          positionals: {
            placeholder: command.positionals.placeholder,
            description: command.positionals.description,
            ...(command.positionals.single ? { single: true as const } : {}),
          },
        }
      : {}),
    options,
  };
}

/** The command named by the leading words of `words` (the longest name that matches), if any. */
export function findByWords<C extends { name: string }>(
  commands: readonly C[],
  words: readonly string[],
): { command: C; used: number } | null {
  let found: { command: C; used: number } | null = null;
  for (const command of commands) {
    const name = command.name.split(' ');
    if (name.every((w, i) => words[i] === w) && (found === null || name.length > found.used)) {
      found = { command, used: name.length };
    }
  }
  return found;
}
