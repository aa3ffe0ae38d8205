/**
 * Reading a category from user input: a police.uk slug ("violent-crime"), its name as outputs
 * print it ("Violence and sexual offences"), either in any case, or "all-crime" ("all crime",
 * "all"). A slip gets a "did you mean".
 */
import { InputError } from '../errors.js';
import {
  ALL_CRIME,
  CATEGORY_NAMES,
  categoryFromName,
  isCategoryChoice,
  type CategoryChoice,
} from './categories.js';
import { didYouMean } from './suggest.js';

const ALL_CRIME_WORDS = new Set(['all-crime', 'all crime', 'all', 'all crimes']);

/** The category a person means, or null when the text names none. */
export function categoryChoiceFrom(value: string): CategoryChoice | null {
  const text = value.trim().toLowerCase().replace(/\s+/gu, ' ');
  if (ALL_CRIME_WORDS.has(text)) return ALL_CRIME;
  if (isCategoryChoice(text)) return text;
  return categoryFromName(text) ?? null;
}

export function parseCategoryChoice(value: string, what = '⟨category⟩'): CategoryChoice {
  const choice = categoryChoiceFrom(value);
  if (choice !== null) return choice;
  const known = [...Object.keys(CATEGORY_NAMES), ...Object.values(CATEGORY_NAMES), ALL_CRIME];
  throw new InputError(
    `${what}: "${value}" is not a police.uk category${didYouMean(value, known)}; ` +
      "give its code or its name (e.g. burglary, violent-crime, 'Violence and sexual offences') " +
      `or ${ALL_CRIME}; 'lantern categories' lists them`,
  );
}
