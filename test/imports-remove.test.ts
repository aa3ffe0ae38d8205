/**
 * Taking an import out (`lantern imports list`, `lantern imports remove`), on the demo store (the
 * bundled police.uk months and the synthetic partner data) and real DuckDB. Before (QA), nothing
 * listed imports or removed one: a partner file of the wrong district, one holding a resident's
 * name in a free-text column, a partner's data after its agreement ended, a month police.uk
 * withdrew, all stayed for good (only raw SQL took them out, unaudited, leaving the values
 * readable in the file, and saved assessments made from them none the wiser).
 */
import { existsSync, readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { addAccounts } from './helpers/accounts.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversPlan } from './helpers/plan.js';
import { queryStore } from './helpers/store-query.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** A resident's name slipped into hate crime's free-text offence group, in Watford's rows. */
const NAME = 'Zebedee Quixworthington';

function watfordHateCrime(): string {
  const lines = ['date,area,strands,offence_group,crime_reference'];
  for (const m of ['01', '02', '03', '04', '05', '06'])
    for (const d of ['03', '11', '19'])
      lines.push(`2025-${m}-${d},E07000103,race,Public order - abuse by ${NAME},HC${m}${d}`);
  return dir.writeLines('watford-hate-crime.csv', lines);
}

interface Held {
  id: string;
  source: string;
  dataset: string;
  file: string;
  force: string | null;
  areas: string[];
  monthsHeld: string[];
  rows: number;
  importedBy: string | null;
}

async function list(db: string, as?: string) {
  return runJson<Held[]>(['imports', 'list', '--db', db, ...(as ? ['--as', as] : [])]);
}

/** The file's bytes (and its log's) hold the text? */
function inFile(db: string, text: string): boolean {
  return [db, `${db}.wal`].some((f) => existsSync(f) && readFileSync(f).includes(text));
}

async function count(db: string, sql: string): Promise<number> {
  const [row] = await queryStore<{ n: string }>(db, sql);
  return Number(row?.n ?? 0);
}

describe('a wrong partner file (another district, a name in free text)', () => {
  it('is listed, refused without --yes, then removed whole, audited, and erased from the file', async () => {
    const db = demoStoreCopy(dir.path, 'partner.duckdb');
    const file = watfordHateCrime();
    const imported = await run(['import', '--db', db, '--dataset', 'hate-crime', file], {
      USER: 'priya',
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(inFile(db, NAME)).toBe(true);

    const listed = await list(db);
    expect(listed.code).toBe(0);
    const watford = listed.json.find((i) => i.file === 'watford-hate-crime.csv');
    expect(watford).toMatchObject({
      id: 'partner-7',
      source: 'partner',
      dataset: 'hate-crime',
      areas: ['E07000103'],
      monthsHeld: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'],
      rows: 18,
      importedBy: 'local:priya',
    });
    // The police.uk months are there too, one import a file of the zip.
    expect(listed.json.filter((i) => i.source === 'police')).toHaveLength(43);
    expect(listed.json.find((i) => i.id === 'police-43')).toMatchObject({
      file: 'hertfordshire-sample.zip!2025-12/2025-12-hertfordshire-street.csv',
      force: 'hertfordshire',
      monthsHeld: ['2025-12'],
    });

    // An assessment of Watford made with it, to be told its evidence went.
    expect((await run(['assess', '--db', db, '--area', 'Watford', '--period', '2025'])).code).toBe(
      0,
    );

    // Not confirmed: nothing removed, and it says what would be.
    const unconfirmed = await run(['imports', 'remove', '--db', db, '--id', 'partner-7']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('watford-hate-crime.csv');
    expect(unconfirmed.stderr).toContain('Nothing was removed');
    expect(await count(db, 'SELECT count(*) AS n FROM partner_record WHERE batch_id = 7')).toBe(18);

    const removed = await runJson<{
      monthsNowMissing: string[];
      assessments: { area: string; months: string[] }[];
      erased: boolean;
    }>([
      'imports',
      'remove',
      '--db',
      db,
      '--id',
      'partner-7',
      '--yes',
      '--erase',
      '--reason',
      'Watford file imported by mistake',
    ]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.json.monthsNowMissing).toHaveLength(6);
    expect(removed.json.assessments).toEqual([
      expect.objectContaining({ area: 'Watford', months: watford!.monthsHeld }),
    ]);
    expect(removed.json.erased).toBe(true);

    // Nothing of it is left in any table, and its bytes are gone from the file.
    for (const table of [
      'partner_record',
      'partner_coverage',
      'partner_rejected_row',
      'partner_count',
      'partner_period_count',
      'community_concern',
    ])
      expect(await count(db, `SELECT count(*) AS n FROM ${table} WHERE batch_id = 7`)).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM partner_batch WHERE id = 7')).toBe(0);
    expect(inFile(db, NAME)).toBe(false);
    // The demo's own hate crime is untouched.
    expect(
      await count(db, "SELECT count(*) AS n FROM partner_record WHERE dataset = 'hate-crime'"),
    ).toBe(492);

    // Audited with who, what and why; the store is whole; the assessment says its months went.
    const audit = await queryStore<{ actor: string; detail: string }>(
      db,
      "SELECT actor, detail FROM audit_log WHERE action = 'import remove' AND outcome = 'ok'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toMatch(/^local:/u);
    expect(audit[0]!.detail).toContain('partner-7 watford-hate-crime.csv');
    expect(audit[0]!.detail).toContain('Watford file imported by mistake');
    expect((await run(['check', '--db', db])).code).toBe(0);
    const assessments = await runJson<{ revisedSince: { dataset: string; removed?: boolean }[] }[]>(
      ['assess', 'list', '--db', db],
    );
    expect(assessments.json[0]!.revisedSince).toEqual([
      { dataset: 'hate-crime', months: watford!.monthsHeld, removed: true },
    ]);
    expect((await list(db)).json.some((i) => i.id === 'partner-7')).toBe(false);

    // The next import never takes the removed batch's id.
    const again = await run(['import', '--db', db, '--dataset', 'hate-crime', file]);
    expect(again.code, again.stderr).toBe(0);
    expect(await count(db, 'SELECT max(id) AS n FROM partner_batch')).toBe(8);
  });
});

describe('a police.uk month withdrawn', () => {
  it('leaves the month missing (never zero), updates every count, names the assessment and plan, and can be imported again', async () => {
    const db = demoStoreCopy(dir.path, 'police.duckdb');
    await threeRiversPlan(db);
    const monthCount = async () =>
      count(
        db,
        "SELECT sum(records) AS n FROM street_count WHERE district_code = 'E07000102' AND month = '2025-12'",
      );
    const areaCrimes = async () => {
      const areas = await runJson<{ code: string; records: number }[]>(['areas', '--db', db]);
      return areas.json;
    };
    const before = await areaCrimes();
    const held = await monthCount();
    expect(held).toBeGreaterThan(0);

    const removed = await runJson<{
      monthsNowMissing: string[];
      assessments: { id: string }[];
      plans: { partnership: string; year: string }[];
    }>(['imports', 'remove', '--db', db, '--id', 'police-43', '--yes']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.json.monthsNowMissing).toEqual(['2025-12']);
    expect(removed.json.assessments).toHaveLength(1);
    expect(removed.json.plans).toEqual([
      expect.objectContaining({ partnership: 'Three Rivers CSP', year: '2025-26' }),
    ]);
    expect(removed.stdout).not.toContain('--erase'); // --json: the document only

    // The month is missing, not zero: in the summary and in the counts behind every reader.
    const summary = await runJson<{
      months: { month: string; status?: string; total?: unknown }[];
    }>(['summary', '--db', db, '--area', 'Three Rivers', '--period', '2025-10..2025-12']);
    expect(summary.code).toBe(0);
    expect(JSON.stringify(summary.json)).toMatch(/missing/u);
    const text = await run([
      'summary',
      '--db',
      db,
      '--area',
      'Three Rivers',
      '--period',
      '2025-10..2025-12',
    ]);
    expect(text.stdout).toMatch(/2025-12\s+missing/u);
    expect(await monthCount()).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM crime WHERE batch_id = 43')).toBe(0);
    expect(JSON.stringify(await areaCrimes())).not.toBe(JSON.stringify(before));
    expect((await run(['check', '--db', db])).code).toBe(0);

    // Compared with the saved assessment, the counts that moved are put down to the removal.
    const saved = await runJson<{ id: string }[]>(['assess', 'list', '--db', db]);
    const compared = await run([
      'assess',
      '--db',
      db,
      '--area',
      'Three Rivers',
      '--period',
      '2025',
      '--allow-partial',
      '--no-save',
      '--compare-with',
      saved.json[0]!.id,
    ]);
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toContain(
      '12 of its 12 months held then, 11 now: months removed since',
    );

    // The file imported again brings the month back (its content is not "already imported").
    const again = await runJson<{ files: { status: string }[] }>([
      'import',
      '--db',
      db,
      SAMPLE_ZIP,
    ]);
    expect(again.code).toBe(0);
    expect(again.json.files.filter((f) => f.status === 'imported')).toHaveLength(1);
    expect(await monthCount()).toBe(held);
  });
});

describe('an import removed without --erase', () => {
  it('can be erased afterwards: the file is rewritten, audited, and asked again says so', async () => {
    const db = demoStoreCopy(dir.path, 'later.duckdb');
    expect(
      (await run(['import', '--db', db, '--dataset', 'hate-crime', watfordHateCrime()])).code,
    ).toBe(0);
    const removed = await run(['imports', 'remove', '--db', db, '--id', 'partner-7', '--yes']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('lantern imports remove --id partner-7 --erase --yes');

    const unconfirmed = await run([
      'imports',
      'remove',
      '--db',
      db,
      '--id',
      'partner-7',
      '--erase',
    ]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('Nothing was done');
    const erased = await run([
      'imports',
      'remove',
      '--db',
      db,
      '--id',
      'partner-7',
      '--erase',
      '--yes',
    ]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain('was removed on');
    expect(inFile(db, NAME)).toBe(false);
    const audit = await queryStore<{ action: string }>(
      db,
      "SELECT action FROM audit_log WHERE action LIKE 'import %' ORDER BY seq",
    );
    expect(audit.map((a) => a.action)).toEqual(['import remove', 'import erase']);
    const again = await run(['imports', 'remove', '--db', db, '--id', 'partner-7']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('was rewritten then');
  });
});

describe('who may list and remove imports', () => {
  it('admins and analysts (an analyst only what they could have imported); refusals audited', async () => {
    const db = demoStoreCopy(dir.path, 'access.duckdb');
    const imported = await run([
      'import',
      '--db',
      db,
      '--dataset',
      'hate-crime',
      watfordHateCrime(),
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    await addAccounts(db, [
      { name: 'Ada', role: 'admin' },
      {
        name: 'Tariq',
        role: 'analyst',
        grants: [{ area: 'Three Rivers', sensitivity: 'partner' }],
      },
      { name: 'Wendy', role: 'analyst', grants: [{ area: 'Watford', sensitivity: 'partner' }] },
      { name: 'Vic', role: 'viewer', grants: [{ area: 'Watford', sensitivity: 'partner' }] },
    ]);

    const viewer = await run(['imports', 'list', '--db', db, '--as', 'Vic']);
    expect(viewer.code).toBe(2);
    expect(viewer.stderr).toContain('only an admin or an analyst');
    const viewerRemove = await run([
      'imports',
      'remove',
      '--db',
      db,
      '--id',
      'partner-7',
      '--yes',
      '--as',
      'Vic',
    ]);
    expect(viewerRemove.code).toBe(2);

    // Tariq sees Three Rivers only: Watford's file is not his to list or remove.
    expect((await list(db, 'Tariq')).json.map((i) => i.id)).not.toContain('partner-7');
    const tariq = await run([
      'imports',
      'remove',
      '--db',
      db,
      '--id',
      'partner-7',
      '--yes',
      '--as',
      'Tariq',
    ]);
    expect(tariq.code).toBe(2);
    expect(await count(db, 'SELECT count(*) AS n FROM partner_batch WHERE id = 7')).toBe(1);

    const wendy = await run([
      'imports',
      'remove',
      '--db',
      db,
      '--id',
      'partner-7',
      '--yes',
      '--as',
      'Wendy',
    ]);
    expect(wendy.code, wendy.stderr).toBe(0);
    const audit = await queryStore<{ actor: string; outcome: string }>(
      db,
      "SELECT actor, outcome FROM audit_log WHERE action IN ('imports list', 'import remove') ORDER BY seq",
    );
    expect(audit).toEqual([
      { actor: 'Vic', outcome: 'refused' },
      { actor: 'Vic', outcome: 'refused' },
      { actor: 'Tariq', outcome: 'refused' },
      { actor: 'Wendy', outcome: 'ok' },
    ]);
  });
});
