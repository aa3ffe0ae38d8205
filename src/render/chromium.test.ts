/**
 * A PDF printed by Lantern is tagged, for screen readers: its structure (headings, a table with
 * its header cells, a chart as a figure with its text alternative) and its language are in it,
 * and its headings make its outline (QA: the assessment and the briefing were "Tagged: no").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ChromiumSession, findChromium } from './chromium.js';

const chromium = findChromium();

const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Burglary in Three Rivers</title></head>
<body><main><h1>Burglary in Three Rivers</h1><h2>By month</h2>
<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="300" height="150" role="img" aria-label="Burglary by month: 250 in 2025"><rect width="60" height="40" fill="#0b4f6c"/></svg></figure>
<table><caption>Burglary by month</caption><thead><tr><th scope="col">Month</th><th scope="col">Count</th></tr></thead>
<tbody><tr><th scope="row">2025-01</th><td>26</td></tr></tbody></table></main></body></html>`;

describe.skipIf(chromium === null)('printing to PDF', () => {
  it('writes a tagged PDF in the page’s language, its chart with its text, and an outline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-pdf-'));
    const session = new ChromiumSession(chromium!);
    try {
      writeFileSync(join(dir, 'page.html'), PAGE);
      await session.print(join(dir, 'page.html'), join(dir, 'page.pdf'));
      const info = execFileSync('pdfinfo', [join(dir, 'page.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/^Tagged:\s+yes$/mu);
      expect(info).toMatch(/^Title:\s+Burglary in Three Rivers$/mu);
      const pdf = readFileSync(join(dir, 'page.pdf')).toString('latin1');
      expect(pdf).toContain('/Lang (en-GB)');
      expect(pdf).toMatch(/\/S \/H1\b/u);
      expect(pdf).toMatch(/\/S \/TH\b/u);
      expect(pdf).toContain('/Alt (Burglary by month: 250 in 2025)');
      expect(pdf).toMatch(/\/Outlines \d+ 0 R/u);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
