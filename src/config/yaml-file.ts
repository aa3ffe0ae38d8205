/**
 * A YAML configuration file read and validated against a schema. Errors name the file and the
 * place in it ("rates.2.rate.low: …"), never a stack trace.
 */
import { readFile } from 'node:fs/promises';

import { parse } from 'yaml';
import type { z } from 'zod';

import { InputError } from '../errors.js';

export async function readYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  what = 'configuration file',
): Promise<z.infer<S>> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError(`${path}: no such ${what}`);
  });
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    throw new InputError(`${path}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new InputError(`${path}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
