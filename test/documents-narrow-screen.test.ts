/**
 * The strategic assessment, the briefing and the action plan as HTML, opened on a phone (360 px
 * wide) in a real browser (Debian's Chromium driven by playwright-core): nothing wider than the
 * screen, so the page never scrolls sideways (WCAG 1.4.10, reflow); a wide table scrolls inside
 * a region of its own that the keyboard reaches and its caption names; and axe-core finds no
 * violation (the plan had no main landmark). QA: the public Three Rivers 2025 report was 788 px
 * wide at 360, the plan report 679 px, the hate crime briefing 514 px at 320. Screenshots are
 * saved to .tmp/screenshots/ to be looked at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AXE, chromiumPresent, launchChromium, SHOTS } from './helpers/browser.js';
import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversPlan } from './helpers/plan.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let browser: Browser;
let db: string;

beforeAll(async () => {
  if (!chromiumPresent) return;
  db = demoStoreCopy(dir.path);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dir.remove();
});

async function ok(args: readonly string[]): Promise<void> {
  const r = await run([...args, '--db', db]);
  if (r.code !== 0) throw new Error(`lantern ${args.join(' ')}: ${r.stderr}`);
}

/** The page at 360 px: its width, the tables' scrolling regions, and axe's violations. */
async function onPhone(file: string, shot: string) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  try {
    await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
    await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
    // In the page (as a string: the test compiles without the DOM's types).
    const layout = (await page.evaluate(`({
      width: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('table')].map((t) => {
        const region = t.closest('[role="region"]');
        return {
          inRegion: region !== null,
          focusable: region?.getAttribute('tabindex') === '0',
          named:
            (region?.getAttribute('aria-label') ?? '') !== '' ||
            document.getElementById(region?.getAttribute('aria-labelledby') ?? '') !== null,
        };
      }),
    })`)) as {
      width: number;
      tables: { inRegion: boolean; focusable: boolean; named: boolean }[];
    };
    await page.evaluate(AXE);
    const axe = (await page.evaluate('axe.run()')) as {
      violations: { id: string; impact: string }[];
    };
    return { ...layout, violations: axe.violations.map((v) => `${v.impact} ${v.id}`) };
  } finally {
    await page.close();
  }
}

describe.skipIf(!chromiumPresent)('documents on a phone, 360 px wide', () => {
  it('the strategic assessment (public version) fits the screen; its tables scroll on their own', async () => {
    const out = join(dir.path, 'report');
    await ok([
      'report',
      '--area',
      'Three Rivers',
      '--period',
      '2025',
      '--audience',
      'public',
      '--draft',
      '--no-pdf',
      '--no-save',
      '--out',
      out,
    ]);
    const seen = await onPhone(join(out, 'assessment.html'), 'report-360.png');
    expect(seen.width).toBeLessThanOrEqual(360);
    expect(seen.tables.length).toBeGreaterThan(3);
    for (const t of seen.tables)
      expect(t).toEqual({ inRegion: true, focusable: true, named: true });
    expect(seen.violations).toEqual([]);
  }, 180_000);

  it('the briefing fits the screen: a source’s long address wraps', async () => {
    // QA: the hate crime briefing was 514 px wide at 320, its sources' addresses on one line.
    const out = join(dir.path, 'briefing');
    await ok([
      'briefing',
      '--theme',
      'hate-crime',
      '--area',
      'Three Rivers',
      '--period',
      '2025',
      '--format',
      'html',
      '--out',
      out,
    ]);
    const seen = await onPhone(join(out, 'briefing.html'), 'briefing-360.png');
    expect(seen.width).toBeLessThanOrEqual(360);
    expect(seen.violations).toEqual([]);
  }, 180_000);

  it('the action plan fits the screen, its tables scroll on their own, and it has a main landmark', async () => {
    const priorities = await threeRiversPlan(db);
    await ok([
      'plan',
      'action',
      'add',
      '--priority',
      priorities[0]!.key,
      '--title',
      'Targeted patrols in Carpenders Park around the B4542 on Friday and Saturday evenings',
      '--owner',
      'Neighbourhood Inspector, South Oxhey and Carpenders Park Safer Neighbourhood Team',
      '--org',
      'Hertfordshire Constabulary',
      '--due',
      '2026-06-30',
    ]);
    const file = join(dir.path, 'plan.html');
    await ok(['plan', 'report', '--format', 'html', '--out', file]);
    const seen = await onPhone(file, 'plan-360.png');
    expect(seen.width).toBeLessThanOrEqual(360);
    expect(seen.tables.length).toBe(1);
    for (const t of seen.tables)
      expect(t).toEqual({ inRegion: true, focusable: true, named: true });
    expect(seen.violations).toEqual([]);
  }, 180_000);
});
