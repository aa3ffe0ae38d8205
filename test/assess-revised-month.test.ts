/**
 * A month police.uk revised, imported over the one an assessment counted: the comparison of the
 * same area and period (`assess --compare-with`) says which counts moved and that the records of
 * those months changed since it was saved. It used to read "unchanged" for every issue, since no
 * rank or band had moved (QA, year 2). `assess list` names the months imported again since each
 * assessment was saved.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { IssueMove } from '../src/domain/priority.js';
import { listAssessments, monthsRevisedSince, saveAssessment } from '../src/store/assessments.js';
import { openStore } from '../src/store/open-store.js';
import { revisedSince } from '../src/usecases/assess.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
afterAll(() => dir.remove());

interface Assessed {
  id: string;
  issues: { key: string; evidence: { recorded: number | null } }[];
  comparison: { notes: string[]; moves: IssueMove[] } | null;
}

const assess = (...extra: string[]) =>
  runJson<Assessed>(['assess', '--area', 'Three Rivers', '--period', '2025', ...extra, '--db', db]);

/** The bundled 2025-06 with 12 of Three Rivers' violence rows recorded as public order instead. */
async function revisedJune(): Promise<string> {
  const entries = await readZipEntries(SAMPLE_ZIP, /2025-06-hertfordshire-street\.csv$/u);
  const lines = ([...entries.values()][0] as Buffer).toString('utf8').split('\n');
  let moved = 0;
  const revised = lines.map((line) => {
    if (
      moved < 12 &&
      line.includes(',Three Rivers ') &&
      line.includes(',Violence and sexual offences,')
    ) {
      moved++;
      return line.replace(',Violence and sexual offences,', ',Public order,');
    }
    return line;
  });
  expect(moved).toBe(12);
  const path = join(dir.path, '2025-06-hertfordshire-street.csv');
  writeFileSync(path, revised.join('\n'));
  return path;
}

let first: Assessed;
beforeAll(async () => {
  const saved = await assess();
  expect(saved.code, saved.stderr).toBe(0);
  first = saved.json;
  const imported = await run(['import', await revisedJune(), '--db', db]);
  expect(imported.code, imported.stderr).toBe(0);
});

