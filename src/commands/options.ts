/**
 * The kinds of option commands take, each with its zod schema. A schema reads the raw value as
 * an adapter has it (the CLI: a string, true, or undefined when absent; the HTTP API: a query
 * string or a JSON value) and gives the command its typed input. Errors carry no option name:
 * the adapter names the option in its own terms (`--period` on the terminal, `period` over HTTP).
 */
import { z } from 'zod';

import { SETTING_FILES, type SettingName } from '../config/setting-files.js';
import { parsePeriodChoice, PERIOD_FORMS, type PeriodChoice } from '../domain/period-input.js';
import { InputError } from '../errors.js';
import type { OptionSpec, PositionalSpec } from './definition.js';
import {
  EMPTY_TEXT,
  numberKind,
  readChoice,
  readMonth,
  readNumber,
  readNumberList,
  type NumberRange,
  type ValueCheck,
} from './option-values.js';

/** A schema from a parser that throws InputError: its message becomes the issue. */
function parsed<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx): T => {
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}

const text = z.string().trim().min(1, EMPTY_TEXT);

// What each kind of value is, for the manifest: the CLI checks these before loading the command
// (option-values.ts), with the readers the schemas below use.
const TEXT: ValueCheck = { type: 'text' };
const PERIOD: ValueCheck = { type: 'period' };
const MONTH: ValueCheck = { type: 'month' };
const FLAG: ValueCheck = { type: 'flag' };
const NUMBERS: ValueCheck = { type: 'numbers' };

/** Reads a boolean from the terminal (true or absent) or from a query string ('true'/'false'). */
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', ''])], {
    // Zod's own words were "Invalid input", which names no value the option takes.
    error: (issue) =>
      `"${String(issue.input)}" is not true or false: give true or false (or 1 or 0)`,
  })
  .optional()
  .transform((v) => v === true || v === 'true' || v === '1' || v === '');

export const option = {
  /** Free text (a name, an id). */
  text(description: string, placeholder = 'TEXT'): OptionSpec<string | undefined> {
    return { kind: 'string', description, placeholder, schema: text.optional(), check: TEXT };
  },
  /** Free text the command cannot do without. */
  requiredText(description: string, placeholder = 'TEXT'): OptionSpec<string> {
    return { kind: 'string', description, placeholder, schema: text, check: TEXT };
  },
  /** An area by ONS code, name or police.uk force id. */
  area(
    description = 'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
  ): OptionSpec<string> {
    return { kind: 'string', description, placeholder: 'AREA', schema: text, check: TEXT };
  },
  optionalArea(description: string): OptionSpec<string | undefined> {
    return {
      kind: 'string',
      description,
      placeholder: 'AREA',
      schema: text.optional(),
      check: TEXT,
    };
  },
  /** A period in any of the forms a person types (see domain/period-input.ts). */
  period(
    description = `the months to look at: ${PERIOD_FORMS}`,
    defaultText?: string,
  ): OptionSpec<PeriodChoice | undefined> {
    return {
      kind: 'string',
      description,
      placeholder: 'PERIOD',
      schema: parsed(parsePeriodChoice).optional(),
      check: PERIOD,
      ...(defaultText ? { defaultText } : {}),
    };
  },
  requiredPeriod(description = `the months to look at: ${PERIOD_FORMS}`): OptionSpec<PeriodChoice> {
    return {
      kind: 'string',
      description,
      placeholder: 'PERIOD',
      schema: parsed(parsePeriodChoice),
      check: PERIOD,
    };
  },
  /** A month, YYYY-MM. */
  month(description: string): OptionSpec<string | undefined> {
    return {
      kind: 'string',
      description,
      placeholder: 'YYYY-MM',
      schema: parsed(readMonth).optional(),
      check: MONTH,
    };
  },
  /** A file to read. */
  file(description: string, defaultText?: string): OptionSpec<string | undefined> {
    return {
      kind: 'string',
      description,
      placeholder: 'FILE',
      local: true,
      schema: text.optional(),
      check: TEXT,
      ...(defaultText ? { defaultText } : {}),
    };
  },
  /** A yes/no switch. */
  flag(description: string): OptionSpec<boolean> {
    return { kind: 'boolean', description, schema: bool, check: FLAG };
  },
  /**
   * A number within limits. A refusal says what is wanted, as "5000 is not a number of seconds
   * from 0 to 3600" (`unit`: what the number counts; `above`: a lower limit not itself allowed).
   */
  number(description: string, limits: NumberLimits = {}): OptionSpec<number | undefined> {
    return {
      kind: 'string',
      description,
      placeholder: limits.placeholder ?? 'N',
      schema: numberSchema(limits).optional(),
      check: numberCheck(limits),
      ...(limits.defaultText ? { defaultText: limits.defaultText } : {}),
    };
  },
  /** A number within limits that the command cannot do without. */
  requiredNumber(description: string, limits: NumberLimits = {}): OptionSpec<number> {
    return {
      kind: 'string',
      description,
      placeholder: limits.placeholder ?? 'N',
      schema: numberSchema(limits),
      check: numberCheck(limits),
    };
  },
  /** One of a few words. */
  choice<const T extends string>(
    description: string,
    values: readonly T[],
    defaultText?: string,
  ): OptionSpec<T | undefined> {
    return {
      kind: 'string',
      description: `${description} (${values.join(', ')})`,
      placeholder: values.join('|'),
      schema: parsed((v) => readChoice(values, v)).optional(),
      check: { type: 'choice', values: [...values] },
      ...(defaultText ? { defaultText } : {}),
    };
  },
  /** A comma-separated list of numbers in increasing order (distance or time bands). */
  numberList(description: string, placeholder: string): OptionSpec<number[] | undefined> {
    return {
      kind: 'string',
      description,
      placeholder,
      schema: parsed(readNumberList).optional(),
      check: NUMBERS,
    };
  },
};

interface NumberLimits extends NumberRange {
  placeholder?: string;
  defaultText?: string;
}

/** The number's kind for the manifest: its limits, less what only help shows. */
function numberCheck(limits: NumberLimits): ValueCheck {
  const { min, above, max, integer, unit } = limits;
  const range = Object.fromEntries(
    Object.entries({ min, above, max, integer, unit }).filter(([, v]) => v !== undefined),
  ) as NumberRange;
  return { type: 'number', ...range };
}

/** A number from a string (the terminal, a query string) or a number (JSON), within limits. */
function numberSchema(limits: NumberLimits) {
  const kind = numberKind(limits);
  const raw = z.union([z.number(), z.string()], {
    error: (issue) => (issue.input === undefined ? 'is required' : `is not ${kind}`),
  });
  return raw.transform((v, ctx) => {
    try {
      return readNumber(limits, v);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}

/**
 * The options naming settings files, each named for the file it names (`riskMatrix` is
 * `--risk-matrix FILE`, default config/risk-matrix.yaml).
 */
export function settingOptions<const K extends SettingName>(
  ...names: K[]
): Record<K, OptionSpec<string | undefined>> {
  return Object.fromEntries(
    names.map((name) => {
      const { describe, defaultFile } = SETTING_FILES[name];
      return [name, option.file(describe, defaultFile)];
    }),
  ) as Record<K, OptionSpec<string | undefined>>;
}

/** Words after the command's name: file paths, folders, archives. */
export function paths<const K extends string>(
  key: K,
  placeholder: string,
  description: string,
  min = 1,
): PositionalSpec<string[]> & { key: K } {
  return {
    key,
    placeholder,
    description,
    schema: z
      .array(z.string())
      .min(min, `name at least ${min === 1 ? 'one' : min}: ${placeholder}`),
  };
}
