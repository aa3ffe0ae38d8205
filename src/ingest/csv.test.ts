import { describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { parseCsv, readCsv } from './csv.js';
import { decodeCsvText } from './decode.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseCsv(text, path)', () => {
  it('gives each record the line it starts on, counting quoted newlines', () => {
    const csv = parseCsv('a,b\n1,"two\nlines"\n3,4\n', 'f.csv');
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.records).toEqual([
      ['1', 'two\nlines'],
      ['3', '4'],
    ]);
    expect(csv.lines).toEqual([2, 4]);
  });
  it('reads CRLF line ends and skips blank lines without losing line numbers', () => {
    const csv = parseCsv('a,b\r\n1,2\r\n\r\n3,"x,y"\r\n', 'f.csv');
    expect(csv.records).toEqual([
      ['1', '2'],
      ['3', 'x,y'],
    ]);
    expect(csv.lines).toEqual([2, 4]);
  });
  it('unescapes doubled quotes', () => {
    expect(parseCsv('a\n"say ""hi"""\n', 'f.csv').records).toEqual([['say "hi"']]);
  });
  it('reads CR line ends', () => {
    expect(parseCsv('a,b\r1,2\r\r3,4\r', 'f.csv')).toMatchObject({
      records: [
        ['1', '2'],
        ['3', '4'],
      ],
      lines: [2, 4],
    });
  });

  it('reads a file mixing CRLF and LF line ends with LF line ends, so no lines run together', () => {
    const csv = parseCsv('a,b\r\n1,2\r\n3,4\n5,6\n', 'f.csv');
    expect(csv.records).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(csv.lines).toEqual([2, 3, 4]);
    // A stray LF in a CRLF file is a line end too: the broken row shows as two short records.
    expect(parseCsv('a,b\r\n1,x\ny\r\n3,4', 'f.csv').records).toEqual([
      ['1', 'x'],
      ['y'],
      ['3', '4'],
    ]);
  });

  it('flags a record with a malformed quote and keeps reading', () => {
    const csv = parseCsv('a,b\n1,2 "x" 3\n4,"5"x"\n6,7\n', 'f.csv');
    expect(csv.records).toEqual([
      ['1', '2 "x" 3'],
      ['4', '5"x'],
      ['6', '7'],
    ]);
    expect(csv.lines).toEqual([2, 3, 4]);
    expect([...csv.malformed]).toEqual([[1, 'Trailing quote on quoted field is malformed']]);
  });
  it('hands records over one at a time, saying whether any field would need quoting', () => {
    const seen: unknown[] = [];
    const sink = {
      header: (fields: string[], plain: boolean) => seen.push(['header', fields, plain]),
      record: (fields: string[], line: number) => seen.push([line, fields]),
    };
    readCsv('a,b\n1,2\n\n3,4', 'f.csv', sink);
    expect(seen).toEqual([
      ['header', ['a', 'b'], true],
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
    seen.length = 0;
    readCsv('a,b\r\n1,2\r\n', 'f.csv', sink);
    readCsv('a,b\n1,"2"\n', 'f.csv', sink);
    expect(seen.filter((s) => Array.isArray(s) && s[0] === 'header')).toEqual([
      ['header', ['a', 'b'], false],
      ['header', ['a', 'b'], false],
    ]);
  });
  it('drops one byte-order mark, as papaparse does, whether or not the text has quotes', () => {
    expect(parseCsv('\uFEFF\uFEFFa,b\n1,2\n', 'f.csv').header).toEqual(['\uFEFFa', 'b']);
    expect(parseCsv('\uFEFF\uFEFFa,"b"\n1,2\n', 'f.csv').header).toEqual(['\uFEFFa', 'b']);
  });
  it('refuses a file whose quoted field never closes, naming the line', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n', 'f.csv')).toThrow(
      /f\.csv:3: a quoted field is never closed/,
    );
  });
});

describe('decodeCsvText(bytes, path)', () => {
  it('refuses a file too large to hold as one string, with its size and the limit', () => {
    const big = bytes('a,b\n'.repeat(300_000)); // 1.1 MiB, against a limit of 1 MiB
    expect(() => decodeCsvText(big, 'big.csv', 2 ** 20)).toThrow(
      'big.csv: too large to read as text (1 MiB; the limit is 1 MiB); split it into smaller files',
    );
    expect(decodeCsvText(big, 'big.csv', 2 ** 21)).toHaveLength(1_200_000);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeCsvText(bytes('\uFEFFa,b\n'), 'f.csv')).toBe('a,b\n');
  });
  it('refuses an empty file', () => {
    expect(() => decodeCsvText(new Uint8Array(), 'f.csv')).toThrow(/f\.csv: the file is empty/);
    expect(() => decodeCsvText(bytes('\n\n'), 'f.csv')).toThrow(InputError);
  });
  it('refuses binary data', () => {
    expect(() => decodeCsvText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'x.csv')).toThrow(
      /binary data/,
    );
  });
  it('refuses text that is not UTF-8', () => {
    expect(() => decodeCsvText(new Uint8Array([0x61, 0xe9, 0x2c, 0x62]), 'latin1.csv')).toThrow(
      /not UTF-8/,
    );
  });
});
