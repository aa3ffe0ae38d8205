import { describe, expect, it } from 'vitest';

import { countyForceAreas, FORCES, forceAreaWord, forceIdFromName } from './forces.js';

describe('forceAreaWord(pfaCode)', () => {
  it('calls a county force area a county, and every other force area a force area', () => {
    expect(forceAreaWord('E23000027')).toBe('county'); // Hertfordshire
    expect(forceAreaWord('E23000033')).toBe('county'); // Sussex, named for its county
    expect(forceAreaWord('E23000001')).toBe('force area'); // the Metropolitan Police
    expect(forceAreaWord('E23000005')).toBe('force area'); // Greater Manchester
    expect(forceAreaWord('E23000007')).toBe('force area'); // Northumbria
    expect(forceAreaWord('E23000029')).toBe('force area'); // Thames Valley
    expect(forceAreaWord('E23000013')).toBe('force area'); // Cleveland (abolished 1996)
    expect(forceAreaWord('E99999999')).toBe('force area'); // not a force area Lantern knows
    expect(forceAreaWord('W15000002')).toBe('force area'); // Gwent: Newport's report says so
  });

  it('names only force areas of forces that publish on police.uk, each whose name is a county', () => {
    const codes = new Set(FORCES.map((f) => f.pfaCode));
    for (const code of countyForceAreas()) expect(codes.has(code), code).toBe(true);
    // Every force named "<county> Police / Constabulary" that is not metropolitan is a county.
    const words = FORCES.filter((f) => f.pfaCode !== null).map(
      (f) => `${f.id}: ${forceAreaWord(f.pfaCode!)}`,
    );
    expect(words.filter((w) => w.endsWith(': county'))).toHaveLength(25);
    expect(words).toContain('metropolitan: force area');
    expect(words).toContain('west-midlands: force area');
    expect(words).toContain('kent: county');
  });
});

describe('forceIdFromName(name)', () => {
  it('knows each force by its police.uk name, and by that name written a little otherwise', () => {
    for (const f of FORCES) expect(forceIdFromName(f.name), f.name).toBe(f.id);
    expect(forceIdFromName(' hertfordshire constabulary ')).toBe('hertfordshire');
    expect(forceIdFromName('Devon and Cornwall Police')).toBe('devon-and-cornwall');
    expect(forceIdFromName('Avon & Somerset Constabulary')).toBe('avon-and-somerset');
  });

  it('is null for a name that is no police.uk force', () => {
    for (const name of ['Acme Police', 'Borsetshire Constabulary', 'Herts', 'Reported by', '']) {
      expect(forceIdFromName(name), name).toBeNull();
    }
  });
});
