/** The bundled settings files, loaded as a command loads them at the edge. */
import { SETTING_NAMES } from '../../src/config/setting-files.js';
import { loadSettings, type Settings } from '../../src/config/settings.js';

/** Every setting at its bundled default, or from the files given. */
export function settingsFrom(
  files: Partial<Record<keyof Settings, string>> = {},
): Promise<Settings> {
  return loadSettings(files, SETTING_NAMES);
}
