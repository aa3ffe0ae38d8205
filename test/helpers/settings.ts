/** The bundled settings files, loaded as a command loads them at the edge. */
import { loadSettings, type Settings } from '../../src/config/settings.js';

const ALL = [
  'riskMatrix',
  'tacticalOptions',
  'policeCrimePlan',
  'harmWeights',
  'reportingRates',
  'discontinuities',
  'reportSettings',
  'peerGroups',
] as const;

/** Every setting at its bundled default, or from the files given. */
export function settingsFrom(
  files: Partial<Record<keyof Settings, string>> = {},
): Promise<Settings> {
  return loadSettings(files, ALL);
}
