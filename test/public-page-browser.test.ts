/**
 * Issue 22, the public page in a real browser (Debian's Chromium driven by playwright-core)
 * against a real `lantern serve` process over a store with accounts, opened without signing in:
 * on a phone (375 px wide) and a laptop, with its style sheet applied under its
 * Content-Security-Policy (no violation reported), nothing wider than the screen, and an
 * accessibility check with axe-core (no serious or critical violation). Screenshots are saved to
 * .tmp/screenshots/ to be looked at.
 */
import type { ChildProcess } from 'node:child_process';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AXE, chromiumPresent, launchChromium, SHOTS, spawnServe } from './helpers/browser.js';
import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const SEED = new URL('../config/support-services.yaml', import.meta.url).pathname;

const dir = tempDir();
let server: ChildProcess;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumPresent) return;
  const db = demoStoreCopy(dir.path);
  for (const [args, env] of [
    [['services', 'import', SEED], {}],
    [['assess', '--area', 'Three Rivers', '--period', '2025'], {}],
    [
      ['users', 'add', '--name', 'Alex', '--email', 'alex@example.gov.uk', '--admin'],
      { LANTERN_PASSWORD: 'correct horse battery staple' },
    ],
  ] as const) {
    const r = await run([...args, '--db', db], env);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  ({ base, server } = await spawnServe(db));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  dir.remove();
});

async function axeProblems(page: Page): Promise<string[]> {
  // The page's policy allows no script of its own: axe is added through the browser's own
  // channel, as a tester's tool would be.
  await page.evaluate(AXE);
  const result = (await page.evaluate('axe.run()')) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

async function open(path: string, width: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const problems: string[] = [];
  // A policy violation is a console error; a resource refused or missing is a response (the
  // browser's own request for /favicon.ico aside: Lantern has none).
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
      problems.push(`${r.status()} ${r.url()}`);
  });
  const response = await page.goto(`${base}${path}`);
  expect(response?.status()).toBe(200);
  return { page, problems };
}

describe.skipIf(!chromiumPresent)('the public page in Chromium', () => {
  it('on a small phone or at 400% zoom (320 px): styled, nothing wider than the screen, no serious accessibility problem', async () => {
    // 320 CSS pixels, WCAG 1.4.10's width: the table of crimes was 328 px wide there (QA).
    const { page, problems } = await open('/public/three-rivers', 320);
    expect(page.url()).toBe(`${base}/public/three-rivers`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Keeping Three Rivers safe');
    // The style sheet applied (the header's colour), under the page's policy.
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('header.site')).backgroundColor",
      ),
    ).toBe('rgb(11, 79, 108)');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(
      await page.evaluate("document.querySelector('table').getBoundingClientRect().right"),
    ).toBeLessThanOrEqual(320);
    await page.screenshot({ path: `${SHOTS}public-three-rivers-phone.png`, fullPage: true });
    expect(await axeProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a laptop, and the list of areas, with no serious accessibility problem', async () => {
    const { page, problems } = await open('/public/three-rivers', 1280);
    await page.screenshot({ path: `${SHOTS}public-three-rivers-laptop.png`, fullPage: true });
    expect(await axeProblems(page)).toEqual([]);
    await page.close();
    const list = await open('/public', 375);
    await list.page.click('text=Three Rivers');
    await list.page.waitForURL(/\/public\/three-rivers$/u);
    await list.page.goto(`${base}/public`);
    await list.page.screenshot({ path: `${SHOTS}public-index-phone.png`, fullPage: true });
    expect(await axeProblems(list.page)).toEqual([]);
    expect([...problems, ...list.problems]).toEqual([]);
    await list.page.close();
  });

  it('still asks to sign in for the dashboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    expect(page.url()).toMatch(/\/sign-in/u);
    await page.close();
  });
});
