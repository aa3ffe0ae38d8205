/**
 * `lantern forecast`: the next months of a category in an area from every month held (gaps are
 * listed, not filled), with prediction intervals that include the counts' own variability and the
 * uncertainty of the fit, and a backtest (interval coverage, MASE against seasonal naive); or,
 * when too few months are held, the reason and the months that are.
 */
import { forecast, type ForecastResult } from '../analysis/forecast.js';
import { measureHistory } from '../domain/area-counts.js';
import { policeMeasure } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { streetAreaCounts } from './street-area-counts.js';

export type AreaForecast = ForecastResult & {
  area: { code: string; name: string; type: string };
  category: string;
  label: string;
  notes: string[];
};

export async function forecastArea(
  db: Db,
  scope: Scope,
  request: { area: string; category: string; months: number },
): Promise<AreaForecast> {
  const category = parseCategoryChoice(request.category);
  if (!Number.isInteger(request.months) || request.months < 3 || request.months > 6) {
    throw new InputError(`⟨months⟩: ${request.months} is not 3 to 6`);
  }
  const area = await findArea(db, request.area);
  const measure = policeMeasure(category);
  const [input] = await streetAreaCounts(db, scope, [area]);
  if (input!.observed.length === 0)
    throw new NotFoundError(`the store holds no street data for ${area.name}`);
  const history = measureHistory(input!, measure);
  const result = forecast(history, request.months);
  return {
    ...result,
    area: { code: area.code, name: area.name, type: area.type },
    category,
    label: measure.label,
    notes: [
      `Model: quasi-Poisson regression (log link) with a linear trend${result.ok && result.season === 'none' ? ' and no month-of-year effects (these counts do not support them)' : ' and month-of-year effects where the counts support them'}, fitted on every month held; months not held are left out, never counted as zero.`,
      'Prediction intervals include how much the counts vary beyond Poisson chance (the dispersion) and the uncertainty of the fitted model.',
      'Backtest: the last months held forecast from the months before them; MASE below 1 beats the seasonal-naive forecast (the same month of the latest earlier year held).',
    ],
  };
}
