/**
 * A YAML configuration file read and validated against a schema. Errors name the file, the line
 * and the place in it ("risk-matrix.yaml:12: bands.0.min: …"), never a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';

import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

import { didYouMean } from '../domain/suggest.js';
import { refuseDeepYaml } from '../domain/yaml-nesting.js';
import { InputError } from '../errors.js';

interface YamlText {
  /** The document as plain values ({} for an empty file). */
  data: unknown;
  /** Whether the file holds nothing but comments and blank lines. */
  empty: boolean;
  /** The line of the value at `at` (or of its nearest parent that has one); null if none. */
  lineOf(at: readonly PropertyKey[]): number | null;
}

/**
 * The most alias references (`*name`) a configuration file may make: the yaml package's own
 * default, said here so that it is seen. A file of nested aliases ("billion laughs") would
 * otherwise expand to gigabytes; Lantern's own files use none.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * The largest file read as a configuration file. Lantern's own are under 12 KB; parsing grows
 * faster than the file (a mapping of 10,000 keys, 1 MB, took 16 s; a 50 MB one ran for hours), so a
 * file far beyond any real one is refused before it is read.
 */
export const MAX_CONFIG_FILE_BYTES = 256 * 1024;

/** Parses YAML text, refusing invalid YAML with the file and line. */
function parseYamlText(text: string, path: string): YamlText {
  refuseDeepYaml(text, path);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const [error] = doc.errors;
  if (error) {
    throw new InputError(
      `${path}:${error.linePos?.[0]?.line ?? '?'}: not valid YAML (${error.message.split('\n')[0]})`,
    );
  }
  // The line of a mapping's key where the place is one (so "issues.burglry" points at the line
  // that names it), else of the value; failing both, of the nearest parent that has one.
  const lineOf = (at: readonly PropertyKey[]) => {
    for (let n = at.length; n >= 0; n--) {
      const parent = n > 0 ? doc.getIn(at.slice(0, n - 1) as unknown[], true) : null;
      const key = isMap(parent)
        ? parent.items.find((p) => isScalar(p.key) && p.key.value === at[n - 1])?.key
        : null;
      const node = (isScalar(key) ? key : doc.getIn(at.slice(0, n) as unknown[], true)) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return null;
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml package throws a ReferenceError for too many aliases (and for an alias to an
    // anchor not yet defined): both are the file's fault, not Lantern's.
    if (!(error instanceof ReferenceError)) throw error;
    throw new InputError(
      `${path}: refused: its aliases (*name) expand too far to be a configuration file ` +
        `(${error.message.split('\n')[0]}); write the values out instead`,
    );
  }
  return { data: data ?? {}, empty: data == null, lineOf };
}

type Issue = z.core.$ZodIssue;

/** The keys the schema knows at `at` (a mapping's), or none where it cannot tell. */
function knownKeys(schema: unknown, at: readonly PropertyKey[]): string[] {
  interface Shape {
    shape?: Record<string, unknown>;
    element?: unknown;
    unwrap?: () => unknown;
  }
  let node = schema as Shape | undefined;
  const unwrap = () => {
    // Optional, nullable and default wrappers, and an array's (to its element) alike.
    for (let i = 0; i < 5 && node && !node.shape && typeof node.unwrap === 'function'; i++)
      node = node.unwrap() as Shape;
  };
  for (const step of at) {
    unwrap();
    node = (typeof step === 'number' ? (node?.element ?? node) : node?.shape?.[String(step)]) as
      Shape | undefined;
  }
  unwrap();
  return node?.shape ? Object.keys(node.shape) : [];
}

const isMissing = (issue: Issue) =>
  issue.code === 'invalid_type' && /received undefined$/u.test(issue.message);

/**
 * Validates parsed YAML against `schema`; the first problem is refused with its line and place. A
 * key the file should not have comes first (a misspelt key is also a missing one, and the
 * misspelling is what to point at), named with the nearest known key; a missing key is said to be
 * missing; an empty file, to be empty.
 */
function validateYaml<S extends z.ZodType>(yaml: YamlText, schema: S, path: string): z.infer<S> {
  const result = schema.safeParse(yaml.data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  // "file:line: a.b.c"; an empty file said to be empty in place of a line.
  const place = (at: readonly PropertyKey[]) => {
    const line = yaml.empty ? null : yaml.lineOf(at);
    const file = yaml.empty
      ? `${path}: the file is empty:`
      : `${path}${line === null ? '' : `:${line}`}:`;
    return `${file} ${at.length ? at.join('.') : '(top level)'}`;
  };
  if (issue?.code === 'unrecognized_keys') {
    // The first unknown key, at its line; the others counted, never listed (a file of thousands).
    const known = knownKeys(schema, issue.path);
    const [first = '', ...others] = issue.keys;
    // A misspelling is most likely of a key the same mapping lacks ("lable": label, not table).
    const parent = issue.path.join('.');
    const lacking = issues
      .filter((i) => isMissing(i) && i.path.slice(0, -1).join('.') === parent)
      .map((i) => String(i.path.at(-1)));
    // Two letters swapped ("lable") is one slip, though two edits apart.
    const letters = (k: string) => [...k.toLowerCase()].sort().join('');
    const swapped = lacking.find((k) => letters(k) === letters(first));
    const near = swapped
      ? ` (did you mean "${swapped}"?)`
      : didYouMean(first, lacking) || didYouMean(first, known);
    const count = others.length.toLocaleString('en-GB');
    throw new InputError(
      `${place([...issue.path, first])}: not a setting here${near}` +
        (known.length ? `; the settings here are ${known.join(', ')}` : '') +
        (others.length
          ? `; ${count} other key${others.length > 1 ? 's are' : ' is'} not one either`
          : ''),
    );
  }
  const at = issue?.path ?? [];
  const message =
    issue && isMissing(issue)
      ? `missing${'expected' in issue ? ` (${/^[aeiou]/u.test(String(issue.expected)) ? 'an' : 'a'} ${String(issue.expected)} is needed)` : ''}`
      : (issue?.message ?? 'invalid');
  throw new InputError(`${place(at)}: ${message}`);
}

/** Refuses the file for the value at `at`, naming the file, its line and the place. */
export type Refuse = (at: readonly (string | number)[], message: string) => never;

/**
 * Reads, parses and validates a configuration file; `check` then applies the rules a schema does
 * not say (a name given twice, thresholds out of order), refusing through `refuse`.
 */
export async function readYamlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  what = 'configuration file',
  check?: (data: z.infer<S>, refuse: Refuse) => void,
): Promise<z.infer<S>> {
  return (await readYamlDocument(path, schema, what, check)).data;
}

/**
 * `readYamlFile`, with `where`: a place in the file as "file:line: a.b.c", for the errors a
 * caller finds later (an issue key the assessment does not hold).
 */
export async function readYamlDocument<S extends z.ZodType>(
  path: string,
  schema: S,
  what = 'configuration file',
  check?: (data: z.infer<S>, refuse: Refuse) => void,
): Promise<{ data: z.infer<S>; where: (at: readonly (string | number)[]) => string }> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
  if (size > MAX_CONFIG_FILE_BYTES)
    throw new InputError(
      `${path}: refused: ${Math.ceil(size / 1024).toLocaleString('en-GB')} KB is too big for a ${what} ` +
        `(at most ${MAX_CONFIG_FILE_BYTES / 1024} KB; Lantern's own are under 12 KB)`,
    );
  const text = await readFile(path, 'utf8').catch(() => {
    throw new InputError(`${path}: no such ${what}`);
  });
  const yaml = parseYamlText(text, path);
  const data = validateYaml(yaml, schema, path);
  const where = (at: readonly (string | number)[]) => {
    const line = yaml.lineOf(at);
    return `${path}${line === null ? '' : `:${line}`}: ${at.join('.')}`;
  };
  check?.(data, (at, message) => {
    throw new InputError(`${where(at)}: ${message}`);
  });
  return { data, where };
}
