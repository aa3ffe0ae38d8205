/**
 * `services export` writes CSV a spreadsheet opens safely: a cell starting with = + - @ gets a
 * leading ' so it opens as text. Importing that file back used to keep the quote: a phone number
 * "+44 20 7946 0018" came back as "'+44 20 7946 0018" and was refused, and a description
 * "-Free- advice" came back "changed". The import takes the export's quote off, and only that one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

interface Imported {
  files: { added: number; changed: number; unchanged: number }[];
}

describe('a services CSV exported and imported back', () => {
  it('imports unchanged, formula-like cells as they were', async () => {
    const svc = join(dir.path, 'svc.csv');
    writeFileSync(
      svc,
      [
        'id,name,themes,area,phone,description',
        'london-advice,London advice,general,national,+44 20 7946 0018,-Free- advice',
        "quoted,Quoted,general,national,0808 2000 247,'Tis the season: a quote of its own",
      ].join('\n') + '\n',
    );
    const first = await runJson<Imported>(['services', 'import', svc, '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.files[0]).toMatchObject({ added: 2, changed: 0 });

    const out = join(dir.path, 'out.csv');
    expect((await run(['services', 'export', '--out', out, '--db', db])).code).toBe(0);
    // The export escapes the formula-like cells for spreadsheets...
    expect(readFileSync(out, 'utf8')).toContain("'+44 20 7946 0018");

    // ...and the import reads them back as they were.
    const back = await runJson<Imported>(['services', 'import', out, '--db', db]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.json.files[0]).toMatchObject({ added: 0, changed: 0 });
    const listed = await runJson<{
      services: { id: string; phone: string; description: string }[];
    }>(['services', 'list', '--db', db]);
    const byId = new Map(listed.json.services.map((s) => [s.id, s]));
    expect(byId.get('london-advice')).toMatchObject({
      phone: '+44 20 7946 0018',
      description: '-Free- advice',
    });
    expect(byId.get('quoted')?.description).toBe("'Tis the season: a quote of its own");
  });
});
