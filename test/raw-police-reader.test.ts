/**
 * The tests' own CSV reader (test/helpers/raw-police.ts), which reads the bundled police.uk files
 * to check Lantern's counts, kept honest against a published CSV parser (csv-parse): the same rows
 * on real files and on the RFC 4180 cases police.uk files hold (quoted fields with commas, doubled
 * quotes and line breaks, a BOM, blank lines), and a refusal where the text is not CSV.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { csvRecords, parseRaw, readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP } from './helpers/temp.js';

const published = (bytes: Buffer) =>
  parse(bytes, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];

describe("the tests' CSV reader", () => {
  it('reads two bundled months as csv-parse does, row for row', async () => {
    const entries = await readZipEntries(
      SAMPLE_ZIP,
      /(2018-11|2025-06)-hertfordshire-street\.csv$/u,
    );
    expect(entries.size).toBe(2);
    for (const bytes of entries.values()) {
      const ours = parseRaw(bytes);
      expect(ours.length).toBeGreaterThan(1000);
      expect(ours).toEqual(published(bytes));
    }
  });

  it('takes quoted commas, quotes and line breaks, a BOM and blank lines as csv-parse does', () => {
    // csv-parse takes the first record's line ending for the file's; police.uk files keep one.
    for (const eol of ['\r\n', '\n']) {
      const text = [
        '\ufeffCrime ID,Location,Context',
        'a1,"On or near Church Street, Watford","He said ""stop"""',
        '',
        'a2,On or near Park,""',
        `a3,"line one${eol}line two",x`,
        '',
      ].join(eol);
      const bytes = Buffer.from(text, 'utf8');
      expect(parseRaw(bytes), JSON.stringify(eol)).toEqual(published(bytes));
      expect(parseRaw(bytes)).toHaveLength(3);
    }
  });

  it('refuses text that is not CSV, as csv-parse does', () => {
    for (const bad of ['a,"open\n', 'a,b"c\n', 'a,"b"c\n']) {
      expect(() => csvRecords(bad), bad).toThrow(/CSV/u);
      expect(() => parse(bad), bad).toThrow();
    }
  });
});
