/**
 * A support-services directory file, CSV or YAML, read into entries with the line each field is
 * on, so that every problem can be named as "file:line: field: what is wrong".
 *
 * CSV: a header of the columns in SERVICE_COLUMNS (id, name, themes, area … in any order; themes
 * separated by ";"; a cell `services export` escaped as text, "'+44 …", is read as it was). YAML: `services:` a list of mappings with the same keys (themes a list).
 */
import { extname } from 'node:path';

import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

import { unescapeFormula } from '../domain/csv-formula.js';
import { SERVICE_COLUMNS, type ServiceInput } from '../domain/support-service.js';
import { refuseDeepYaml } from '../domain/yaml-nesting.js';
import { InputError } from '../errors.js';
import { parseCsv } from './csv.js';
import { readInputFile } from './input-file.js';

export interface ServiceEntry {
  input: ServiceInput;
  /** The line the entry starts on, and the line of each field it gives. */
  line: number;
  fieldLines: Partial<Record<keyof ServiceInput, number>>;
}

const REQUIRED = ['id', 'name', 'themes', 'area'] as const;

export async function readServicesFile(path: string): Promise<ServiceEntry[]> {
  const text = (await readInputFile(path)).toString('utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return servicesFromCsv(text, path);
  if (ext === '.yaml' || ext === '.yml') return servicesFromYaml(text, path);
  throw new InputError(`${path}: a directory file must be .csv, .yaml or .yml`);
}

function blankInput(): ServiceInput {
  return {
    id: '',
    name: '',
    provider: '',
    themes: [],
    area: '',
    phone: '',
    web: '',
    email: '',
    text: '',
    hours: '',
    eligibility: '',
    description: '',
    public: 'yes',
    source: '',
    verified: 'no',
  };
}

function splitThemes(value: string): string[] {
  return value
    .split(/[;|]/u)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function servicesFromCsv(text: string, path: string): ServiceEntry[] {
  const csv = parseCsv(text, path);
  const header = csv.header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(SERVICE_COLUMNS);
  for (const h of header)
    if (!known.has(h))
      throw new InputError(
        `${path}:1: column "${h}" is not a directory column (${SERVICE_COLUMNS.join(', ')})`,
      );
  for (const r of REQUIRED)
    if (!header.includes(r)) throw new InputError(`${path}:1: the column "${r}" is missing`);
  return csv.records.flatMap((fields, i) => {
    const line = csv.lines[i]!;
    if (csv.malformed.has(i)) throw new InputError(`${path}:${line}: ${csv.malformed.get(i)}`);
    // A spreadsheet's emptied row (",,,,") is no entry, as a blank line is not (found by QA: it
    // refused the whole file with five problems on that line).
    if (fields.every((f) => f.trim() === '')) return [];
    const input = blankInput();
    const fieldLines: ServiceEntry['fieldLines'] = {};
    header.forEach((h, j) => {
      const key = h as keyof ServiceInput;
      // Lantern's own export wrote a cell like "+44 20 …" or "-Free-" as "'+44 20 …": read back as it was.
      const value = unescapeFormula(fields[j] ?? '').trim();
      if (key === 'themes') input.themes = splitThemes(value);
      else if ((key === 'public' || key === 'verified') && value === '') return;
      else (input as unknown as Record<string, string>)[key] = value;
      fieldLines[key] = line;
    });
    return [{ input, line, fieldLines }];
  });
}

export function servicesFromYaml(text: string, path: string): ServiceEntry[] {
  refuseDeepYaml(text, path);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const [error] = doc.errors;
  if (error)
    throw new InputError(
      `${path}:${error.linePos?.[0]?.line ?? '?'}: not valid YAML (${error.message.split('\n')[0]})`,
    );
  const lineAt = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lines.linePos(range[0]).line : 1;
  };
  const list = isMap(doc.contents) ? doc.contents.get('services', true) : null;
  if (!isSeq(list))
    throw new InputError(`${path}:1: the file must hold services: a list of services`);
  const known = new Set<string>(SERVICE_COLUMNS);
  return list.items.map((item) => {
    const line = lineAt(item);
    if (!isMap(item)) throw new InputError(`${path}:${line}: each service must be a mapping`);
    const input = blankInput();
    const fieldLines: ServiceEntry['fieldLines'] = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyLine = lineAt(pair.key);
      if (!known.has(key))
        throw new InputError(
          `${path}:${keyLine}: "${key}" is not a directory field (${SERVICE_COLUMNS.join(', ')})`,
        );
      const field = key as keyof ServiceInput;
      fieldLines[field] = keyLine;
      // A number is kept as written: 08081689111 is a phone number, not 8081689111.
      const value: unknown = isScalar(pair.value)
        ? typeof pair.value.value === 'number' && typeof pair.value.source === 'string'
          ? pair.value.source
          : pair.value.value
        : isSeq(pair.value)
          ? pair.value.items.map((v) => (isScalar(v) ? String(v.value) : ''))
          : null;
      if (field === 'themes') {
        input.themes = Array.isArray(value)
          ? value.map((v) => String(v).trim())
          : splitThemes(String(value ?? ''));
      } else if (field === 'public' || field === 'verified') {
        input[field] = typeof value === 'boolean' ? value : String(value ?? '');
      } else if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
        throw new InputError(`${path}:${keyLine}: ${key}: must be text`);
      } else {
        input[field] = value === null ? '' : String(value).trim();
      }
    }
    return { input, line, fieldLines };
  });
}
