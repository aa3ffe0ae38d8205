/**
 * The small-number threshold of public outputs: disclosure.yaml may set a threshold from 2 for what
 * partners see, but what the public sees (the public page, briefing packs, the public report)
 * never shows a count from 1 to 4. A threshold under 5 is refused there, naming the file, its line
 * and the key, and nothing is written. (A threshold of 2 used to publish Monmouthshire's 3 and 4
 * on its public page, and the exact total they were held back from.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

/** A disclosure file of this threshold, with a comment first so that its line is not the first. */
function disclosureFile(threshold: number): string {
  const file = join(dir.path, `disclosure-${threshold}.yaml`);
  writeFileSync(file, `# lowered for a test\nthreshold: ${threshold}\npublicPeriod: any\n`);
  return file;
}

describe('a threshold under 5 in what the public sees', () => {
  it('is refused by the public page and by briefing packs, with the file, line and key', async () => {
    for (const threshold of [2, 4]) {
      const file = disclosureFile(threshold);
      const page = join(dir.path, `page-${threshold}`);
      const pp = await run([
        'public-page',
        '--area',
        'Three Rivers',
        '--out',
        page,
        '--disclosure',
        file,
        '--db',
        db,
      ]);
      expect(pp.code, pp.stdout).toBe(2);
      expect(pp.stderr).toContain(`disclosure-${threshold}.yaml:2: threshold: ${threshold}`);
      expect(pp.stderr).toContain('threshold of 5 or more');
      expect(pp.stderr).not.toMatch(/\n\s+at /u);
      expect(existsSync(page)).toBe(false);

      // Prevent referrals in Three Rivers are from 1 to 4 in every quarter of 2025.
      const pack = join(dir.path, `pack-${threshold}`);
      const br = await run([
        'briefing',
        '--theme',
        'prevent',
        '--area',
        'Three Rivers',
        '--period',
        '2025',
        '--format',
        'html',
        '--out',
        pack,
        '--disclosure',
        file,
        '--db',
        db,
      ]);
      expect(br.code, br.stdout).toBe(2);
      expect(br.stderr).toContain(`disclosure-${threshold}.yaml:2: threshold: ${threshold}`);
      expect(br.stderr).toContain('a briefing pack');
      expect(existsSync(pack)).toBe(false);
    }
  });

  it('is not refused at 5 or above', async () => {
    const out = join(dir.path, 'page-6');
    const pp = await run([
      'public-page',
      '--area',
      'Three Rivers',
      '--out',
      out,
      '--disclosure',
      disclosureFile(6),
      '--db',
      db,
    ]);
    expect(pp.code, pp.stderr).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});

describe('a one-month briefing pack (publicPeriod: any)', () => {
  it('says "In November 2025", and compares with November 2024, not "from … to" one month', async () => {
    // QA: "From November 2025, there were 26 …" and "about the same as from November 2024 to
    // November 2024".
    const out = join(dir.path, 'pack-month');
    const br = await run([
      ...['briefing', '--theme', 'hate-crime', '--area', 'Three Rivers', '--period', '2025-11'],
      ...['--format', 'html', '--out', out, '--disclosure', disclosureFile(5), '--db', db],
    ]);
    expect(br.code, br.stderr).toBe(0);
    const text = readFileSync(join(out, 'briefing.html'), 'utf8').replace(/<[^>]*>/gu, '');
    expect(text).toMatch(/In November 2025, there were /u);
    expect(text).not.toMatch(/From November 2025,/u);
    expect(text).not.toMatch(/from November 2024 to November 2024/u);
    expect(text).toMatch(/than in November 2024|as in November 2024/u);
  });
});
