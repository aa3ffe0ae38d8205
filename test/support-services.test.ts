/**
 * The support-services directory as a person runs it, on a copy of the demo store: the bundled
 * national services imported (twice: the second changes nothing), a file with bad rows refused
 * whole with each problem's file, line and field, changes refused to a viewer and audited,
 * listing by theme and area, export and re-import, removal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
const SEED = new URL('../config/support-services.yaml', import.meta.url).pathname;
const PW = { LANTERN_PASSWORD: 'a long enough pass phrase' };

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

interface Listed {
  services: { id: string; themes: string[]; coverage: string; areaName: string | null }[];
}

const HEADER = 'id,name,themes,area,phone,web,email,hours';

describe('lantern services', () => {
  it('refuses a file with bad phone, web and email values whole, naming file, line and field', async () => {
    const file = join(dir.path, 'bad.csv');
    writeFileSync(
      file,
      [
        HEADER,
        'good-one,Good one,asb,Three Rivers,01923 776611,https://www.example.org,,9 to 5',
        'bad-phone,Bad phone,asb,national,0808 2000,,,',
        'bad-web,Bad web,hate-crime,national,,www.example.org,,',
        'bad-email,Bad email,general,national,,,help at example.org,',
        'bad-area,Bad area,general,Atlantis,101,,,',
      ].join('\n') + '\n',
    );
    const r = await run(['services', 'import', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the directory was not changed: 4 problems/u);
    expect(r.stderr).toContain(`${file}:3: phone: "0808 2000" is not a valid UK phone number`);
    expect(r.stderr).toContain(`${file}:4: web: "www.example.org" is not a web address`);
    expect(r.stderr).toContain(`${file}:5: email: "help at example.org" is not an email address`);
    expect(r.stderr).toContain(
      `${file}:6: area: "Atlantis" is not national, a nation (England, Wales, Scotland, Northern Ireland, England and Wales, Great Britain) nor an area`,
    );
    // Atomic: the good row was not stored either.
    const listed = await runJson<Listed>(['services', 'list', '--db', db]);
    expect(listed.json.services).toEqual([]);
  });

  it('names the line and field in a YAML file too', async () => {
    const file = join(dir.path, 'bad.yaml');
    writeFileSync(
      file,
      'services:\n  - id: one\n    name: One\n    themes: [asb]\n    area: national\n    phone: 0800 555 11\n',
    );
    const r = await run(['services', 'import', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:6: phone: "0800 555 11" is not a valid UK phone number`);
  });

  it('imports the bundled national services, and importing them again changes nothing', async () => {
    const first = await runJson<{ files: { added: number; unchanged: number }[] }>([
      'services',
      'import',
      SEED,
      '--db',
      db,
    ]);
    expect(first.code).toBe(0);
    expect(first.json.files[0]).toMatchObject({ added: 10, unchanged: 0 });
    const again = await runJson<{ files: { added: number; changed: number; unchanged: number }[] }>(
      ['services', 'import', SEED, '--db', db],
    );
    expect(again.json.files[0]).toMatchObject({ added: 0, changed: 0, unchanged: 10 });
    const audit = await run(['audit', '--db', db]);
    expect(audit.stdout).toMatch(/services\.import/u);
  });

  it('lists by theme and by area: national services, and those of the district or its force', async () => {
    const local = join(dir.path, 'local.csv');
    writeFileSync(
      local,
      [
        HEADER,
        'tr-asb,Three Rivers ASB line,asb,Three Rivers,,https://www.example.org/asb,,',
        'watford-asb,Watford ASB line,asb,Watford,,https://www.example.org/watford,,',
        'herts-asb,Hertfordshire ASB line,asb,Hertfordshire,,https://www.example.org/herts,,',
      ].join('\n'),
    );
    expect((await run(['services', 'import', local, '--db', db])).code).toBe(0);
    const da = await runJson<Listed>(['services', 'list', '--theme', 'domestic-abuse', '--db', db]);
    expect(da.json.services.map((s) => s.id).sort()).toEqual([
      'live-fear-free',
      'mens-advice-line',
      'national-domestic-abuse-helpline',
      'police-emergency',
      'police-non-emergency',
      'victim-support',
    ]);
    const asb = await runJson<Listed>([
      'services',
      'list',
      '--theme',
      'asb',
      '--area',
      'Three Rivers',
      '--db',
      db,
    ]);
    const ids = asb.json.services.map((s) => s.id);
    expect(ids).toContain('tr-asb');
    expect(ids).toContain('three-rivers-asb');
    expect(ids).toContain('herts-asb');
    expect(ids).not.toContain('watford-asb');
    expect(asb.json.services.find((s) => s.id === 'tr-asb')?.areaName).toBe('Three Rivers');
  });

  it("offers a service only where it serves: England's helpline in Three Rivers, Wales' own in Newport", async () => {
    const list = async (area: string) =>
      (
        await runJson<Listed>([
          'services',
          'list',
          '--theme',
          'domestic-abuse',
          '--area',
          area,
          '--db',
          db,
        ])
      ).json.services;
    const newport = await list('Newport');
    const ids = newport.map((s) => s.id);
    expect(ids).toContain('live-fear-free');
    expect(ids).toContain('victim-support'); // England and Wales
    expect(ids).not.toContain('national-domestic-abuse-helpline'); // England only
    const threeRivers = (await list('Three Rivers')).map((s) => s.id);
    expect(threeRivers).toContain('national-domestic-abuse-helpline');
    expect(threeRivers).not.toContain('live-fear-free');
    // "national" names no nation: a service of one says which, and the UK-wide ones say so.
    const text = await run([
      'services',
      'list',
      '--theme',
      'domestic-abuse',
      '--area',
      'Newport',
      '--db',
      db,
    ]);
    expect(text.stdout).toMatch(/live-fear-free .* Wales /u);
    expect(text.stdout).toMatch(/victim-support .* England and Wales /u);
    expect(text.stdout).toMatch(/police-emergency .* UK-wide /u);
    expect(text.stdout).not.toMatch(/ national /u);
  });

  it('refuses changes to a viewer, in the audit log; lets an analyst remove one', async () => {
    for (const [name, role] of [
      ['Alex', 'admin'],
      ['Vic', 'viewer'],
      ['Ana', 'analyst'],
    ] as const) {
      const args = ['users', 'add', '--db', db, '--name', name, '--email', `${name}@x.gov.uk`];
      const r = await run(
        role === 'admin' ? [...args, '--admin'] : [...args, '--role', role, '--as', 'Alex'],
        PW,
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const refused = await run(['services', 'remove', '--id', 'tr-asb', '--as', 'Vic', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Vic may not change the support-services directory/u);
    const audit = await runJson<{ entries?: { action: string; outcome: string }[] }>([
      'audit',
      '--db',
      db,
    ]);
    expect(JSON.stringify(audit.json)).toMatch(
      /"services\.remove".{0,80}"refused"|refused.{0,80}services\.remove/u,
    );
    const removed = await run(['services', 'remove', '--id', 'tr-asb', '--as', 'Ana', '--db', db]);
    expect(removed.code, removed.stderr).toBe(0);
    const gone = await run(['services', 'remove', '--id', 'tr-asb', '--db', db]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/no service has the id "tr-asb"/u);
  });

  it('exports to CSV that imports back unchanged, and to XLSX', async () => {
    const csv = join(dir.path, 'out.csv');
    expect(
      (await run(['services', 'export', '--format', 'csv', '--out', csv, '--db', db])).code,
    ).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('national-domestic-abuse-helpline');
    expect(text).toContain('0808 2000 247');
    const back = await runJson<{ files: { added: number; changed: number; unchanged: number }[] }>([
      'services',
      'import',
      csv,
      '--db',
      db,
    ]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.json.files[0]).toMatchObject({ added: 0, changed: 0 });
    const xlsx = join(dir.path, 'out.xlsx');
    expect(
      (await run(['services', 'export', '--format', 'xlsx', '--out', xlsx, '--db', db])).code,
    ).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });
});
