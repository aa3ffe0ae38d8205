/**
 * The police.uk crime categories, named by their API slugs, with the names the CSV files use.
 * Source: data.police.uk `crime-categories`; see shared reference domain-notes §1.2.
 * ASB is not a crime: "all crime" totals exclude it, and every output says so.
 */

import type { Measure } from './area-counts.js';

export const CATEGORY_NAMES = {
  'anti-social-behaviour': 'Anti-social behaviour',
  'bicycle-theft': 'Bicycle theft',
  burglary: 'Burglary',
  'criminal-damage-arson': 'Criminal damage and arson',
  drugs: 'Drugs',
  'other-crime': 'Other crime',
  'other-theft': 'Other theft',
  'possession-of-weapons': 'Possession of weapons',
  'public-order': 'Public order',
  robbery: 'Robbery',
  shoplifting: 'Shoplifting',
  'theft-from-the-person': 'Theft from the person',
  'vehicle-crime': 'Vehicle crime',
  'violent-crime': 'Violence and sexual offences',
  // Legacy category, split into public-order and possession-of-weapons (believed 2013, unverified).
  'public-disorder-weapons': 'Public disorder and weapons',
} as const;

export type Category = keyof typeof CATEGORY_NAMES;

export const ASB: Category = 'anti-social-behaviour';

/** All categories in display order: ASB last, legacy excluded unless present in data. */
export const CURRENT_CATEGORIES: readonly Category[] = [
  'violent-crime',
  'anti-social-behaviour',
  'criminal-damage-arson',
  'other-theft',
  'shoplifting',
  'vehicle-crime',
  'public-order',
  'drugs',
  'burglary',
  'other-crime',
  'theft-from-the-person',
  'robbery',
  'possession-of-weapons',
  'bicycle-theft',
];

const SLUG_BY_NAME: ReadonlyMap<string, Category> = new Map(
  Object.entries(CATEGORY_NAMES).map(([slug, name]) => [name.toLowerCase(), slug as Category]),
);

/** Maps a CSV "Crime type" (case-insensitive) to its slug, or undefined when unknown. */
export function categoryFromName(name: string): Category | undefined {
  return SLUG_BY_NAME.get(name.trim().toLowerCase());
}

export function isCategory(value: string): value is Category {
  return Object.hasOwn(CATEGORY_NAMES, value);
}

/** True for every category except ASB: the ones counted in "all crime". */
export function isCrime(category: Category): boolean {
  return category !== ASB;
}

/** Short column labels for wide tables. */
export const CATEGORY_SHORT: Readonly<Record<Category, string>> = {
  'anti-social-behaviour': 'ASB',
  'bicycle-theft': 'Bike',
  burglary: 'Burg',
  'criminal-damage-arson': 'CD&A',
  drugs: 'Drugs',
  'other-crime': 'OthCr',
  'other-theft': 'OthTh',
  'possession-of-weapons': 'Weap',
  'public-order': 'PubOr',
  robbery: 'Robb',
  shoplifting: 'Shop',
  'theft-from-the-person': 'TftP',
  'vehicle-crime': 'Veh',
  'violent-crime': 'V&SO',
  'public-disorder-weapons': 'PDW',
};

/** The aggregate of every category but ASB, as outputs name it. */
export const ALL_CRIME = 'all-crime';

/** A category slug or "all-crime", as a user may ask for. */
export type CategoryChoice = Category | typeof ALL_CRIME;

export function isCategoryChoice(value: string): value is CategoryChoice {
  return value === ALL_CRIME || isCategory(value);
}

/** Whether a record of category `slug` counts towards `choice`. */
export function inCategory(choice: CategoryChoice, slug: string): boolean {
  return choice === ALL_CRIME ? slug !== ASB : slug === choice;
}

/** A label for outputs: the police.uk name, or "All crime (excluding ASB)". */
export function categoryLabel(choice: CategoryChoice): string {
  return choice === ALL_CRIME ? 'All crime (excluding ASB)' : CATEGORY_NAMES[choice];
}

const ASB_CAVEAT =
  'ASB is under-reported: recorded incidents are a fraction of what residents experience.';

/** A police.uk category (or all crime) as a measure of the trends engine. */
export function policeMeasure(choice: CategoryChoice): Measure {
  return {
    key: choice,
    label: categoryLabel(choice),
    includes: (slug) => inCategory(choice, slug),
    caveats: choice === ASB ? [ASB_CAVEAT] : [],
  };
}
