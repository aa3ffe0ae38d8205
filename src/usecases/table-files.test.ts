/** The CSV of an export: a byte-order mark for Excel, and cells a spreadsheet would run as formulas escaped. */
import { describe, expect, it } from 'vitest';

import { csvFile } from './table-files.js';

describe('csvFile', () => {
  it('writes UTF-8 with a BOM, formula-like text quoted as text, numbers (negative too) as numbers, null as empty', () => {
    const bytes = csvFile({
      id: 't',
      title: 'T',
      columns: ['name', 'change', 'note'],
      rows: [
        ['=HYPERLINK("http://evil")', -5, null],
        ['@SUM(A1)', 3.5, '+1'],
        ['Hemel Hempstead – Adeyfield', 0, '-x'],
      ],
      notes: [],
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(
      [
        'name,change,note',
        `"'=HYPERLINK(""http://evil"")",-5,`,
        `"'@SUM(A1)",3.5,"'+1"`,
        `Hemel Hempstead – Adeyfield,0,"'-x"`,
        '',
      ].join('\n'),
    );
  });
});
