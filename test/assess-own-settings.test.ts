/**
 * An assessment made with a partnership's own harm weights, reporting rates, discontinuities or
 * tactical options says so in its notes (and a report in its caveats), naming the file; made with Lantern's, it says they are
 * Lantern's (the ONS figures). Before, a file of other harm weights moved the rankings while the
 * notes still called the weights "ONS Crime Severity Score figures".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
const HARM = new URL('../config/harm-weights.yaml', import.meta.url).pathname;
const BREAKS = new URL('../config/discontinuities.yaml', import.meta.url).pathname;

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

const assess = (extra: string[]) =>
  runJson<{ notes: string[] }>([
    'assess',
    '--area',
    'Three Rivers',
    '--period',
    '2025',
    '--no-save',
    '--db',
    db,
    ...extra,
  ]);

describe('settings other than Lantern’s defaults', () => {
  it('are named in the assessment’s notes; the defaults are not', async () => {
    const harm = join(dir.path, 'our-harm.yaml');
    writeFileSync(harm, readFileSync(HARM, 'utf8').replace('weight: 993.55', 'weight: 5'));
    const breaks = join(dir.path, 'our-breaks.yaml');
    writeFileSync(breaks, readFileSync(BREAKS, 'utf8'));
    const own = await assess(['--harm-weights', harm, '--discontinuities', breaks]);
    expect(own.code, own.stderr).toBe(0);
    expect(own.json.notes).toContain(
      "Harm weights from our-harm.yaml, not Lantern's defaults; issues without one take the default harm score.",
    );
    expect(own.json.notes).toContain(
      "Not Lantern's defaults: discontinuities from our-breaks.yaml.",
    );
    expect(own.json.notes.join(' ')).not.toMatch(/ONS Crime Severity Score/u);

    const shipped = await assess(['--harm-weights', HARM]);
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(shipped.json.notes.join(' ')).toMatch(/Harm weights are ONS Crime Severity Score/u);
    expect(shipped.json.notes.join(' ')).not.toMatch(/Lantern's defaults/u);
  });

  it('are named in the report’s caveats', async () => {
    const harm = join(dir.path, 'our-harm.yaml');
    writeFileSync(harm, readFileSync(HARM, 'utf8').replace('weight: 993.55', 'weight: 5'));
    const out = join(dir.path, 'report');
    const r = await run([
      'report',
      '--area',
      'Three Rivers',
      '--period',
      '2025',
      '--out',
      out,
      '--no-pdf',
      '--no-save',
      '--draft',
      '--harm-weights',
      harm,
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'assessment.html'), 'utf8').replace(/&#39;/gu, "'");
    expect(html).toContain(
      "Harm weights are the partnership's own (our-harm.yaml), not Lantern's defaults",
    );
    expect(html).not.toContain('Harm weights are ONS Crime Severity Score');
  });
});
