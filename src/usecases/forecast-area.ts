/**
 * `lantern forecast`: the next months of a category in an area from its latest unbroken run of
 * observed months, with prediction intervals and a backtest against seasonal naive; or, when the
 * run is too short, the reason.
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
    throw new InputError(`--months: ${request.months} is not 3 to 6`);
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
      'Model: Poisson regression with linear trend and month-of-year effects on the latest unbroken run of observed months.',
      'Prediction intervals are Poisson quantiles of the forecast: they leave out parameter uncertainty and overdispersion, so they are too narrow rather than too wide.',
      'Backtest: the run’s last months forecast from the months before them; MASE below 1 beats the seasonal-naive forecast (same month last year).',
    ],
  };
}
