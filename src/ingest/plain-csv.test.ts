import { describe, expect, it } from 'vitest';

import { readCsv, type CsvSink } from './csv.js';
import { isPlainCsv, readPlainCsv } from './plain-csv.js';

type Seen = [fields: string[], line: number, start: number, end: number];

/** What `readCsv` hands over for `text`: the header, then each record. */
function viaReadCsv(text: string) {
  const records: Seen[] = [];
  let header: string[] = [];
  const sink: CsvSink = {
    header: (fields) => (header = fields),
    record: (fields, line, _m, start, end) => records.push([fields, line, start, end]),
  };
  readCsv(text, 'test.csv', sink);
  return { header, records };
}

/** What `readPlainCsv` hands over, each line offered through `line` first (taken when `take` says so). */
function viaPlain(text: string, take: (fields: string[]) => boolean) {
  const bytes = Buffer.from(text, 'latin1');
  const records: Seen[] = [];
  const offered: Seen[] = [];
  let header: string[] = [];
  readPlainCsv(bytes, {
    header: (fields) => (header = fields),
    line(bounds, line) {
      const fields = [];
      for (let i = 0; i + 1 < bounds.length; i++) {
        fields.push(bytes.toString('latin1', (bounds[i] as number) + 1, bounds[i + 1]));
      }
      const seen: Seen = [fields, line, (bounds[0] as number) + 1, bounds.at(-1) as number];
      offered.push(seen);
      if (take(fields)) {
        records.push(seen);
        return true;
      }
      return false;
    },
    record: (fields, line, _m, start, end) => records.push([fields, line, start, end]),
  });
  return { header, records, offered };
}

const TEXTS = [
  'a,b,c\n1,2,3\n4,5,6\n',
  'a,b,c\n1,2,3\n4,5,6', // no line end after the last line
  'a,b,c\n\n1,2,3\n\n\n4,5,6\n\n', // blank lines
  'a,b,c\n1,2\n1,2,3,4\n,,\n1,,3\n', // too few, too many, empty fields
  'a,b,c\n 1,2,3\n1,2 ,3\n1,2,\t3\n1,\u00002,3\n', // spaces and control bytes at the ends
  'a,b,c', // a header alone
];

describe('readPlainCsv', () => {
  it('hands over the same records, lines and positions as readCsv', () => {
    for (const text of TEXTS) {
      const expected = viaReadCsv(text);
      for (const take of [() => true, () => false, (f: string[]) => f[0] === '1']) {
        const got = viaPlain(text, take);
        expect(got.header, text).toEqual(expected.header);
        expect(got.records, text).toEqual(expected.records);
      }
    }
  });

  it('offers only lines of the header width with nothing to trim at the ends of a field', () => {
    const { offered } = viaPlain(TEXTS[3] as string, () => true);
    expect(offered.map(([f]) => f)).toEqual([
      ['', '', ''],
      ['1', '', '3'],
    ]);
    expect(viaPlain(TEXTS[4] as string, () => true).offered).toEqual([]);
  });

  it('is for ASCII text without quotes or carriage returns', () => {
    expect(isPlainCsv(Buffer.from('a,b\n1,2\n'))).toBe(true);
    expect(isPlainCsv(Buffer.from('a,b\n"1",2\n'))).toBe(false);
    expect(isPlainCsv(Buffer.from('a,b\r\n1,2\r\n'))).toBe(false);
  });
});
