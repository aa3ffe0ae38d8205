/**
 * `lantern imports remove --yes --erase` killed (SIGKILL, no chance to clean up) leaves the store
 * as it was, or with the import removed whole and audited, never between; and an erasure that was
 * asked for and cut short is finished by the next command to open the store, so the removed values
 * do not stay readable in the file. Where the kill lands depends on how busy the machine is; what
 * is asserted does not.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { checkStore } from '../src/store/integrity.js';
import { openStore } from '../src/store/open-store.js';
import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { queryStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const dir = tempDir();
afterAll(() => dir.remove());

const NAME = 'Zebedee Quixworthington';

function inFile(db: string): boolean {
  return [db, `${db}.wal`].some((f) => existsSync(f) && readFileSync(f).includes(NAME));
}

/** Starts the removal and kills it when `when` says (polled every 2 ms), or after 60 s. */
async function removeAndKill(db: string, when: (startedMs: number) => boolean): Promise<boolean> {
  const child = spawn(
    process.execPath,
    [BIN, 'imports', 'remove', '--db', db, '--id', 'partner-7', '--yes', '--erase'],
    { stdio: 'ignore' },
  );
  let exited = false;
  const done = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const started = Date.now();
  while (!exited && !when(Date.now() - started) && Date.now() - started < 60_000)
    await new Promise((r) => setTimeout(r, 2));
  const killed = !exited;
  child.kill('SIGKILL');
  await done;
  return killed;
}

async function state(db: string) {
  const [row] = await queryStore<Record<string, string>>(
    db,
    `SELECT (SELECT count(*) FROM partner_batch WHERE id = 7) AS batch,
       (SELECT count(*) FROM partner_record WHERE batch_id = 7) AS records,
       (SELECT count(*) FROM partner_coverage WHERE batch_id = 7) AS coverage,
       (SELECT count(*) FROM removed_import) AS removals,
       (SELECT count(*) FROM audit_log WHERE action = 'import remove') AS audited,
       (SELECT count(*) FROM store_pending_task WHERE task = 'rewrite-file') AS pending`,
  );
  return row!;
}

describe('imports remove --erase killed', () => {
  it.each([
    ['as it starts', (ms: number) => ms > 300],
    ['while the file is rewritten', () => false],
  ])(
    '%s: the store is as before or the import gone whole, and the erasure is finished on open',
    async (label, when) => {
      const db = demoStoreCopy(dir.path, `killed-${label.replaceAll(' ', '-')}.duckdb`);
      const lines = ['date,area,strands,offence_group'];
      for (const m of ['01', '02', '03'])
        lines.push(`2025-${m}-05,E07000103,race,Public order - abuse by ${NAME}`);
      const file = dir.writeLines(`watford-${label.replaceAll(' ', '-')}.csv`, lines);
      expect((await run(['import', '--db', db, '--dataset', 'hate-crime', file])).code).toBe(0);
      const rewriting = `${db}.rewrite`;
      await removeAndKill(db, label.startsWith('while') ? () => existsSync(rewriting) : when);

      // What any command sees: the store opened (pending work done), then checked.
      const opened = await openStore(db);
      try {
        expect((await checkStore(opened)).problems).toEqual([]);
      } finally {
        opened.close();
      }
      const s = await state(db);
      if (s.batch === '1') {
        // Not removed: all of it still there, and no record of a removal.
        expect(s).toMatchObject({ records: '3', coverage: '3', removals: '0', audited: '0' });
        expect(inFile(db)).toBe(true);
      } else {
        // Removed whole, audited, and the erasure asked for is done.
        expect(s).toMatchObject({
          records: '0',
          coverage: '0',
          removals: '1',
          audited: '1',
          pending: '0',
        });
        expect(inFile(db)).toBe(false);
      }
      expect(existsSync(rewriting)).toBe(false);
    },
  );
});
