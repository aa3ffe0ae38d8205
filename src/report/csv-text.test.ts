import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { csvText } from './csv-text.js';

describe('csvText', () => {
  it('drops control characters but keeps tabs and line breaks inside a cell', () => {
    const text = csvText(['title'], [['Line1\nLine2\tTab\u001b[31mRED\u0000\u007f']]);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(text).not.toMatch(/[\u0000\u001b\u007f]/u);
    const parsed = Papa.parse<string[]>(text.trimEnd()).data;
    expect(parsed).toEqual([['title'], ['Line1\nLine2\tTab[31mRED']]);
  });

  it('writes a formula as text and a number as a number', () => {
    expect(csvText(['a', 'b'], [['=1+1', -3]])).toBe('a,b\n"\'=1+1",-3\n');
  });
});
