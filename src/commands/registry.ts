/**
 * Every command Lantern has, in the order `lantern help` lists them within a task. The adapters
 * (the CLI now, the HTTP API next) and the generated docs/commands.md all read this list.
 * Each module holds only its definition; the use cases it runs are loaded when it runs. The CLI
 * does not import this list: it reads the commands' facts from manifest.ts (made from it by
 * `npm run docs`) and imports only the one command it runs.
 */
import { areasCommand } from './areas.js';
import { areasCheckCommand } from './areas-check.js';
import { areasGroupsCommand } from './areas-groups.js';
import { areasImportBoundariesCommand } from './areas-import-boundaries.js';
import { areasImportPopulationCommand } from './areas-import-population.js';
import { assessCommand, assessListCommand } from './assess.js';
import { auditCommand } from './audit.js';
import { briefingCommand } from './briefing.js';
import { publicPageCommand } from './public-page.js';
import { camerasCommand } from './cameras.js';
import { categoriesCommand } from './categories.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { datasetsCommand } from './datasets.js';
import type { AnyCommand } from './definition.js';
import { findByWords } from './info.js';
import { demoCommand, startCommand } from './demo.js';
import { deprivationCommand } from './deprivation.js';
import { exceptionsCommand } from './exceptions.js';
import { fetchArchiveCommand, fetchCommand } from './fetch.js';
import { fetchBoundariesCommand } from './fetch-boundaries.js';
import { forecastCommand } from './forecast.js';
import { hiddenFigureCommand } from './hidden-figure.js';
import { hotspotsCommand } from './hotspots.js';
import { importCommand } from './import.js';
import { importsListCommand, importsRemoveCommand } from './imports.js';
import { minutesExtractCommand } from './minutes-extract.js';
import { minutesImportCommand } from './minutes-import.js';
import { nearRepeatCommand } from './near-repeat.js';
import { outcomesCommand } from './outcomes.js';
import { overviewCommand } from './overview.js';
import {
  planCarryOverCommand,
  planCreateCommand,
  planGroupCommand,
  planOverdueCommand,
  planReportCommand,
  planReviewCommand,
  planShowCommand,
} from './plan.js';
import {
  planActionAddCommand,
  planActionShowCommand,
  planActionUpdateCommand,
} from './plan-action.js';
import { repeatLocationsCommand } from './repeat-locations.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import {
  servicesAddCommand,
  servicesExportCommand,
  servicesImportCommand,
  servicesListCommand,
  servicesRemoveCommand,
} from './services.js';
import { stopSearchCommand } from './stop-search.js';
import { summaryCommand } from './summary.js';
import { tokensCreateCommand, tokensListCommand, tokensRevokeCommand } from './tokens.js';
import { trendsCommand } from './trends.js';
import {
  usersAddCommand,
  usersAddOrgCommand,
  usersDisableCommand,
  usersEnableCommand,
  usersGrantCommand,
  usersListCommand,
  usersResetPasswordCommand,
  usersRevokeCommand,
  usersSetPasswordCommand,
  usersUnlockCommand,
} from './users.js';

export const COMMANDS: readonly AnyCommand[] = [
  // Get data in
  importCommand,
  importsListCommand,
  importsRemoveCommand,
  fetchCommand,
  fetchArchiveCommand,
  fetchBoundariesCommand,
  datasetsCommand,
  areasImportPopulationCommand,
  areasImportBoundariesCommand,
  demoCommand,
  startCommand,
  // Look at an area
  summaryCommand,
  serveCommand,
  overviewCommand,
  areasCommand,
  categoriesCommand,
  outcomesCommand,
  deprivationCommand,
  stopSearchCommand,
  hiddenFigureCommand,
  // Compare and explain
  trendsCommand,
  compareCommand,
  areasGroupsCommand,
  exceptionsCommand,
  forecastCommand,
  // Places and patterns
  hotspotsCommand,
  repeatLocationsCommand,
  nearRepeatCommand,
  camerasCommand,
  // Priorities and reports
  assessCommand,
  assessListCommand,
  reportCommand,
  minutesExtractCommand,
  minutesImportCommand,
  briefingCommand,
  publicPageCommand,
  servicesListCommand,
  servicesImportCommand,
  servicesAddCommand,
  servicesRemoveCommand,
  servicesExportCommand,
  planCreateCommand,
  planShowCommand,
  planActionAddCommand,
  planActionUpdateCommand,
  planActionShowCommand,
  planOverdueCommand,
  planCarryOverCommand,
  planGroupCommand,
  planReportCommand,
  planReviewCommand,
  // Look after the store
  checkCommand,
  areasCheckCommand,
  // Manage access
  usersAddCommand,
  usersAddOrgCommand,
  usersListCommand,
  usersGrantCommand,
  usersRevokeCommand,
  usersResetPasswordCommand,
  usersSetPasswordCommand,
  usersUnlockCommand,
  usersDisableCommand,
  usersEnableCommand,
  tokensCreateCommand,
  tokensListCommand,
  tokensRevokeCommand,
  auditCommand,
];

/** The command named by the leading words of `words` (the longest name that matches), if any. */
export function findCommand(
  words: readonly string[],
): { command: AnyCommand; used: number } | null {
  return findByWords(COMMANDS, words);
}
