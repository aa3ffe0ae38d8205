/**
 * The one YAML reader refuses files whose aliases would expand without bound ("billion laughs",
 * and the same through merge keys) with the file's name, instead of a stack trace; and a file far
 * bigger than any configuration file before reading it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { InputError } from '../errors.js';
import { MAX_CONFIG_FILE_BYTES, readYamlFile } from './yaml-file.js';

const dir = mkdtempSync(join(tmpdir(), 'lantern-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('readYamlFile', () => {
  it('refuses a billion-laughs file, naming it', async () => {
    const path = write('bomb.yaml', laughs);
    const read = readYamlFile(path, z.unknown());
    await expect(read).rejects.toThrow(InputError);
    await expect(read).rejects.toThrow(
      `${path}: refused: its aliases (*name) expand too far to be a configuration file`,
    );
  });

  it('refuses the same through merge keys', async () => {
    const lines = ['x0: &x0 {a: 1, b: 2}'];
    for (let i = 1; i <= 12; i++) {
      lines.push(
        `x${i}: &x${i} {${Array.from({ length: 9 }, (_, k) => `k${k}: *x${i - 1}`).join(', ')}}`,
      );
    }
    lines.push('top: {<<: *x12}');
    const path = write('merge-bomb.yaml', lines.join('\n'));
    await expect(readYamlFile(path, z.unknown())).rejects.toThrow(`${path}: refused: its aliases`);
  });

  it('still reads a file with a few aliases', async () => {
    const path = write('ok.yaml', 'base: &base {weight: 2}\nburglary: *base\nrobbery: *base\n');
    expect(await readYamlFile(path, z.unknown())).toEqual({
      base: { weight: 2 },
      burglary: { weight: 2 },
      robbery: { weight: 2 },
    });
  });

  it('refuses a file far bigger than a configuration file before parsing it', async () => {
    // 3,000 keys of 100 characters: 300 KB, once parsed for seconds (10,000 keys: 16 s).
    const lines = ['threshold: 5'];
    for (let i = 0; i < 3000; i++) lines.push(`k${i}: ${'y'.repeat(90)}`);
    const path = write('big.yaml', lines.join('\n'));
    await expect(readYamlFile(path, z.object({ threshold: z.number() }).strict())).rejects.toThrow(
      `${path}: refused: 287 KB is too big for a configuration file (at most ${MAX_CONFIG_FILE_BYTES / 1024} KB`,
    );
  });

  it('refuses a file nested far deeper than a settings file, naming its line, before parsing it', async () => {
    // 200 KB of "[" once took the yaml package 8-14 s to fail with "Maximum call stack size
    // exceeded"; a list of 20,000 lists inside one another, 5 s.
    const brackets = write('brackets.yaml', '['.repeat(200_000));
    await expect(readYamlFile(brackets, z.unknown())).rejects.toThrow(
      `${brackets}:1: refused: nested more than 32 deep (lists or mappings inside one another)`,
    );
    const dashes = write(
      'dashes.yaml',
      `# a list of lists\nsignificantRise:\n  ${'- '.repeat(20_000)}x\n`,
    );
    await expect(readYamlFile(dashes, z.unknown())).rejects.toThrow(`${dashes}:3: refused: nested`);
  });

  it('names a misspelt key at its line with the key meant, a missing key as missing, an empty file as empty', async () => {
    const schema = z
      .object({ threshold: z.number(), publicPeriod: z.string().optional() })
      .strict();
    const typo = write('typo.yaml', '# a comment\nthreshhold: 5\n');
    await expect(readYamlFile(typo, schema)).rejects.toThrow(
      `${typo}:2: threshhold: not a setting here (did you mean "threshold"?); the settings here are threshold, publicPeriod`,
    );
    const optional = write('optional.yaml', 'threshold: 5\npublicPeriode: any\n');
    await expect(readYamlFile(optional, schema)).rejects.toThrow(
      `${optional}:2: publicPeriode: not a setting here (did you mean "publicPeriod"?)`,
    );
    const entries = z.object({
      rates: z.array(
        z.object({ key: z.string(), label: z.string(), table: z.string().default('') }).strict(),
      ),
    });
    const swapped = write('swapped.yaml', 'rates:\n  - key: a\n    lable: b\n');
    await expect(readYamlFile(swapped, entries)).rejects.toThrow(
      `${swapped}:3: rates.0.lable: not a setting here (did you mean "label"?)`,
    );
    const missing = write('missing.yaml', 'publicPeriod: any\n');
    await expect(readYamlFile(missing, schema)).rejects.toThrow(
      `${missing}:1: threshold: missing (a number is needed)`,
    );
    const empty = write('empty.yaml', '# nothing yet\n');
    await expect(readYamlFile(empty, schema)).rejects.toThrow(
      `${empty}: the file is empty: threshold: missing (a number is needed)`,
    );
  });

  it('counts the unknown keys of a file of many rather than listing them', async () => {
    const lines = ['threshold: 5', ...Array.from({ length: 500 }, (_, i) => `k${i}: 1`)];
    const path = write('many.yaml', lines.join('\n'));
    const error = (await readYamlFile(path, z.object({ threshold: z.number() }).strict()).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(
      `${path}:2: k0: not a setting here; the settings here are threshold; 499 other keys are not one either`,
    );
  });
});
