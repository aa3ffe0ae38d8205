import { describe, expect, it } from 'vitest';

import {
  CATEGORY_NAMES,
  CURRENT_CATEGORIES,
  categoryFromName,
  isCrime,
  type Category,
} from './categories.js';

describe('categoryFromName(name)', () => {
  it.each(Object.entries(CATEGORY_NAMES))('maps %s back from "%s"', (slug, name) => {
    expect(categoryFromName(name)).toBe(slug);
    expect(categoryFromName(`  ${name.toUpperCase()} `)).toBe(slug);
  });
  it('returns undefined for a name police.uk does not use', () => {
    expect(categoryFromName('Fraud')).toBeUndefined();
  });
});

describe('categories', () => {
  it('has the 14 current police.uk categories, each named once', () => {
    expect(new Set(CURRENT_CATEGORIES).size).toBe(14);
  });
  it('counts every category but ASB as crime', () => {
    const crimes = (Object.keys(CATEGORY_NAMES) as Category[]).filter(isCrime);
    expect(crimes).not.toContain('anti-social-behaviour');
    expect(crimes).toHaveLength(Object.keys(CATEGORY_NAMES).length - 1);
  });
});
