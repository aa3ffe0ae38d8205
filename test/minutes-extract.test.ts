/**
 * `lantern minutes extract FILE`: the actions a meeting's minutes assign, proposed for a person to
 * confirm, from the real minutes (text) and a real Word document (made by pandoc).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { MinutesExtraction } from '../src/usecases/extract-minutes.js';
import { run, runJson } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const FIXTURES = new URL('./fixtures/minutes/', import.meta.url).pathname;
const DOCX = join(FIXTURES, 'cscg-2025-11-12.docx');
const REAL = join(FIXTURES, 'minutes.txt');
const dir = tempDir();
afterAll(() => dir.remove());

describe('lantern minutes extract', () => {
  it('prints the proposals of a Word document as a table for confirmation', async () => {
    const { code, stdout, stderr } = await run([
      'minutes',
      'extract',
      DOCX,
      '--meeting',
      'CSCG 2025-11-12',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'cscg-2025-11-12.docx (Word document): 7 proposed actions for CSCG on 12 November 2025',
    );
    expect(stdout).toContain('Apologies: Jemma Duffell, Herts Fire and Rescue');
    expect(stdout).toMatch(/#\s+owner\s+action\s+due\s+rule\s+source/);
    expect(stdout).toMatch(
      /3\s+Shivani Davé\s+Shivani Davé to provide the link to the Hate crime JSNA\s+–\s+action-label \(high\)\s+paragraph 16/,
    );
    expect(stdout).toMatch(
      /5\s+Rebecca Young\s+Invite the Community Safety Officer to the ASBAG\s+2026-02-11/,
    );
    expect(stdout).toContain('Nothing is saved');
    expect(stdout).toContain('A low-confidence proposal is an undertaking');
  });

  it('gives each proposal in full with --json', async () => {
    const { code, json } = await runJson<MinutesExtraction>([
      'minutes',
      'extract',
      REAL,
      '--meeting',
      'CSCG 2025-11-12',
    ]);
    expect(code).toBe(0);
    expect(json.format).toBe('text');
    expect(json.meeting).toMatchObject({
      name: 'CSCG',
      date: '2025-11-12',
      dateFrom: 'meeting option',
    });
    expect(json.proposals).toEqual([
      expect.objectContaining({
        number: 1,
        title: 'Shivani Davé to provide the link to the Hate crime JSNA',
        owner: 'Shivani Davé',
        rule: 'action-label',
        confidence: 'high',
        source: expect.objectContaining({ line: 39 }),
      }),
    ]);
  });

  it('uses the date the minutes state when --meeting gives none, and says so', async () => {
    const { code, stdout } = await run([
      'minutes',
      'extract',
      join(FIXTURES, 'cscg-2025-11-12.md'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '7 proposed actions for 12 November 2025 (the date the minutes state)',
    );
    expect(stdout).toMatch(/line 22/);
  });

  it('says when the minutes assign no action, and which wordings it looks for', async () => {
    const path = join(dir.path, 'no-actions.md');
    writeFileSync(
      path,
      '# ASBAG\n\nThe action plan was discussed. Actions from the last meeting were reviewed.\n\nNo actions.\n',
    );
    const { code, stdout } = await run(['minutes', 'extract', path]);
    expect(code).toBe(0);
    expect(stdout).toContain('no-actions.md (Markdown): no actions found');
    expect(stdout).toContain('No sentence assigns an action');
  });

  it('refuses a file it cannot read and a meeting date that is none, naming them', async () => {
    const pdf = await run(['minutes', 'extract', join(dir.path, 'minutes.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toMatch(
      /minutes\.pdf: minutes must be a Word document \(\.docx\), Markdown \(\.md\) or plain text \(\.txt\)/,
    );
    const date = await run(['minutes', 'extract', REAL, '--meeting', 'CSCG 2025-13-45']);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--meeting: "CSCG 2025-13-45": 2025-13-45 is not a date/);
  });
});
