/**
 * The usage errors read from a command's facts are the ones its schemas would give: for every
 * required option of every command, left out, the message matches run-command's (readInput's).
 */
import { describe, expect, it } from 'vitest';

import type { AnyCommand } from '../commands/definition.js';
import { describeCommand } from '../commands/info.js';
import { COMMANDS } from '../commands/registry.js';
import { readInput } from '../commands/runtime.js';
import { InputError } from '../errors.js';
import { kebab } from './help.js';
import { missingOption, parseFlags } from './parse-flags.js';

/** What readInput says when the options are all left out: the first complaint, or null. */
function schemaSays(command: AnyCommand): { message: string; field?: string } | null {
  try {
    // As run-command gives them: every option's key, undefined when left out.
    const raw = Object.fromEntries(Object.keys(command.options).map((key) => [key, undefined]));
    readInput({ ...command, positionals: undefined }, raw, (key) => `--${kebab(key)}`);
    return null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { message: error.message, field: error.field };
  }
}

describe('usage errors from the facts', () => {
  it('name a required option left out as its schema does, for every required option', () => {
    let required = 0;
    for (const command of COMMANDS) {
      for (const key of Object.keys(command.options)) {
        // The command with this one option: its schema's complaint when it is left out.
        const alone = { ...command, options: { [key]: command.options[key] } };
        const facts = describeCommand(alone);
        const fromFacts = missingOption(facts, {});
        const fromSchema = schemaSays(alone);
        expect(
          fromFacts && { message: fromFacts.message, field: fromFacts.field },
          `${command.name} --${key}`,
        ).toEqual(fromSchema);
        if (fromSchema) required++;
      }
    }
    expect(required).toBeGreaterThan(20);
  });

  it('leave the judgement to the schemas once an earlier option is given', () => {
    const trends = describeCommand(COMMANDS.find((c) => c.name === 'trends') as AnyCommand);
    expect(missingOption(trends, {})?.message).toMatch(/^--area AREA is required/u);
    expect(missingOption(trends, { area: 'Watford' })).toBeNull();
    expect(missingOption(trends, { period: 'nonsense' })).not.toBeNull(); // --area comes first
  });

  it('answer --help and refuse an unknown option, naming the ones the command has', () => {
    const summary = describeCommand(COMMANDS.find((c) => c.name === 'summary') as AnyCommand);
    expect(parseFlags(summary, ['--area', 'x', '-h'])).toBe('help');
    expect(() => parseFlags(summary, ['--area', 'x', '--colour', 'red'])).toThrow(
      /^summary has no option --colour; summary takes --area AREA/u,
    );
  });
});