describe('assess --compare-with, the same period after a month was revised', () => {
  it('gives the counts that moved, and says the records of those months changed', async () => {
    const again = await assess('--compare-with', first.id, '--no-save');
    expect(again.code, again.stderr).toBe(0);
    const then = (key: string) => first.issues.find((i) => i.key === key)!.evidence.recorded!;
    const moves = again.json.comparison!.moves;
    const violence = moves.find((m) => m.key === 'violent-crime')!;
    expect(violence.recorded).toEqual({
      then: then('violent-crime'),
      now: then('violent-crime') - 12,
    });
    expect(violence.summary).toBe(
      `recorded ${then('violent-crime').toLocaleString('en-GB')} → ${(then('violent-crime') - 12).toLocaleString('en-GB')}`,
    );
    expect(moves.find((m) => m.key === 'public-order')!.recorded.now).toBe(
      then('public-order') + 12,
    );
    expect(moves.find((m) => m.key === 'burglary')!.summary).toBe('unchanged');
    expect(again.json.comparison!.notes.join(' ')).toMatch(
      /records of the same months have changed since it was saved.*Violence and sexual offences [\d,]+ → [\d,]+; Public order/u,
    );
  });

  it('plan show says the months of its assessment imported again since it was saved', async () => {
    const plan = ['--partnership', 'Three Rivers CSP', '--year', '2026-27', '--db', db];
    const created = await run(['plan', 'create', '--from-assessment', first.id, ...plan]);
    expect(created.code, created.stderr).toBe(0);
    const shown = await run(['plan', 'show', ...plan]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(
      new RegExp(
        `January to December 2025, saved \\d{4}-\\d{2}-\\d{2} \\(${first.id.slice(0, 12)}\\); since then police\\.uk's street records for June 2025 were imported again, so its figures may have moved`,
        'u',
      ),
    );
  });

  it('assess list names the months imported again since each assessment was saved', async () => {
    const later = await runJson<Assessed>([
      'assess',
      '--area',
      'Three Rivers',
      '--period',
      '2025-04..2026-03',
      '--allow-partial',
      '--db',
      db,
    ]);
    expect(later.code, later.stderr).toBe(0);
    const listed = await runJson<{ id: string; revisedSince: unknown[] }[]>([
      'assess',
      'list',
      '--db',
      db,
    ]);
    expect(listed.json.find((s) => s.id === first.id)!.revisedSince).toEqual([
      { dataset: 'police-street', months: ['2025-06'] },
    ]);
    expect(listed.json.find((s) => s.id === later.json.id)!.revisedSince).toEqual([]);
    // The same on a machine whose zone is ahead of UTC (DuckDB takes the machine's zone): the
    // saved time, written in UTC, was read in that zone, 13 hours earlier, before the import.
    const saved = listed.json.find((s) => s.id === later.json.id) as unknown as {
      savedAt: string;
    };
    const store = await openStore(db);
    try {
      await store.set('TimeZone', 'Pacific/Auckland');
      const revised = await monthsRevisedSince(store, {
        areaCode: 'E07000102',
        force: 'hertfordshire',
        periodFrom: '2025-04',
        periodTo: '2026-03',
        savedAt: saved.savedAt,
      });
      expect(revised).toEqual([]);
      // And saved as UTC in that zone too (it was written in the machine's zone: 13 hours on).
      await saveAssessment(store, {
        id: 'zone-check',
        areaCode: 'E07000102',
        areaName: 'Three Rivers',
        periodFrom: '2025-01',
        periodTo: '2025-12',
        inputsFile: null,
        inputsText: null,
        configFile: 'risk-matrix.yaml',
        configSha256: '',
        lanternVersion: 'test',
        result: '{}',
      });
      const zone = (await listAssessments(store)).find((a) => a.id === 'zone-check')!;
      const lag = Date.now() - Date.parse(`${zone.savedAt.replace(' ', 'T')}Z`);
      expect(Math.abs(lag)).toBeLessThan(10 * 60_000);
    } finally {
      store.close();
    }
    const text = await run(['assess', 'list', '--db', db]);
    expect(text.stdout).toMatch(new RegExp(`${first.id}.*police-street 2025-06`, 'u'));
    expect(text.stdout).toContain('Months imported again since an assessment was saved');
  });
});

describe('the note on records changed since a saved assessment', () => {
  const saved = {
    areaCode: 'E07000102',
    periodFrom: '2025-04',
    periodTo: '2026-03',
  } as unknown as Parameters<typeof revisedSince>[0];
  const now = (held: number) =>
    ({
      area: { code: 'E07000102' },
      period: { from: '2025-04', to: '2026-03' },
      coverage: { months: 12, held, partial: held < 12, words: null },
    }) as unknown as Parameters<typeof revisedSince>[2];
  const moves = [
    { key: 'burglary', label: 'Burglary', recorded: { then: 300, now: 340 } },
  ] as unknown as Parameters<typeof revisedSince>[3];
  const coverage = (held: number) => ({ months: 12, held, partial: held < 12, words: null });

  it('calls the moves revised figures only when the months held are those held then', () => {
    expect(revisedSince(saved, coverage(9), now(9), moves).join(' ')).toContain(
      'what moved comes from revised figures, not from new months: Burglary 300 → 340',
    );
  });

  it('does not, when a month was imported since (an assessment saved with months missing)', () => {
    const note = revisedSince(saved, coverage(9), now(10), moves).join(' ');
    expect(note).not.toContain('revised figures');
    expect(note).toContain('9 of its 12 months held then, 10 now');
    expect(note).toContain('Burglary 300 → 340');
  });
});
