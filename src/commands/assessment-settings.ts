/**
 * The settings `assess` and `report` share: their options (named for the files they name) and
 * loading them, once, at the edge.
 */
import { ASSESSMENT_SETTINGS } from '../config/setting-files.js';
import type { Settings } from '../config/settings.js';
import { option, settingOptions } from './options.js';

export const assessmentSettingOptions = {
  inputs: option.file('manual scores with their reasons (see config/examples/)'),
  ...settingOptions(...ASSESSMENT_SETTINGS),
};

type Files = { inputs?: string | undefined } & Partial<
  Record<(typeof ASSESSMENT_SETTINGS)[number], string | undefined>
>;

/** The assessment's settings and its inputs file (checked against the risk matrix's scale). */
export async function loadAssessmentSettings<const K extends keyof Settings = never>(
  files: Files & Partial<Record<K, string | undefined>>,
  more: readonly K[] = [],
) {
  const { loadSettings, loadAssessmentInputsSetting } = await import('../config/settings.js');
  const settings = await loadSettings(files, [...ASSESSMENT_SETTINGS, ...more]);
  const inputs = files.inputs
    ? await loadAssessmentInputsSetting(files.inputs, settings.riskMatrix)
    : null;
  return { settings, inputs };
}
