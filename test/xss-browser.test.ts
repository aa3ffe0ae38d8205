/**
 * Issue 20 item 7: markup in every text a user can put into Lantern is shown inert in a real
 * browser. Hostile text goes in where people type or upload it — a support service's name and
 * description, an action's title and description in the plan, the attendees and actions of
 * imported minutes, an uploaded file's name — and every page that shows it (the public page, the
 * plan's pages, the data page's upload report, the admin's audit log) is opened in Chromium
 * against a real `lantern serve`: no script runs (no dialog, no global set), and the text is
 * shown as text.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chromiumPresent, launchChromium, SHOTS, spawnServe } from './helpers/browser.js';
import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversPlan } from './helpers/plan.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const PW = { LANTERN_PASSWORD: 'correct horse battery staple' };

/** Each payload sets a global and opens a dialog if it ever runs. */
const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '<script>window.__xss=2;alert(2)</script>';

const dir = tempDir();
let db: string;
let server: ChildProcess;
let base: string;
let browser: Browser;

async function ok(args: string[]): Promise<void> {
  const r = await run([...args, '--db', db], PW);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  if (!chromiumPresent) return;
  db = demoStoreCopy(dir.path);
  await ok([
    'services',
    'add',
    '--id',
    'hostile',
    '--name',
    `Helpline ${IMG}`,
    '--themes',
    'general',
    '--area',
    'Three Rivers',
    '--phone',
    '0800 555 111',
    '--description',
    `Support ${SCRIPT}`,
  ]);
  await threeRiversPlan(db);
  await ok([
    'plan',
    'action',
    'add',
    '--priority',
    'burglary',
    '--title',
    `Visits ${IMG}`,
    '--description',
    `Notes ${SCRIPT}`,
    '--owner',
    'Community Safety Officer',
    '--due',
    '2026-01-31',
    '--public',
  ]);
  const minutes = join(dir.path, 'minutes.txt');
  writeFileSync(
    minutes,
    [
      'Three Rivers CSCG, 12 November 2025',
      `Present: Andrew Palfreyman, ${IMG}`,
      `Action – Shivani Davé to provide the link ${SCRIPT} to the JSNA.`,
      '',
    ].join('\n'),
  );
  await ok(['minutes', 'import', minutes, '--meeting', 'CSCG 2025-11-12', '--accept', 'all']);
  await ok(['users', 'add', '--name', 'Alex', '--email', 'alex@example.gov.uk', '--admin']);
  await ok([
    'users',
    'grant',
    '--user',
    'Alex',
    '--area',
    'all',
    '--level',
    'detail',
    '--sensitivity',
    'restricted',
  ]);
  ({ base, server } = await spawnServe(db));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  dir.remove();
});

/** Opens a page, failing on any dialog; returns whether a payload ran and the page's text. */
async function visit(page: Page, path: string): Promise<{ ran: unknown; text: string }> {
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  return {
    ran: await page.evaluate('window.__xss'),
    text: (await page.textContent('body')) ?? '',
  };
}

describe.skipIf(!chromiumPresent)('hostile text in Chromium', () => {
  it('is shown as text, and never runs, on every page that shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    // The public page, without signing in: the service and the public action.
    const publicPage = await visit(page, '/public/three-rivers');
    expect(publicPage.ran).toBeUndefined();
    expect(publicPage.text).toContain(`Visits ${IMG}`);
    expect(publicPage.text).toContain(`Helpline ${IMG}`);
    await page.screenshot({ path: `${SHOTS}xss-public.png`, fullPage: true });

    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Name or email').fill('Alex');
    await page.getByLabel('Password').fill(PW.LANTERN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // An upload whose file name is markup: its report, then the audit log that names it.
    await page.goto(`${base}/data`);
    await page.setInputFiles('input[type=file]', {
      name: `${IMG}.csv.gz`,
      mimeType: 'application/gzip',
      buffer: readFileSync(`${FIXTURES}merseyside/2019-01-merseyside-street.csv.gz`),
    });
    await page.click('#upload-form button[type=submit]');
    await page.waitForSelector('#upload-report:not([hidden])', { timeout: 60_000 });
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    const audit = await visit(page, '/admin/audit');
    expect(audit.ran).toBeUndefined();
    expect(audit.text).toContain(IMG);
    await page.screenshot({ path: `${SHOTS}xss-audit.png`, fullPage: true });

    // The plan's pages: the action (title, description), the meeting from the minutes
    // (attendees, the action raised there).
    const shows: [string, string][] = [
      ['/plan', `Visits ${IMG}`],
      ['/plan/actions/1', `Notes ${SCRIPT}`],
      // Minutes are read as text with Markdown's emphasis taken off, so only the start is kept.
      ['/plan/meetings', 'Andrew Palfreyman, <img src=x onerror='],
      ['/plan/meetings/1', '<img src=x onerror='],
      ['/plan/meetings/1', 'provide the link <script>'],
    ];
    for (const [path, text] of shows) {
      const shown = await visit(page, path);
      expect(shown.ran, path).toBeUndefined();
      expect(shown.text, path).toContain(text);
      await page.screenshot({
        path: `${SHOTS}xss${path.replaceAll('/', '-')}.png`,
        fullPage: true,
      });
    }
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
