/**
 * Two partnerships' calendars of due dates, each from its own store, imported into one calendar
 * (a police partner's Outlook): each event's UID is its own. Each store numbers its plans and
 * actions from 1, and the UID was "lantern-plan-1-action-1@lantern" in both, so one partnership's
 * events replaced the other's (RFC 5545 3.8.4.7: a UID is unique everywhere). The same plan
 * exported again keeps its UIDs, so the calendar updates its events instead of adding copies.
 * (QA of the outputs as other programs read them, fault 3.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';

import { demoStoreCopy } from './helpers/demo-store.js';
import { run } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** The UIDs of a plan's calendar: the partnership's plan for 2025-26 with one action. */
async function calendarUids(area: string, partnership: string, out: string): Promise<string[]> {
  const db = demoStoreCopy(dir.path, `${area.replaceAll(' ', '')}.duckdb`);
  const D = ['--db', db];
  const steps = [
    ['assess', '--area', area, '--period', '2025'],
    [
      'plan',
      'create',
      '--partnership',
      partnership,
      '--year',
      '2025-26',
      '--from-assessment',
      'latest',
    ],
    [
      'plan',
      'action',
      'add',
      '--priority',
      'burglary',
      '--title',
      `Visits in ${area}`,
      '--owner',
      'CSO',
      '--due',
      '2026-01-31',
    ],
  ];
  for (const args of steps) {
    const r = await run([...args, ...D]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  const uids: string[] = [];
  for (const file of [`${out}-1.ics`, `${out}-2.ics`]) {
    const path = join(dir.path, file);
    const r = await run(['plan', 'report', '--format', 'ics', '--out', path, ...D]);
    expect(r.code, r.stderr).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
    uids.push(
      ...calendar.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid'))),
    );
  }
  return uids;
}

describe("the plan's calendar of due dates", () => {
  it("gives each partnership's events their own UIDs, the same at each export", async () => {
    const threeRivers = await calendarUids('Three Rivers', 'Three Rivers CSP', 'three-rivers');
    const watford = await calendarUids('Watford', 'Watford CSP', 'watford');
    expect(threeRivers).toHaveLength(2);
    expect(watford).toHaveLength(2);
    // Exported twice, the same event keeps its UID.
    expect(threeRivers[0]).toBe(threeRivers[1]);
    expect(watford[0]).toBe(watford[1]);
    // Two partnerships, each its plan 1 and action 1: two events, not one.
    expect(threeRivers[0]).not.toBe(watford[0]);
  });
});
