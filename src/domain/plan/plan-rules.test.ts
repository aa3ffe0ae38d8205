import { describe, expect, it } from 'vitest';

import type { Actor, User } from '../access.js';
import { checkProgress, parseActionStatus } from './action-status.js';
import { conflictMessage, describeChanges } from './changes.js';
import { checkEvidenceLink } from './evidence-link.js';
import { planEditRefusal } from './plan-edit-rights.js';
import { nextPlanYear, parsePlanYear, planYearOf } from './plan-year.js';

describe('plan years', () => {
  it('reads 2025-26 in the ways partnerships write it, April to March', () => {
    for (const text of ['2025-26', '2025/26', '2025-2026', ' 2025 – 26 '])
      expect(parsePlanYear(text)).toEqual({
        label: '2025-26',
        start: '2025-04-01',
        end: '2026-03-31',
      });
    expect(parsePlanYear('1999-00').label).toBe('1999-00');
    expect(nextPlanYear(parsePlanYear('2025-26')).label).toBe('2026-27');
  });

  it('refuses a year that is not two consecutive years', () => {
    for (const text of ['2025', '2025-27', '2025-2027', 'next year', '2026-25'])
      expect(() => parsePlanYear(text), text).toThrow(/is not a plan year: write it as 2025-26/u);
  });

  it('places a day in its plan year: 31 March in the year before, 1 April in the next', () => {
    expect(planYearOf('2026-03-31').label).toBe('2025-26');
    expect(planYearOf('2026-04-01').label).toBe('2026-27');
    expect(planYearOf('2025-11-12').label).toBe('2025-26');
  });
});

describe('statuses and progress', () => {
  it('reads statuses loosely and refuses others by listing them', () => {
    expect(parseActionStatus('In progress')).toBe('in-progress');
    expect(parseActionStatus('on_hold')).toBe('on-hold');
    expect(() => parseActionStatus('done')).toThrow(
      /not-started, in-progress, on-hold, complete, cancelled/u,
    );
  });

  it('keeps progress a whole percentage, and complete at 100%', () => {
    expect(() => checkProgress(101, 'in-progress')).toThrow(/from 0 to 100/u);
    expect(() => checkProgress(2.5, 'in-progress')).toThrow(/whole percentage/u);
    expect(() => checkProgress(90, 'complete')).toThrow(/complete action is 100% done/u);
    expect(() => checkProgress(100, 'complete')).not.toThrow();
  });
});

describe('evidence links', () => {
  it('keeps a dashboard view (a path from the root) and http(s) addresses', () => {
    expect(checkEvidenceLink('/trends?area=E07000102&category=burglary')).toBe(
      '/trends?area=E07000102&category=burglary',
    );
    expect(
      checkEvidenceLink(
        'https://www.hertfordshire.gov.uk/microsites/jsna/jsna-documents.aspx?searchInput=Hate%20crime',
      ),
    ).toBe(
      'https://www.hertfordshire.gov.uk/microsites/jsna/jsna-documents.aspx?searchInput=Hate%20crime',
    );
  });

  it('refuses what could do harm or lead elsewhere when clicked', () => {
    for (const bad of [
      'javascript:alert(1)',
      '//evil.example/x',
      '/\\evil.example',
      'file:///etc/passwd',
      'trends?area=x',
      'data:text/html,hi',
      'https://',
      '/trends with space',
    ])
      expect(() => checkEvidenceLink(bad), bad).toThrow(/is not a link Lantern keeps/u);
  });
});

const user = (role: User['role'], organisation: string | null = 'Three Rivers DC'): Actor => ({
  name: `${role}-user`,
  user: { id: role, name: `${role}-user`, email: `${role}@x`, organisation, role, disabled: false },
});

describe('who may change the plan', () => {
  it('lets the local owner, admins and analysts change anything', () => {
    expect(planEditRefusal({ name: 'local:me', user: null }, 'plan')).toBeNull();
    expect(planEditRefusal(user('admin'), 'plan')).toBeNull();
    expect(planEditRefusal(user('analyst'), 'action', 'Police')).toBeNull();
  });

  it("lets a partner change only their own organisation's actions, and never the plan", () => {
    expect(planEditRefusal(user('partner'), 'action', 'Three Rivers DC')).toBeNull();
    // As people type it: case and spacing aside, the same organisation.
    expect(planEditRefusal(user('partner'), 'action', 'three rivers  dc')).toBeNull();
    expect(planEditRefusal(user('partner'), 'action', ' Three Rivers DC ')).toBeNull();
    expect(planEditRefusal(user('partner'), 'action', 'Hertfordshire Constabulary')).toMatch(
      /only their own organisation's/u,
    );
    expect(planEditRefusal(user('partner', null), 'action', null)).toMatch(/only their own/u);
    expect(planEditRefusal(user('partner'), 'plan')).toMatch(
      /a partner may not change the action plan/u,
    );
  });

  it('lets a viewer or a disabled user change nothing', () => {
    expect(planEditRefusal(user('viewer'), 'action', 'Three Rivers DC')).toMatch(
      /a viewer may not/u,
    );
    const disabled = user('admin');
    disabled.user!.disabled = true;
    expect(planEditRefusal(disabled, 'plan')).toMatch(/disabled/u);
  });
});

describe('changes and conflicts in words', () => {
  it('lists the fields changed, in words, ignoring the version', () => {
    expect(
      describeChanges(
        { status: 'in-progress', progress: 40, version: 2, ragOverride: null },
        { status: 'complete', progress: 100, version: 3, ragOverride: null },
      ),
    ).toBe('status in-progress → complete; progress 40 → 100');
    expect(describeChanges(null, { a: 1 })).toBe('created');
    expect(describeChanges({ ragOverride: null }, { ragOverride: 'amber' })).toBe(
      'RAG set by hand – → amber',
    );
  });

  it('says who changed the record, when, what, and the version to retry from', () => {
    const text = conflictMessage(
      'Action 4 ("Visits")',
      2,
      3,
      [
        {
          seq: 9,
          at: '2026-01-20T10:15:00Z',
          author: 'Sam',
          entity: 'action',
          entityId: 4,
          version: 3,
          change: '',
          before: { progress: 40 },
          after: { progress: 60 },
        },
      ],
      '--expect-version',
    );
    expect(text).toContain(
      'Action 4 ("Visits") was changed since you read it (you read version 2; it is now version 3)',
    );
    expect(text).toContain('version 3: Sam at 2026-01-20 10:15 UTC: progress 40 → 60');
    expect(text).toContain('repeat it with --expect-version 3');
  });
});
