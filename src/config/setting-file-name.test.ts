import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { DEFAULT_RISK_MATRIX_FILE } from './risk-matrix.js';
import { settingFileName } from './setting-file-name.js';

describe('settingFileName', () => {
  const lantern = fileURLToPath(new URL('../../', import.meta.url));

  it("names Lantern's own files from its folder, wherever it was run", () => {
    expect(settingFileName(DEFAULT_RISK_MATRIX_FILE, '/somewhere/else')).toBe(
      'config/risk-matrix.yaml',
    );
    expect(settingFileName(`${lantern}config/police-crime-plan.yaml`, '/tmp')).toBe(
      'config/police-crime-plan.yaml',
    );
  });

  it('names a file under the working folder from there, and any other by its name alone', () => {
    expect(settingFileName('/srv/csp/settings/matrix.yaml', '/srv/csp')).toBe(
      'settings/matrix.yaml',
    );
    expect(settingFileName('settings/matrix.yaml', '/srv/csp')).toBe('settings/matrix.yaml');
    expect(settingFileName('/home/analyst/private/matrix.yaml', '/srv/csp')).toBe('matrix.yaml');
    expect(settingFileName('../elsewhere/matrix.yaml', '/srv/csp')).toBe('matrix.yaml');
  });
});
