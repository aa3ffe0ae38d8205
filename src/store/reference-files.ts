/** Where the reference data bundled with Lantern lives: data/ at the package root. */
import { fileURLToPath } from 'node:url';

const DATA_DIR = new URL('../../data/', import.meta.url);

/** The absolute path of a bundled data file, e.g. `lookups/135.csv.gz`. */
export function referenceFile(relative: string): string {
  return fileURLToPath(new URL(relative, DATA_DIR));
}
