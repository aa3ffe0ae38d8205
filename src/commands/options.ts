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

const text = z.string().trim().min(1, 'must not be empty');

/** Reads a boolean from the terminal (true or absent) or from a query string ('true'/'false'). */
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', ''])])
  .optional()
  .transform((v) => v === true || v === 'true' || v === '1' || v === '');

export const option = {
  /** Free text (a name, an id). */
  text(description: string, placeholder = 'TEXT'): OptionSpec<string | undefined> {
    return { kind: 'string', description, placeholder, schema: text.optional() };
  },
  /** Free text the command cannot do without. */
  requiredText(description: string, placeholder = 'TEXT'): OptionSpec<string> {
    return { kind: 'string', description, placeholder, schema: text };
  },
  /** An area by ONS code, name or police.uk force id. */
  area(
    description = 'the area: an ONS code (E07000102), a name ("Three Rivers") or a police.uk force id (hertfordshire)',
  ): OptionSpec<string> {
    return { kind: 'string', description, placeholder: 'AREA', schema: text };
  },
  optionalArea(description: string): OptionSpec<string | undefined> {
    return { kind: 'string', description, placeholder: 'AREA', schema: text.optional() };
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
      ...(defaultText ? { defaultText } : {}),
    };
  },
  requiredPeriod(description = `the months to look at: ${PERIOD_FORMS}`): OptionSpec<PeriodChoice> {
    return {
      kind: 'string',
      description,
      placeholder: 'PERIOD',
      schema: parsed(parsePeriodChoice),
    };
  },
  /** A month, YYYY-MM. */
  month(description: string): OptionSpec<string | undefined> {
    return {
      kind: 'string',
      description,
      placeholder: 'YYYY-MM',
      schema: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/u, 'is not a month (expected YYYY-MM, e.g. 2025-01)')
        .optional(),
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
      ...(defaultText ? { defaultText } : {}),
    };
  },
  /** A yes/no switch. */
  flag(description: string): OptionSpec<boolean> {
    return { kind: 'boolean', description, schema: bool };
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
      schema: z
        .string()
        .transform((v, ctx): T => {
          const hit = values.find((x) => x === v.trim().toLowerCase());
          if (hit === undefined) {
            ctx.addIssue({ code: 'custom', message: `"${v}" is not ${orList(values)}` });
            return z.NEVER;
          }
          return hit;
        })
        .optional(),
      ...(defaultText ? { defaultText } : {}),
    };
  },
  /** A comma-separated list of numbers in increasing order (distance or time bands). */
  numberList(description: string, placeholder: string): OptionSpec<number[] | undefined> {
    return {
      kind: 'string',
      description,
      placeholder,
      schema: parsed((v) => {
        const values = v.split(',').map((s) => Number(s.trim()));
        if (values.length < 2 || values.some((x) => !Number.isFinite(x) || x < 0)) {
          throw new InputError(`"${v}" is not a list of numbers ≥ 0 separated by commas`);
        }
        if (values.some((x, i) => i > 0 && x <= (values[i - 1] as number))) {
          throw new InputError(`"${v}": the numbers must increase`);
        }
        return values;
      }).optional(),
    };
  },
};

interface NumberLimits {
  min?: number;
  /** A lower limit not itself allowed (a radius above 0). */
  above?: number;
  max?: number;
  integer?: boolean;
  /** What the number counts, for messages: "metres", "seconds". */
  unit?: string;
  placeholder?: string;
  defaultText?: string;
}

/** A number from a string (the terminal, a query string) or a number (JSON), within limits. */
function numberSchema(limits: NumberLimits) {
  const { min, above, max, integer } = limits;
  const kind = integer ? 'a whole number' : 'a number';
  const wanted = [`${kind}${limits.unit ? ` of ${limits.unit}` : ''}`, rangeWords(min, above, max)]
    .filter(Boolean)
    .join(' ');
  const raw = z.union([z.number(), z.string()], {
    error: (issue) => (issue.input === undefined ? 'is required' : `is not ${kind}`),
  });
  return raw.transform((v, ctx) => {
    const value = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
    if (!Number.isFinite(value)) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not ${kind}` });
      return z.NEVER;
    }
    const within =
      (!integer || Number.isInteger(value)) &&
      (min === undefined || value >= min) &&
      (above === undefined || value > above) &&
      (max === undefined || value <= max);
    if (!within) {
      ctx.addIssue({ code: 'custom', message: `${value} is not ${wanted}` });
      return z.NEVER;
    }
    return value;
  });
}

/** "from 1 to 200", "above 0 and up to 5000", "from 10 up", "above 0", "up to 6", or ''. */
function rangeWords(min?: number, above?: number, max?: number): string {
  const low = min !== undefined ? `from ${min}` : above !== undefined ? `above ${above}` : '';
  if (max === undefined) return min !== undefined ? `${low} up` : low;
  if (low === '') return `up to ${max}`;
  return min !== undefined ? `${low} to ${max}` : `${low} and up to ${max}`;
}

/** "a, b or c". */
function orList(values: readonly string[]): string {
  return values.length < 2
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
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
