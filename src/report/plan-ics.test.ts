/**
 * The calendar of due dates holds to RFC 5545. No iCalendar library is among the project's
 * dependencies, so this file parses the output as the RFC says a reader must (unfold lines,
 * split name, parameters and value, unescape TEXT) and checks what Outlook and Google Calendar
 * refuse a file for: line ends, line length in octets, nesting, the properties required in a
 * calendar and an event, and value formats.
 */
import { describe, expect, it } from 'vitest';

import type { ActionRecord, PlanRecord } from '../domain/plan/plan-types.js';
import { viewAction, type PlanView } from '../domain/plan/plan-view.js';
import { foldLine, icsText, planIcs } from './plan-ics.js';

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  props: Prop[];
  children: Component[];
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/gu, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A strict reader of the RFC 5545 subset: throws on anything a conforming reader would reject. */
function parseIcs(text: string): Component {
  if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  if (/(?<!\r)\n|\r(?!\n)/u.test(text))
    throw new Error('a line ends with something other than CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical)
    if (new TextEncoder().encode(line).length > 75) throw new Error(`line over 75 octets: ${line}`);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('a continuation line comes first');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const line of logical) {
    const m =
      /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/u.exec(
        line,
      );
    if (!m) throw new Error(`not a content line: ${line}`);
    const [, name, rawParams, value] = m as unknown as [string, string, string, string];
    const params: Record<string, string> = {};
    for (const p of rawParams.split(';').slice(1)) {
      const [k, v] = p.split('=') as [string, string];
      params[k.toUpperCase()] = v;
    }
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const c: Component = { name: value, props: [], children: [] };
      top.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else top.props.push({ name: name.toUpperCase(), params, value });
  }
  if (stack.length !== 1) throw new Error('a component is not closed');
  const root = stack[0]!;
  if (root.children.length !== 1 || root.children[0]!.name !== 'VCALENDAR')
    throw new Error('the file is not one VCALENDAR');
  return root.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);

const plan: PlanRecord = {
  id: 1,
  partnership: 'Three Rivers CSP',
  year: '2025-26',
  areaCode: 'E07000102',
  areaName: 'Three Rivers',
  assessmentId: null,
  createdAt: '2025-04-01T09:00:00Z',
  createdBy: 'Sam',
  version: 1,
};

function action(id: number, over: Partial<ActionRecord>): ActionRecord {
  return {
    id,
    partnership: plan.partnership,
    planId: 1,
    priorityId: 1,
    objectiveId: null,
    meetingId: null,
    groupId: null,
    title: 'Action',
    description: null,
    owner: 'Community Safety Officer',
    organisation: 'Three Rivers District Council',
    startDate: '2025-11-12',
    dueDate: '2026-01-31',
    status: 'in-progress',
    progress: 20,
    ragOverride: null,
    ragReason: null,
    links: [],
    public: false,
    carriedFrom: null,
    createdAt: '2025-11-12T10:00:00Z',
    createdBy: 'Sam',
    updatedAt: '2025-11-12T10:00:00Z',
    updatedBy: 'Sam',
    version: 1,
    ...over,
  };
}

const priorities = [
  { id: 1, planId: 1, key: 'hate-crime', label: 'Hate crime', band: 'Medium', rank: 9, version: 1 },
];
const today = '2026-01-20';
const actions = [
  action(1, {
    title: 'Shivani Davé to provide the link to the Hate crime JSNA; circulate, with notes, to all',
    description: 'First line\nSecond line with a backslash \\ and "quotes"',
    links: [
      'https://www.hertfordshire.gov.uk/microsites/jsna/jsna-documents.aspx?searchInput=Hate%20crime&page=1',
    ],
  }),
  action(2, { title: 'No due date', dueDate: null }),
  action(3, { title: 'Dropped', status: 'cancelled', dueDate: '2026-03-31' }),
];
const view: PlanView = {
  plan,
  basis: null,
  today,
  priorities: priorities.map((p) => ({ ...p, objectives: [] })),
  actions: actions.map((a) => viewAction(a, today, priorities, [])),
  updates: [],
  counts: { red: 0, amber: 0, green: 0, blue: 0, grey: 0 },
};

describe('the plan as an iCalendar file', () => {
  const text = planIcs(view, view.actions, new Date('2026-01-20T08:30:00Z'));
  const calendar = parseIcs(text);
  const events = calendar.children.filter((c) => c.name === 'VEVENT');

  it('is one valid VCALENDAR with VERSION and PRODID', () => {
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')?.value).toMatch(/^-\/\/Lantern\/\//u);
  });

  it('holds one all-day event for each action with a due date, none for one without', () => {
    expect(events).toHaveLength(2);
    const [first, cancelled] = events as [Component, Component];
    for (const e of events) {
      expect(prop(e, 'UID')?.value).toMatch(
        /^lantern-plan-2025-26-[0-9a-f]{14}-action-\d+@lantern$/u,
      );
      expect(prop(e, 'DTSTAMP')?.value).toBe('20260120T083000Z');
    }
    expect(prop(first, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { VALUE: 'DATE' },
      value: '20260131',
    });
    expect(prop(first, 'DTEND')?.value).toBe('20260201');
    expect(prop(cancelled, 'DTEND')?.value).toBe('20260401');
    expect(prop(cancelled, 'STATUS')?.value).toBe('CANCELLED');
    expect(new Set(events.map((e) => prop(e, 'UID')?.value)).size).toBe(2);
  });

  it('gives back the text it was given, with commas, semicolons, line ends and accents', () => {
    const first = events[0]!;
    expect(unescapeText(prop(first, 'SUMMARY')!.value)).toBe(
      'Due: Shivani Davé to provide the link to the Hate crime JSNA; circulate, with notes, to all (action 1)',
    );
    const description = unescapeText(prop(first, 'DESCRIPTION')!.value);
    expect(description).toContain('First line\nSecond line with a backslash \\ and "quotes"');
    expect(description).toContain(
      'Evidence: https://www.hertfordshire.gov.uk/microsites/jsna/jsna-documents.aspx?searchInput=Hate%20crime&page=1',
    );
    expect(unescapeText(prop(first, 'CATEGORIES')!.value)).toBe('Hate crime');
  });
});

describe('folding and escaping', () => {
  it('folds at 75 octets without splitting a character, and unfolds to the same line', () => {
    const line = `SUMMARY:${'é'.repeat(100)}x${'😀'.repeat(30)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('escapes backslash, semicolon, comma and line ends, and drops control characters', () => {
    expect(icsText('a\\b;c,d\r\ne\u0007')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
