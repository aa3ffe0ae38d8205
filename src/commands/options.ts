/**
 * The kinds of option commands take, each with its zod schema. A schema reads the raw value as
 * an adapter has it (the CLI: a string, true, or undefined when absent; the HTTP API: a query
 * string or a JSON value) and gives the command its typed input. Errors carry no option name:
 * the adapter names the option in its own terms (`--period` on the terminal, `period` over HTTP).
 */
import { z } from 'zod';

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
      schema: text.optional(),
      ...(defaultText ? { defaultText } : {}),
    };
  },
  /** A yes/no switch. */
  flag(description: string): OptionSpec<boolean> {
    return { kind: 'boolean', description, schema: bool };
  },
  /** A number within limits. */
  number(
    description: string,
    limits: {
      min?: number;
      max?: number;
      integer?: boolean;
      placeholder?: string;
      defaultText?: string;
    } = {},
  ): OptionSpec<number | undefined> {
    let n = z.number({ error: 'is not a number' });
    if (limits.integer) n = n.int('is not a whole number');
    if (limits.min !== undefined) n = n.min(limits.min, `must be at least ${limits.min}`);
    if (limits.max !== undefined) n = n.max(limits.max, `must be at most ${limits.max}`);
    const schema = z
      .union([z.number(), z.string()])
      .transform((v, ctx) => {
        const value = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
        if (!Number.isFinite(value)) {
          ctx.addIssue({ code: 'custom', message: `"${v}" is not a number` });
          return z.NEVER;
        }
        return value;
      })
      .pipe(n)
      .optional();
    return {
      kind: 'string',
      description,
      placeholder: limits.placeholder ?? 'N',
      schema,
      ...(limits.defaultText ? { defaultText: limits.defaultText } : {}),
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

/** "a, b or c". */
function orList(values: readonly string[]): string {
  return values.length < 2
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
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
