/**
 * The support services a council officer adds as they come (phone numbers written any way, a
 * number to text that is a mobile or a text relay, an overlong name), as a resident sees them on
 * the public page and a volunteer in the briefing pack, on a copy of the demo store (QA).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;

const add = async (id: string, extra: string[]) => {
  const r = await run([
    ...['services', 'add', '--id', id, '--themes', 'asb', '--area', 'Three Rivers'],
    ...extra,
    ...['--db', db],
  ]);
  expect(r.code, r.stderr).toBe(0);
};

const publicPage = async (name: string) => {
  const out = join(dir.path, name);
  const r = await run(['public-page', '--area', 'Three Rivers', '--out', out, '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(out, 'index.html'), 'utf8');
};

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

describe('services on the public page and in packs', () => {
  it('links a number written with the country code to what a phone dials: +44 (0)1923 … is +441923 …', async () => {
    await add('asb-team-international', [
      ...['--name', 'ASB team, written internationally', '--phone', '+44 (0)1923 776611'],
    ]);
    await add('asb-team-national', [
      ...['--name', 'ASB team, written nationally', '--phone', '01923 776612'],
    ]);
    const html = await publicPage('tel');
    // Its digits as written, +4401923776611, reach no one.
    expect(html).toContain('<a href="tel:+441923776611">+44 (0)1923 776611</a>');
    expect(html).not.toContain('tel:+44(0)');
    expect(html).toContain('<a href="tel:01923776612">01923 776612</a>');
    expect(html).toContain('<a href="tel:999">');
  });

  it('offers a mobile number to text as a text message, and a text relay number as text relay, on the page and in the pack', async () => {
    await add('text-line', [
      ...['--name', 'ASB text line', '--text', '07860 077333', '--web', 'https://www.example.org'],
    ]);
    await add('relay-line', [
      ...['--name', 'ASB relay line', '--text', '18001 01923 776611'],
      ...['--web', 'https://www.example.org/relay'],
    ]);
    const html = await publicPage('text');
    expect(html).toContain('<p>Send a text message to 07860 077333');
    expect(html).toContain('<p>Text relay or text phone: 18001 01923 776611');
    expect(html).not.toContain('Text relay or text phone: 07860 077333');
    const out = join(dir.path, 'pack');
    const r = await run([
      ...['briefing', '--theme', 'asb', '--area', 'Three Rivers', '--format', 'html'],
      ...['--out', out, '--db', db],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const pack = readFileSync(join(out, 'briefing.html'), 'utf8');
    expect(pack).toContain('<p>Send a text message to 07860 077333');
    expect(pack).toContain('<p>Text relay or text phone: 18001 01923 776611');
    expect(pack).not.toMatch(/<p>Text 1800/u);
  });
});
