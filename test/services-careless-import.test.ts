/**
 * The support-services directory imported carelessly, or by someone meaning harm, on a copy of the
 * demo store (QA): characters that change what a reader sees, and what is refused (naming file,
 * line and field, the directory unchanged) or taken.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

const csvFile = (name: string, lines: string[]) => {
  const file = join(dir.path, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
};

const listed = async () =>
  (await runJson<{ services: { id: string }[] }>(['services', 'list', '--db', db])).json.services;

describe('lantern services import, careless or hostile', () => {
  it('refuses control characters and bidirectional overrides, naming file, line and field', async () => {
    const file = csvFile('controls.csv', [
      'id,name,themes,area,phone,description',
      `bidi,Help line,asb,Three Rivers,01923 776611,"Call us \u202Eevil"`,
      `escape,Evil\u001b[31mRED\u001b[0m,asb,Three Rivers,01923 776612,`,
      `nul,Zero\u0000Nul,asb,Three Rivers,01923 776613,`,
      `lines,Two,asb,Three Rivers,01923 776614,"Open to all.\nNo appointment needed."`,
    ]);
    const r = await run(['services', 'import', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the directory was not changed: 3 problems');
    expect(r.stderr).toContain(
      `${file}:2: description: holds a bidirectional control (U+202E), which shows the text in another order than it is: take it out`,
    );
    expect(r.stderr).toContain(`${file}:3: name: holds a control character (U+001B): take it out`);
    expect(r.stderr).toContain(`${file}:4: name: holds a control character (U+0000): take it out`);
    // A description on two lines is free text, as a spreadsheet cell may hold it.
    expect(r.stderr).not.toContain(`${file}:5:`);
    expect(await listed()).toEqual([]);
    const add = await run([
      ...['services', 'add', '--id', 'two-lines', '--name', 'Help\nline', '--themes', 'asb'],
      ...['--area', 'Three Rivers', '--phone', '01923 776611', '--db', db],
    ]);
    expect(add.code).toBe(2);
    expect(add.stderr).toContain('--name: holds a line break: take it out');
  });

  it('refuses absurdly long fields, naming file, line, field and the limit', async () => {
    const file = csvFile('long.csv', [
      'id,name,themes,area,phone,description',
      `long,${'L'.repeat(3000)},asb,Three Rivers,01923 776611,${'word '.repeat(3000).trim()}`,
      `fits,${'N'.repeat(150)},asb,Three Rivers,01923 776612,${'d'.repeat(1000)}`,
    ]);
    const r = await run(['services', 'import', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the directory was not changed: 2 problems');
    expect(r.stderr).toContain(`${file}:2: name: is 3,000 characters long: at most 150`);
    expect(r.stderr).toContain(`${file}:2: description: is 14,999 characters long: at most 1,000`);
    expect(await listed()).toEqual([]);
  });

  it('refuses a web address that does not show where it leads: a user before the site, spaces, quotes', async () => {
    const file = csvFile('web.csv', [
      'id,name,themes,area,web',
      'phish,Three Rivers council,asb,Three Rivers,https://www.threerivers.gov.uk@evil.example/',
      'quote,Quoted,asb,Three Rivers,"https://evil.example/""><script>alert(1)</script>"',
      'space,Spaced,asb,Three Rivers,https://www.example.org/a page',
      'fine,Fine,asb,Three Rivers,https://www.example.org/asb?area=three-rivers#report',
    ]);
    const r = await run(['services', 'import', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the directory was not changed: 3 problems');
    expect(r.stderr).toContain(
      `${file}:2: web: "https://www.threerivers.gov.uk@evil.example/" names a user before its site (…@evil.example): give the site's own address`,
    );
    expect(r.stderr).toContain(`${file}:3: web: "https://evil.example/"><script>`);
    expect(r.stderr).toContain(`${file}:4: web: "https://www.example.org/a page" holds a space`);
    expect(await listed()).toEqual([]);
  });

  it("skips a spreadsheet's emptied rows, as it does blank lines, and names the lines of the rest as they are", async () => {
    const file = csvFile('emptied.csv', [
      'id,name,themes,area,phone',
      ',,,,',
      'asb-team,Three Rivers ASB team,asb,Three Rivers,01923 776611',
      ' , ,,,',
      'asb-bad,Bad,asb,Three Rivers,0800 555 11',
    ]);
    const bad = await run(['services', 'import', file, '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the directory was not changed: 1 problem');
    expect(bad.stderr).toContain(`${file}:5: phone: "0800 555 11" is not a valid UK phone number`);
    const good = csvFile('emptied-good.csv', [
      'id,name,themes,area,phone',
      ',,,,',
      'asb-team,Three Rivers ASB team,asb,Three Rivers,01923 776611',
      ',,,,',
      ',,,,',
    ]);
    const r = await run(['services', 'import', good, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: 1 services?: 1 added/u);
    expect((await listed()).map((s) => s.id)).toEqual(['asb-team']);
  });

  it('says which entries look like one service under two ids, and imports them all the same', async () => {
    const file = csvFile('twice.csv', [
      'id,name,themes,area,phone,web',
      'tr-hate-1,Three Rivers hate crime line,hate-crime,Three Rivers,01923 776700,',
      'tr-hate-2,Three  rivers Hate Crime line,hate-crime,three rivers,+44 (0)1923 776700,',
      'watford-hate,Three Rivers hate crime line,hate-crime,Watford,01923 226400,',
      'cymorth,Cymorth i Fenywod Casnewydd,domestic-abuse,Casnewydd,0808 80 10 800,',
      'emergency,Police emergency,general,national,999,',
      'emergency-2,Emergency services,general,national,999,',
    ]);
    const seed = new URL('../config/support-services.yaml', import.meta.url).pathname;
    expect((await run(['services', 'import', seed, '--db', db])).code).toBe(0);
    const r = await runJson<{ files: { added: number; lookAlikes: string[] }[] }>([
      ...['services', 'import', file, '--db', db],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.files[0]!.added).toBe(6);
    expect(r.json.files[0]!.lookAlikes).toEqual([
      'tr-hate-2 (line 3) looks like tr-hate-1 (line 2): the same name over the same area, and the same phone number (+44 (0)1923 776700)',
      // Live Fear Free (the bundled file) under its Welsh name.
      'cymorth (line 5) looks like live-fear-free: the same phone number (0808 80 10 800)',
    ]);
    const text = await run(['services', 'import', file, '--db', db]);
    expect(text.stdout).toContain('may be one service under two ids');
    // Two services of one council may share its switchboard's number: not told to remove one.
    expect(text.stdout).toContain('if so, remove one');
    expect(text.stdout).toContain('share a number (a council switchboard), keep both');
    expect(text.stdout).toContain('  tr-hate-2 (line 3) looks like tr-hate-1 (line 2)');
  });

  it('takes a nation by its Welsh name, as Welsh districts are taken by theirs: Cymru is Wales', async () => {
    const file = csvFile('cymraeg.csv', [
      'id,name,themes,area,phone',
      'cymru-line,Llinell Cymru,domestic-abuse,Cymru,0808 80 10 801',
      'casnewydd-line,Llinell Casnewydd,domestic-abuse,Casnewydd,0808 80 10 802',
      'both-line,Cymru a Lloegr line,domestic-abuse,Cymru a Lloegr,0808 80 10 803',
    ]);
    const r = await run(['services', 'import', file, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const newport = await runJson<{ services: { id: string; areaName: string | null }[] }>([
      ...['services', 'list', '--area', 'Newport', '--theme', 'domestic-abuse', '--db', db],
    ]);
    const ids = newport.json.services.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['cymru-line', 'casnewydd-line', 'both-line']));
    const text = await run(['services', 'list', '--area', 'Three Rivers', '--db', db]);
    expect(text.stdout).not.toContain('cymru-line');
    expect(text.stdout).toMatch(/both-line .* England and Wales /u);
  });
});
