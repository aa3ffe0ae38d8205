/** Reading a category from user input: a police.uk slug or "all-crime". */
import { InputError } from '../errors.js';
import { ALL_CRIME, isCategoryChoice, type CategoryChoice } from './categories.js';

export function parseCategoryChoice(value: string, what = '--category'): CategoryChoice {
  if (!isCategoryChoice(value)) {
    throw new InputError(
      `${what}: "${value}" is not a police.uk category (e.g. burglary, violent-crime, anti-social-behaviour) or ${ALL_CRIME}`,
    );
  }
  return value;
}
