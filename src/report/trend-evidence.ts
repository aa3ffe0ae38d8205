/**
 * The months a trend chart shows, with the 99.8% range each month's own history expects (the
 * exceptions model, fitted leaving each month out): from the comparison period (so the change a
 * text reports can be seen) or the last 36 months, whichever starts earlier, to the period's end;
 * leading months with no data dropped. With too few months held to fit the model, the months are
 * drawn without a range, and the chart's notes say why. The report's priority charts and the dashboard's trends
 * view both draw this, so a chart on screen and in the PDF cannot differ.
 */
import type { ExceptionsReport } from '../analysis/exception-report.js';
import type { ForecastMonth } from '../analysis/forecast.js';
import type { TrendForecastMonth } from '../charts/index.js';
import { monthFromIndex, monthIndex, type Period } from '../domain/month.js';
import type { PriorityEvidence } from './report-data.js';

/** How many months of history a trend chart shows at least, ending with the period. */
export const TREND_MONTHS = 36;

export function trendEvidence(
  report: Pick<ExceptionsReport, 'months' | 'method' | 'exceptions'> &
    Partial<Pick<ExceptionsReport, 'notTested'>>,
  period: Period,
  comparison: Period | null,
): PriorityEvidence['trend'] {
  const recent = monthFromIndex(monthIndex(period.to) - (TREND_MONTHS - 1));
  const from = comparison && comparison.from < recent ? comparison.from : recent;
  const inWindow = report.months.filter((m) => m.month >= from && m.month <= period.to);
  const first = inWindow.findIndex((m) => m.observed !== null);
  const months = first < 0 ? [] : inWindow.slice(first);
  if (months.length === 0) return null;
  return {
    method: report.method,
    // Too few months to fit the model: the months are drawn without a range, and the chart says why.
    notes:
      report.method === null && report.notTested
        ? [`No expected range is drawn: ${lowerFirst(report.notTested)}`]
        : [],
    exceptions: report.exceptions.filter((m) => m >= from && m <= period.to),
    months: months.map((m) => ({
      month: m.month,
      count: m.observed,
      expectedLow: m.lower998,
      expectedHigh: m.upper998,
    })),
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A forecast's months as the trend chart draws them after the last month held. */
export function forecastBand(months: readonly ForecastMonth[]): TrendForecastMonth[] {
  return months.map((m) => ({
    month: m.month,
    expected: m.expected,
    low80: m.pi80[0],
    high80: m.pi80[1],
    low95: m.pi95[0],
    high95: m.pi95[1],
  }));
}
