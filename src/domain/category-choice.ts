/**
 * Reading a category from user input: a police.uk slug ("violent-crime", or with spaces for its
 * hyphens), its name as outputs print it ("Violence and sexual offences"), its short label as wide
 * tables head it ("ASB", "V&SO": `summary` prints them with their key), any of them in any case,
 * or "all-crime" ("all crime", "all"). A slip gets a "did you mean".
 */
import { InputError } from '../errors.js';
import {
  ALL_CRIME,
  CATEGORY_NAMES,
  CATEGORY_SHORT,
  categoryFromName,
  isCategoryChoice,
  type CategoryChoice,
} from './categories.js';
import { didYouMean } from './suggest.js';

// "crime" as summary's column heads it: every category but ASB.
const ALL_CRIME_WORDS = new Set(['all-crime', 'all crime', 'all', 'all crimes', 'crime']);

/** The category a person means, or null when the text names none. */
export function categoryChoiceFrom(value: string): CategoryChoice | null {
  const text = value.trim().toLowerCase().replace(/\s+/gu, ' ');
  if (ALL_CRIME_WORDS.has(text)) return ALL_CRIME;
  if (isCategoryChoice(text)) return text;
  const hyphened = text.replaceAll(' ', '-');
  if (isCategoryChoice(hyphened)) return hyphened;
  return categoryFromName(text) ?? SHORT_LABELS.get(text) ?? null;
}

/** Each category's short label ("asb", "v&so"), lower case. */
const SHORT_LABELS = new Map(
  Object.entries(CATEGORY_SHORT).map(([slug, label]) => [
    label.toLowerCase(),
    slug as CategoryChoice,
  ]),
);

export function parseCategoryChoice(value: string, what = '⟨category⟩'): CategoryChoice {
  const choice = categoryChoiceFrom(value);
  if (choice !== null) return choice;
  const known = [
    ...Object.keys(CATEGORY_NAMES),
    ...Object.values(CATEGORY_NAMES),
    ...Object.values(CATEGORY_SHORT),
    ALL_CRIME,
  ];
  throw new InputError(
    `${what}: "${value}" is not a police.uk category${didYouMean(value, known)}; ` +
      "give its code or its name (e.g. burglary, violent-crime, 'Violence and sexual offences') " +
      `or ${ALL_CRIME}; 'lantern categories' lists them`,
  );
}
