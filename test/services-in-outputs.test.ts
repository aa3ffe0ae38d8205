/**
 * The support services a council officer adds as they come (phone numbers written any way, a
 * number to text that is a mobile or a text relay, an overlong name), as a resident sees them on
 * the public page and a volunteer in the briefing pack, on a copy of the demo store (QA).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chromiumPresent, launchChromium, SHOTS } from './helpers/browser.js';
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

  it.skipIf(!chromiumPresent)(
    'wraps the longest name and web address a service may have: nothing wider than a phone, nothing off the printed page',
    async () => {
      await add('longest', [
        ...['--name', 'N'.repeat(150), '--phone', '01923 776615'],
        ...['--web', `https://www.example.org/${'p'.repeat(470)}`],
      ]);
      const html = await publicPage('long');
      expect(html).toContain('N'.repeat(150));
      const out = join(dir.path, 'long-pack');
      const r = await run([
        ...['briefing', '--theme', 'asb', '--area', 'Three Rivers', '--format', 'html'],
        ...['--out', out, '--db', db],
      ]);
      expect(r.code, r.stderr).toBe(0);
      const browser = await launchChromium();
      try {
        const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
        await phone.goto(`file://${join(dir.path, 'long', 'index.html')}`);
        await phone.screenshot({ path: join(SHOTS, 'public-page-longest-service-375.png') });
        expect(await phone.evaluate('document.documentElement.scrollWidth')).toBe(375);
        // The pack on A4 paper (794 px at 96 dpi): every card holds its text.
        const paper = await browser.newPage({ viewport: { width: 794, height: 1123 } });
        await paper.goto(`file://${join(out, 'briefing.html')}`);
        await paper.emulateMedia({ media: 'print' });
        const overflowing = await paper.evaluate(
          `[...document.querySelectorAll('.service')]
            .filter((e) => e.scrollWidth > e.clientWidth)
            .map((e) => e.querySelector('h3').textContent.slice(0, 20))`,
        );
        expect(overflowing).toEqual([]);
        expect(await paper.evaluate('document.documentElement.scrollWidth')).toBe(794);
      } finally {
        await browser.close();
      }
    },
  );
});
