/**
 * The usage errors read from a command's facts are the ones its schemas would give: for every
 * required option of every command, left out, and for every option whose kind of value the facts
 * record, given good and bad values, the message matches run-command's (readInput's).
 */
import { describe, expect, it } from 'vitest';

import type { AnyCommand } from '../commands/definition.js';
import { describeCommand } from '../commands/info.js';
import { option } from '../commands/options.js';
import { COMMANDS } from '../commands/registry.js';
import { readInput } from '../commands/runtime.js';
import { InputError } from '../errors.js';
import { kebab } from './help.js';
import { optionError, parseFlags } from './parse-flags.js';

/** What readInput says of the options' raw values (none: all left out): the first complaint, or null. */
function schemaSays(
  command: AnyCommand,
  given: Record<string, unknown> = {},
): { message: string; field?: string } | null {
  try {
    // As run-command gives them: every option's key, undefined when left out.
    const raw = Object.fromEntries(Object.keys(command.options).map((key) => [key, given[key]]));
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
        const fromFacts = optionError(facts, {});
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

  it('refuse a bad value of every kind they record as its schema does, for every such option', () => {
    // Values a person might type, good and bad, for each kind of value the facts record.
    const SAMPLES: Record<string, (string | true)[]> = {
      text: ['Watford', '', '   '],
      flag: [true],
      period: [
        '2025-01..2025-12',
        '2025',
        '2025-26',
        '2025/26',
        'last-12-months',
        'LAST-3-MONTHS',
        'nonsense',
        '',
        '2025-13',
        '2025-27',
        '2025-28',
        '2025-12..2025-01',
        'last-0-months',
        '2025-01..2025-02..2025-03',
      ],
      month: ['2025-01', '2025-13', '2025-1', 'May', ''],
      number: [
        '0',
        '1',
        '2.5',
        '-3',
        '1e3',
        '99999999',
        'lots',
        '',
        ' ',
        'NaN',
        'Infinity',
        '0x10',
      ],
      numbers: ['0,100,200', '100', '200,100', 'a,b', '-1,2', ''],
      choice: ['nonsense', '', ' '],
    };
    const checked = new Set<string>();
    // No command takes option.numberList today: one made for the test stands in.
    const trends = COMMANDS.find((c) => c.name === 'trends') as AnyCommand;
    const bands = { ...trends, options: { bands: option.numberList('distance bands', 'M,M') } };
    for (const command of [...COMMANDS, bands]) {
      for (const key of Object.keys(command.options)) {
        const alone = { ...command, options: { [key]: command.options[key] } };
        const facts = describeCommand(alone);
        const check = facts.options[key]?.check;
        if (!check) continue;
        checked.add(check.type);
        const samples =
          check.type === 'choice'
            ? [...(SAMPLES.choice ?? []), ...check.values, ` ${check.values[0]?.toUpperCase()} `]
            : (SAMPLES[check.type] ?? []);
        expect(samples.length, check.type).toBeGreaterThan(0);
        for (const value of samples) {
          const fromFacts = optionError(facts, { [kebab(key)]: value });
          expect(
            fromFacts && { message: fromFacts.message, field: fromFacts.field },
            `${command.name} --${kebab(key)} ${JSON.stringify(value)}`,
          ).toEqual(schemaSays(alone, { [key]: value }));
        }
      }
    }
    expect([...checked].sort()).toEqual(
      ['choice', 'flag', 'month', 'number', 'numbers', 'period', 'text'].sort(),
    );
  });

  it('judge the options in order, and leave the judgement to the schema of a kind they do not know', () => {
    const trends = describeCommand(COMMANDS.find((c) => c.name === 'trends') as AnyCommand);
    expect(optionError(trends, {})?.message).toMatch(/^--area AREA is required/u);
    expect(optionError(trends, { area: 'Watford' })).toBeNull();
    expect(optionError(trends, { period: 'nonsense' })?.message).toMatch(
      /^--area AREA is required/u,
    );
    const bad = optionError(trends, { area: 'Watford', period: 'nonsense' });
    expect(bad?.message).toMatch(/^--period: "nonsense" is not a period; give YYYY-MM\.\.YYYY-MM/u);
    expect(bad?.field).toBe('period');
    // An option of a kind the facts do not record, given first: its schema may refuse it before
    // --area's absence is noticed, so the facts leave the judgement to the schemas.
    const member = { kind: 'strings', description: 'members', required: false } as const;
    const withList = { ...trends, options: { member, ...trends.options } };
    expect(optionError(withList, { member: ['x'] })).toBeNull();
    expect(optionError(withList, {})?.message).toMatch(/^--area AREA is required/u);
  });

  it('answer --help and refuse an unknown option, naming the ones the command has', () => {
    const summary = describeCommand(COMMANDS.find((c) => c.name === 'summary') as AnyCommand);
    expect(parseFlags(summary, ['--area', 'x', '-h'])).toBe('help');
    expect(() => parseFlags(summary, ['--area', 'x', '--colour', 'red'])).toThrow(
      /^summary has no option --colour; summary takes --area AREA/u,
    );
  });

  it('take a value that starts with a dash after its option, and still refuse an option with no value', () => {
    const add = describeCommand(COMMANDS.find((c) => c.name === 'plan action add') as AnyCommand);
    const flags = parseFlags(add, ['--title', '-20% ASB in Pill', '--owner', 'Rhian']);
    expect(flags).not.toBe('help');
    expect((flags as { values: Record<string, unknown> }).values).toMatchObject({
      title: '-20% ASB in Pill',
      owner: 'Rhian',
    });
    expect(() => parseFlags(add, ['--title', '--owner', 'Rhian'])).toThrow(
      /--title needs a value/u,
    );
    expect(parseFlags(add, ['--title', '-h'])).toBe('help');
  });
});
