/**
 * The partnership's settings files, each loaded and validated once, at the edge (a command, the
 * server), and handed to use cases as plain values: use cases never read a file. Each has an
 * option named for the file it names (`--risk-matrix`, `--tactical-options`, ...), and a default
 * in config/.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadAssessmentInputs, type AssessmentInputs } from './assessment-inputs.js';
import { SETTING_FILES, type SettingName } from './setting-files.js';
import { loadDisclosurePolicy } from './disclosure.js';
import { loadDiscontinuities } from './discontinuities.js';
import { loadHarmWeights } from './harm-weights.js';
import { loadPeerGroupsConfig } from './peer-groups.js';
import { loadPoliceCrimePlan } from './police-crime-plan.js';
import { loadReportSettings } from './report-settings.js';
import { loadReportingRates } from './reporting-rates.js';
import { loadRiskMatrix } from './risk-matrix.js';
import { settingFileName } from './setting-file-name.js';
import { loadTacticalOptions } from './tactical-options.js';

/** A risk matrix as loaded, with the text it was read from (saved with each assessment). */
export type RiskMatrixSetting = Awaited<ReturnType<typeof loadRiskMatrix>> & { text: string };

const LOADERS = {
  riskMatrix: async (path: string): Promise<RiskMatrixSetting> => ({
    ...(await loadRiskMatrix(path)),
    text: await readFile(path, 'utf8'),
  }),
  tacticalOptions: loadTacticalOptions,
  policeCrimePlan: loadPoliceCrimePlan,
  harmWeights: loadHarmWeights,
  reportingRates: loadReportingRates,
  discontinuities: loadDiscontinuities,
  reportSettings: loadReportSettings,
  peerGroups: async (path: string) => ({ path, groups: await loadPeerGroupsConfig(path) }),
  disclosure: loadDisclosurePolicy,
} as const;

export type { SettingName } from './setting-files.js';

/** Every setting, loaded. A use case asks for the ones it needs: `Pick<Settings, ...>`. */
export type Settings = { [K in keyof typeof LOADERS]: Awaited<ReturnType<(typeof LOADERS)[K]>> };

/** Loads the named settings from the files given (the defaults for the others), in parallel. */
export async function loadSettings<const K extends SettingName>(
  files: Partial<Record<SettingName, string | undefined>>,
  names: readonly K[],
): Promise<Pick<Settings, K>> {
  const loaded = await Promise.all(
    names.map(async (name) => {
      const path = files[name] ?? defaultPath(name);
      const load = LOADERS[name] as (path: string) => Promise<unknown>;
      return [name, await load(path)] as const;
    }),
  );
  return Object.fromEntries(loaded) as Pick<Settings, K>;
}

/** The file Lantern reads a setting from when none is given. */
const defaultPath = (name: SettingName) =>
  fileURLToPath(new URL(`../../${SETTING_FILES[name].defaultFile}`, import.meta.url));

/** A setting given as a file other than Lantern's default: its name in words and the file. */
export interface OwnSetting {
  name: SettingName;
  /** "harm weights" */
  label: string;
  /** As outputs name settings files (settingFileName). */
  file: string;
}

/**
 * The settings among `names` given as a file other than Lantern's default, so that what is made
 * with them can say so ("harm weights from settings/harm.yaml, not Lantern's defaults").
 */
export function ownSettings(
  files: Partial<Record<SettingName, string | undefined>>,
  names: readonly SettingName[],
): OwnSetting[] {
  return names.flatMap((name) => {
    const file = files[name];
    if (file === undefined || resolve(file) === resolve(defaultPath(name))) return [];
    const label = name.replace(/[A-Z]/gu, (c) => ` ${c.toLowerCase()}`);
    return [{ name, label, file: settingFileName(file) }];
  });
}

/** An inputs file of manual scores, as loaded, with its text (saved with each assessment). */
export type AssessmentInputsSetting = AssessmentInputs & { text: string };

/** Loads an inputs file, checking its scores against the risk matrix's scale. */
export async function loadAssessmentInputsSetting(
  path: string,
  matrix: RiskMatrixSetting,
): Promise<AssessmentInputsSetting> {
  return {
    ...(await loadAssessmentInputs(path, matrix.config.scale)),
    text: await readFile(path, 'utf8'),
  };
}
