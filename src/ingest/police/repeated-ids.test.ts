import { describe, expect, it } from 'vitest';

import { RepeatedIds } from './repeated-ids.js';

const ID = 'f1b8d2bc2f4e9a6b8e6bd6b3cde2d81a17ac4e1e0a1f2e4ab3d0a0d2b7a5c9e1';

describe('RepeatedIds', () => {
  it('counts a repeated ID read from bytes or text alike, and the first repeat', () => {
    const ids = new RepeatedIds();
    const line = Buffer.from(`x,${ID},y`, 'latin1');
    ids.addBytes(line, 2, 2 + ID.length, 2);
    ids.addText('', 3); // ASB: no ID
    ids.addText(ID, 4);
    ids.addBytes(line, 2, 2 + ID.length, 5);
    expect([ids.crimes, ids.repeats, ids.first]).toEqual([3, 2, { line: 4, earlier: 2 }]);
  });

  it('tells IDs apart by their first 13 hex digits, and other IDs by their text', () => {
    const ids = new RepeatedIds();
    ids.addText(ID, 2);
    ids.addText(`${ID.slice(0, 12)}0${ID.slice(13)}`, 3);
    ids.addText('x1', 4);
    ids.addText('x2', 5);
    ids.addText('not-a-hex-id-at-all', 6);
    ids.addText('not-a-hex-id-at-all', 7);
    expect([ids.crimes, ids.repeats, ids.first]).toEqual([6, 1, { line: 7, earlier: 6 }]);
  });

  it('is too many from 10 repeats and 1 % of the crimes', () => {
    const of = (crimes: number, repeats: number) => {
      const ids = new RepeatedIds();
      for (let i = 0; i < crimes - repeats; i++) ids.addText(`id${i}`, i);
      for (let i = 0; i < repeats; i++) ids.addText(`id${i}`, crimes + i);
      return ids.tooMany();
    };
    expect([of(100, 9), of(100, 10), of(2000, 19), of(2000, 20)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});
