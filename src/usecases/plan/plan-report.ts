/**
 * `lantern plan report`: the plan written as HTML, XLSX, CSV (its actions) or ICS (its due
 * dates), all or only its public actions. The file is written whole or not at all (written
 * beside it, then renamed).
 */
import { publicActions, type PlanView } from '../../domain/plan/plan-view.js';
import type { Scope } from '../../domain/scope.js';
import { planHtml } from '../../report/plan-html.js';
import { planIcs } from '../../report/plan-ics.js';
import { planTables } from '../../report/plan-tables.js';
import { refuseOutputPath, writeOutputFile } from '../output-file.js';
import type { Db } from '../../store/db.js';
import { csvFile, xlsxFile } from '../table-files.js';
import type { PlanChoice } from './find-plan.js';
import { planView } from './plan-view.js';

export const PLAN_REPORT_FORMATS = ['html', 'xlsx', 'csv', 'ics'] as const;
export type PlanReportFormat = (typeof PLAN_REPORT_FORMATS)[number];

export interface PlanReport {
  out: string;
  format: PlanReportFormat;
  plan: string;
  actions: number;
  bytes: number;
}

export async function planFile(
  view: PlanView,
  format: PlanReportFormat,
  onlyPublic: boolean,
  now: Date,
): Promise<Uint8Array> {
  const actions = onlyPublic ? publicActions(view.actions) : view.actions;
  const tables = planTables(view, actions);
  switch (format) {
    case 'html':
      return new TextEncoder().encode(planHtml(view, actions));
    case 'ics':
      return new TextEncoder().encode(planIcs(view, actions, now));
    case 'csv':
      return csvFile(tables[0]!);
    case 'xlsx':
      return xlsxFile(tables, { by: 'Lantern', at: now });
  }
}

export async function writePlanReport(
  db: Db,
  scope: Scope,
  input: PlanChoice & { format: PlanReportFormat; out: string; onlyPublic: boolean },
  now: Date,
): Promise<PlanReport> {
  refuseOutputPath(input.out, 'out', db.path, 'file');
  const view = await planView(db, scope, input, now);
  const bytes = await planFile(view, input.format, input.onlyPublic, now);
  await writeOutputFile(input.out, bytes, 'out', db.path);
  return {
    out: input.out,
    format: input.format,
    plan: `${view.plan.partnership} ${view.plan.year}`,
    actions: (input.onlyPublic ? publicActions(view.actions) : view.actions).length,
    bytes: bytes.length,
  };
}
