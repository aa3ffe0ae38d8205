/**
 * The report's Chromium starts with the command (so it starts while the report is read and laid
 * out) and is closed in every case: after a report with its PDF, and after a report that fails
 * once Chromium is already starting. No browser is left running after the command.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NotFoundError } from '../../src/errors.js';
import { FULL_SCOPE } from '../../src/domain/scope.js';
import type { Db } from '../../src/store/db.js';
import { openStore } from '../../src/store/open-store.js';
import { buildReport } from '../../src/usecases/build-report.js';
import { demoStoreCopy } from '../helpers/demo-store.js';
import { settingsFrom } from '../helpers/settings.js';
import { tempDir } from '../helpers/temp.js';

const chromium = existsSync('/usr/bin/chromium');
const SETTINGS = await settingsFrom();
const dir = tempDir();
let db: Db;
beforeAll(async () => {
  db = await openStore(demoStoreCopy(dir.path));
});
afterAll(() => {
  db.close();
  dir.remove();
});

/** The processes this one started (Chromium's main process is a child of this process). */
function children(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/u.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and brackets, so read from the last ')'.
      const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid)
        found.push(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {
      // gone while being read
    }
  }
  return found;
}

const request = {
  period: { from: '2025-01', to: '2025-12' },
  settings: SETTINGS,
  draft: true,
  save: false,
  replace: true,
};

describe.skipIf(!chromium)('the report’s Chromium', () => {
  it('is closed after a report with its PDF', async () => {
    const built = await buildReport(db, FULL_SCOPE, {
      ...request,
      area: 'Three Rivers',
      out: join(dir.path, 'report'),
    });
    expect(built.pdf).toEqual({ written: true, reason: null });
    expect(
      readFileSync(join(dir.path, 'report', 'assessment.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(children()).toEqual([]);
  });

  it('is closed when the report fails after Chromium has started, and nothing is written', async () => {
    const out = join(dir.path, 'failed');
    await expect(
      buildReport(db, FULL_SCOPE, { ...request, area: 'Nowhere At All', out }),
    ).rejects.toThrow(NotFoundError);
    expect(children()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
