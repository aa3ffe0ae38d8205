/**
 * Every schema change, in order. A store records the versions applied to it and, on open,
 * applies the ones it lacks, each in its own transaction. Never edit a released migration:
 * add a new one.
 */
import { FORCES } from '../../domain/forces.js';
import { quoteLiteral } from '../db.js';
import { coreSchema } from './001-core-schema.js';
import { areaRegisterSql } from './002-area-register.js';
import { deprivationSql } from './004-deprivation.js';
import { boundariesSql } from './005-boundaries.js';
import { partnerDataSchema } from './006-partner-data.js';
import { partnerPeriodCountsSchema } from './007-partner-period-counts.js';
import { assessmentsSchema } from './008-assessments.js';
import { partnerRejectedValuesSql } from './009-partner-rejected-values.js';
import { storeSettingsSchema } from './010-store-settings.js';
import { census2021Sql } from './011-census-2021.js';
import { ethnicGroupPopulationsSql } from './012-ethnic-group-populations.js';
import { accessSchema } from './013-access.js';
import { removedImportsSchema } from './025-removed-imports.js';
import { stopSearchDistrictsSql } from './014-stop-search-districts.js';
import { actionPlanSchema } from './015-action-plan.js';
import { externalIdentitiesSchema } from './016-external-identities.js';
import { supportServicesSchema } from './018-support-services.js';
import { streetCountsSql } from './019-street-counts.js';
import { serviceNationsSql } from './020-service-nations.js';
import { areaAliasSql } from './021-welsh-names.js';
import { boundaryFileCodeSql } from './022-boundary-file-code.js';
import { partnerCountsNotGivenSql } from './023-partner-counts-not-given.js';
import { boundaryCodeIndexSql } from './024-boundary-code-index.js';

export interface Migration {
  version: number;
  name: string;
  sql: () => string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core schema', sql: () => coreSchema },
  {
    version: 2,
    name: 'area register (ONS 2019 lookups, Census 2011 populations)',
    sql: areaRegisterSql,
  },
  {
    version: 3,
    name: 'police.uk forces',
    sql: () =>
      'INSERT INTO police_force VALUES ' +
      FORCES.map(
        (f) =>
          `(${quoteLiteral(f.id)}, ${quoteLiteral(f.name)}, ${f.pfaCode ? quoteLiteral(f.pfaCode) : 'NULL'})`,
      ).join(', '),
  },
  { version: 4, name: 'deprivation (IMD 2019 ranks and deciles by LSOA)', sql: deprivationSql },
  { version: 5, name: 'boundaries (Hertfordshire LSOA 2011 bundled)', sql: boundariesSql },
  { version: 6, name: 'partner datasets', sql: () => partnerDataSchema },
  {
    version: 7,
    name: 'partner counts over whole periods (DEFRA annual tables)',
    sql: () => partnerPeriodCountsSchema,
  },
  { version: 8, name: 'saved risk-matrix assessments', sql: () => assessmentsSchema },
  {
    version: 9,
    name: "rejected partner rows keep no values (the rule broken only; a replaced file's go)",
    sql: () => partnerRejectedValuesSql,
  },
  { version: 10, name: 'store settings (hash key fingerprint)', sql: () => storeSettingsSchema },
  { version: 11, name: 'district populations from the 2021 Census', sql: census2021Sql },
  {
    version: 12,
    name: 'district populations by ethnic group (Census 2011)',
    sql: ethnicGroupPopulationsSql,
  },
  {
    version: 13,
    name: 'access control (users, grants, sessions, tokens, audit log)',
    sql: () => accessSchema,
  },
  {
    version: 14,
    name: 'stop and search placed in districts (by point; earlier searches placed on next open)',
    sql: () => stopSearchDistrictsSql,
  },
  {
    version: 15,
    name: 'the partnership action plan (plans, priorities, actions, updates, meetings, history)',
    sql: () => actionPlanSchema,
  },
  {
    version: 16,
    name: 'single sign-on identities linked to users',
    sql: () => externalIdentitiesSchema,
  },
  {
    version: 18,
    name: 'support-services directory',
    sql: () => supportServicesSchema,
  },
  {
    version: 19,
    name: 'street records counted by district, category and month (kept by the import)',
    sql: () => streetCountsSql,
  },
  {
    version: 20,
    name: 'support services may cover one nation (England, Wales …)',
    sql: () => serviceNationsSql,
  },
  {
    version: 21,
    name: 'other names of areas (the Welsh names of the principal areas of Wales)',
    sql: areaAliasSql,
  },
  {
    version: 22,
    name: 'boundaries matched by name keep the code their file gave (their shape may be of another year)',
    sql: () => boundaryFileCodeSql,
  },
  {
    version: 23,
    name: 'partner counts a file does not give are unknown, not zero',
    sql: () => partnerCountsNotGivenSql,
  },
  {
    version: 24,
    name: "boundaries indexed by area code (one area's shape read without reading them all)",
    sql: () => boundaryCodeIndexSql,
  },
  {
    version: 25,
    name: 'imports removed: what each held, who removed it and when (their ids never reused)',
    sql: () => removedImportsSchema,
  },
];
