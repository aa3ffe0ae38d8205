import { describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { ALL_CRIME, CATEGORY_NAMES, categoryLabel, inCategory } from './categories.js';
import { parseCategoryChoice } from './category-choice.js';

describe('parseCategoryChoice(value)', () => {
  it.each([...Object.keys(CATEGORY_NAMES), ALL_CRIME])('accepts %s', (slug) => {
    expect(parseCategoryChoice(slug)).toBe(slug);
  });
  it('refuses anything else, naming the option', () => {
    expect(() => parseCategoryChoice('fraud')).toThrow(InputError);
    expect(() => parseCategoryChoice('Burgalry')).toThrow(
      /⟨category⟩: "Burgalry" is not a police.uk category \(did you mean "burglary"\?\)/,
    );
  });
  it('accepts the names outputs print, in any case', () => {
    expect(parseCategoryChoice('Burglary')).toBe('burglary');
    expect(parseCategoryChoice('violence and sexual offences')).toBe('violent-crime');
    expect(parseCategoryChoice('All crime')).toBe(ALL_CRIME);
  });
  it('accepts the short labels wide tables print (ASB, V&SO), and a code with spaces', () => {
    // QA: "ASB", the heading of `summary`'s column, was refused with no suggestion.
    expect(parseCategoryChoice('ASB')).toBe('anti-social-behaviour');
    expect(parseCategoryChoice('crime')).toBe(ALL_CRIME);
    expect(parseCategoryChoice('asb')).toBe('anti-social-behaviour');
    expect(parseCategoryChoice('V&SO')).toBe('violent-crime');
    expect(parseCategoryChoice('anti social behaviour')).toBe('anti-social-behaviour');
    expect(parseCategoryChoice('theft from the person')).toBe('theft-from-the-person');
    expect(() => parseCategoryChoice('ASBO')).toThrow(/did you mean "ASB"\?/u);
  });
});

describe('inCategory(choice, slug) and categoryLabel(choice)', () => {
  it('counts every crime but ASB in all crime', () => {
    expect(inCategory(ALL_CRIME, 'burglary')).toBe(true);
    expect(inCategory(ALL_CRIME, 'anti-social-behaviour')).toBe(false);
    expect(inCategory('burglary', 'robbery')).toBe(false);
    expect(categoryLabel(ALL_CRIME)).toBe('All crime (excluding ASB)');
    expect(categoryLabel('violent-crime')).toBe('Violence and sexual offences');
  });
});
