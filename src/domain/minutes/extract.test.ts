import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { extractActions, extractMinutes } from './extract.js';

interface Expected {
  title: string;
  owner: string | null;
  due?: string | null;
  dueText?: string | null;
  rule: string;
}

/** Realistic wordings from partnership minutes: what each should yield (none for negatives). */
const CASES: { name: string; text: string; meetingDate?: string; want: Expected[] }[] = [
  {
    name: 'Action with an en dash',
    text: 'Action – Shivani Davé to provide the link to the Hate crime JSNA.',
    want: [
      {
        title: 'Shivani Davé to provide the link to the Hate crime JSNA',
        owner: 'Shivani Davé',
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'Action with a hyphen and a due date without a year',
    text: 'Action - JW to circulate the slides to members by 31 January.',
    meetingDate: '2025-11-12',
    want: [
      {
        title: 'JW to circulate the slides to members by 31 January',
        owner: 'JW',
        due: '2026-01-31',
        dueText: 'by 31 January',
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'ACTION: in capitals with no owner',
    text: 'ACTION: Circulate the updated terms of reference to all members.',
    want: [
      {
        title: 'Circulate the updated terms of reference to all members',
        owner: null,
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'Action: NAME with a numeric date',
    text: 'Action: Karen Watkin to arrange a session for volunteers on domestic abuse data by 31/01/2026.',
    want: [
      {
        title:
          'Karen Watkin to arrange a session for volunteers on domestic abuse data by 31/01/2026',
        owner: 'Karen Watkin',
        due: '2026-01-31',
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'Action: a role as owner, by the end of a month with its year',
    text: 'Action: Community Safety Officer to share the ASB hotspot map with the neighbourhood team by end of March 2026.',
    want: [
      {
        title:
          'Community Safety Officer to share the ASB hotspot map with the neighbourhood team by end of March 2026',
        owner: 'Community Safety Officer',
        due: '2026-03-31',
        dueText: 'by end of March 2026',
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'Action point with a number and the owner in brackets',
    text: 'Action point 3: Update the risk register before the next meeting (Partnerships and Inclusion Manager)',
    want: [
      {
        title:
          'Update the risk register before the next meeting (Partnerships and Inclusion Manager)',
        owner: 'Partnerships and Inclusion Manager',
        due: null,
        dueText: 'before the next meeting',
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'by the next meeting, resolved from the stated next meeting',
    text: [
      'Date: 12 November 2025',
      '',
      'Action – Andrew Palfreyman to confirm the CCTV assessment for the fly-tipping site by the next meeting.',
      '',
      'Date of next meeting: 11 February 2026',
    ].join('\n'),
    want: [
      {
        title:
          'Andrew Palfreyman to confirm the CCTV assessment for the fly-tipping site by the next meeting',
        owner: 'Andrew Palfreyman',
        due: '2026-02-11',
        dueText: 'by the next meeting',
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'Markdown bold label in a bullet',
    text: '- **Action:** Michael Nadasdy to send the CCSU Strategic Assessment and infographic to members.',
    want: [
      {
        title: 'Michael Nadasdy to send the CCSU Strategic Assessment and infographic to members',
        owner: 'Michael Nadasdy',
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'An owner named after the sentence ("Action: JW")',
    text: 'It was agreed that the draft action plan would be circulated for comment. Action: JW',
    want: [
      {
        title: 'It was agreed that the draft action plan would be circulated for comment',
        owner: 'JW',
        rule: 'action-owner-after',
      },
    ],
  },
  {
    name: 'An "Actions" heading with a bulleted list',
    meetingDate: '2025-11-12',
    text: [
      '## Actions',
      '',
      '- Rebecca Young to invite Jemma Duffell to the next ASBAG meeting',
      '- Circulate the PREVENT referral guidance – Community Safety & Safeguarding Manager',
      '- JW/KP: book the venue for the community safety conference by Friday',
      '',
      '## Any other business',
      '',
      'None.',
    ].join('\n'),
    want: [
      {
        title: 'Rebecca Young to invite Jemma Duffell to the next ASBAG meeting',
        owner: 'Rebecca Young',
        rule: 'actions-list',
      },
      {
        title: 'Circulate the PREVENT referral guidance – Community Safety & Safeguarding Manager',
        owner: 'Community Safety & Safeguarding Manager',
        rule: 'actions-list',
      },
      {
        title: 'JW/KP: book the venue for the community safety conference by Friday',
        owner: 'JW/KP',
        due: '2025-11-14',
        dueText: 'by Friday',
        rule: 'actions-list',
      },
    ],
  },
  {
    name: 'A plain "Actions:" line followed by numbered items in a text file',
    text: [
      'Actions:',
      '1. Herts Police to provide ward-level ASB figures for Q3',
      '2. All partners to send comments on the draft plan to the Chair within two weeks',
    ].join('\n'),
    meetingDate: '2025-11-12',
    want: [
      {
        title: 'Herts Police to provide ward-level ASB figures for Q3',
        owner: 'Herts Police',
        rule: 'actions-list',
      },
      {
        title: 'All partners to send comments on the draft plan to the Chair within two weeks',
        owner: 'All partners',
        due: '2025-11-26',
        dueText: 'within two weeks',
        rule: 'actions-list',
      },
    ],
  },
  {
    name: 'NAME to VERB in the discussion',
    text: 'Elizabeth Borg to share the adult community learning PREVENT materials with the group.',
    want: [
      {
        title:
          'Elizabeth Borg to share the adult community learning PREVENT materials with the group',
        owner: 'Elizabeth Borg',
        rule: 'owner-to-verb',
      },
    ],
  },
  {
    name: 'The role to VERB, after other sentences in the paragraph',
    text: 'Fly-tipping at the Maple Cross lay-by was discussed. The Community Safety Officer to update the group on enforcement by 15th December 2025.',
    want: [
      {
        title:
          'The Community Safety Officer to update the group on enforcement by 15th December 2025',
        owner: 'The Community Safety Officer',
        due: '2025-12-15',
        rule: 'owner-to-verb',
      },
    ],
  },
  {
    name: 'A table of actions',
    meetingDate: '2025-11-12',
    text: [
      '| No. | Action | Owner | Due |',
      '| --- | --- | --- | --- |',
      '| 1 | Provide the hate crime JSNA link | Shivani Davé | 19/11/2025 |',
      '| 2 | Arrange volunteer training on DA data | Karen Watkin | end of January |',
      '| 3 | Confirm CCTV feasibility | Andrew Palfreyman | TBC |',
    ].join('\n'),
    want: [
      {
        title: 'Provide the hate crime JSNA link',
        owner: 'Shivani Davé',
        due: '2025-11-19',
        rule: 'action-table',
      },
      {
        title: 'Arrange volunteer training on DA data',
        owner: 'Karen Watkin',
        due: '2026-01-31',
        rule: 'action-table',
      },
      {
        title: 'Confirm CCTV feasibility',
        owner: 'Andrew Palfreyman',
        due: null,
        rule: 'action-table',
      },
    ],
  },
  {
    name: 'NAME agreed to VERB, proposed with low confidence',
    text: 'Andrew Palfreyman agreed to arrange a briefing from the detective inspector for volunteers.',
    want: [
      {
        title:
          'Andrew Palfreyman agreed to arrange a briefing from the detective inspector for volunteers',
        owner: 'Andrew Palfreyman',
        rule: 'owner-agreed-to',
      },
    ],
  },
  {
    name: 'Initials with a Dr and an apostrophe',
    text: "ACTION – Dr O'Neill to write to the PCC's office about the violence against women and girls funding.",
    want: [
      {
        title:
          "Dr O'Neill to write to the PCC's office about the violence against women and girls funding",
        owner: "Dr O'Neill",
        rule: 'action-label',
      },
    ],
  },
  {
    name: 'Two labelled actions in one paragraph',
    text: 'Action – JW to circulate the minutes. Action – KP to book the room for February.',
    want: [
      { title: 'JW to circulate the minutes', owner: 'JW', rule: 'action-label' },
      { title: 'KP to book the room for February', owner: 'KP', rule: 'action-label' },
    ],
  },
  {
    name: 'Earlier actions reviewed under "Actions from the last meeting" give nothing new',
    text: [
      'Actions from the last meeting',
      '',
      '- JW to circulate the slides – complete',
      '- KP to book the venue – done',
      '',
      'Local Crime Trends and Strategic Priorities',
      '',
      'Action – KP to send the venue details to all members.',
    ].join('\n'),
    want: [
      { title: 'KP to send the venue details to all members', owner: 'KP', rule: 'action-label' },
    ],
  },
  {
    name: 'Actions arising with the owner and date after dashes',
    meetingDate: '2025-11-12',
    text: [
      'Actions arising:',
      '• Circulate the slides – JW – 31/01/2026',
      '• Book the room for the February meeting (KP)',
      '',
      '5. Any other business',
      'The Chair thanked everyone for attending.',
    ].join('\n'),
    want: [
      {
        title: 'Circulate the slides – JW – 31/01/2026',
        owner: 'JW',
        due: '2026-01-31',
        rule: 'actions-list',
      },
      { title: 'Book the room for the February meeting (KP)', owner: 'KP', rule: 'actions-list' },
    ],
  },
  {
    name: 'An action log table: a row marked complete is not proposed again',
    text: [
      '| Ref | Action | Owner | Deadline | Status |',
      '|---|---|---|---|---|',
      '| 12 | Share ASB data with housing | JW | 30/11/2025 | Complete |',
      '| 13 | Confirm funding for the CCTV camera | Hertfordshire County Council | 31 March 2026 | Open |',
    ].join('\n'),
    want: [
      {
        title: 'Confirm funding for the CCTV camera',
        owner: 'Hertfordshire County Council',
        due: '2026-03-31',
        rule: 'action-table',
      },
    ],
  },
  {
    name: 'A councillor and a group named for an action group, in a month',
    meetingDate: '2025-11-12',
    text: 'Cllr Smith to raise the issue at full Council. The ASB Action Group to review its terms of reference in April 2026.',
    want: [
      {
        title: 'Cllr Smith to raise the issue at full Council',
        owner: 'Cllr Smith',
        rule: 'owner-to-verb',
      },
      {
        title: 'The ASB Action Group to review its terms of reference in April 2026',
        owner: 'The ASB Action Group',
        due: '2026-04-30',
        dueText: 'in April 2026',
        rule: 'owner-to-verb',
      },
    ],
  },
  // Negatives: sentences that mention actions without assigning one.
  { name: 'the action plan was discussed', text: 'The action plan was discussed.', want: [] },
  {
    name: 'actions from the last meeting were reviewed',
    text: 'Actions from the last meeting were reviewed and all were complete.',
    want: [],
  },
  { name: 'no actions', text: 'No actions.', want: [] },
  { name: 'Action: none', text: 'Action: None', want: [] },
  {
    name: 'it was agreed that action is needed',
    text: 'It was agreed that action is needed on fly-tipping in the district.',
    want: [],
  },
  {
    name: 'the annual action plan in the real minutes',
    text: "The Community Safety & Safeguarding Manager elaborated on the Community Safety Coordinating Group's role in creating the annual action plan.",
    want: [],
  },
  {
    name: 'a subject that is no owner ("Plans to share …")',
    text: 'Plans to share data across partners were welcomed by the group.',
    want: [],
  },
  {
    name: 'Action Plan as a heading with text',
    text: 'Action Plan 2025-26 – the draft was noted and comments invited.',
    want: [],
  },
  {
    name: 'a commitment without an owner "to" a verb',
    text: 'Andrew Palfreyman responded positively, indicating that they are committed to taking action against such offences.',
    want: [],
  },
  {
    name: 'Action taken by the police, reported',
    text: 'Action taken: the police closed the road for two hours.',
    want: [],
  },
  {
    name: 'Due to … is no owner',
    text: 'Due to update delays, the figures will follow.',
    want: [],
  },
  {
    name: 'an "Actions" heading with "None" under it',
    text: ['Actions', '', 'None.'].join('\n'),
    want: [],
  },
  {
    name: 'Action Fraud reporting, not assigned',
    text: 'Action Fraud reported a rise in courier fraud in Three Rivers.',
    want: [],
  },
  { name: 'Actions: see below', text: 'Actions: see below', want: [] },
  { name: 'Action: ongoing', text: 'Action: Ongoing', want: [] },
  {
    name: 'an earlier action in matters arising',
    text: ['Matters arising', 'JW circulated the slides.', 'KP to book the room – ongoing'].join(
      '\n',
    ),
    want: [],
  },
];

describe('extractActions on realistic wordings', () => {
  it('has at least 25 cases, at least 8 of them negatives', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(CASES.filter((c) => c.want.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each(CASES)('$name', ({ text, meetingDate, want }) => {
    const got = extractActions(text, { meetingDate: meetingDate ?? null });
    expect(
      got.map((p) => {
        const out: Record<string, unknown> = { title: p.title, owner: p.owner, rule: p.rule };
        return out;
      }),
    ).toEqual(want.map((w) => ({ title: w.title, owner: w.owner, rule: w.rule })));
    want.forEach((w, i) => {
      if (w.due !== undefined) expect(got[i]?.due).toBe(w.due);
      if (w.dueText !== undefined) expect(got[i]?.dueText).toBe(w.dueText);
    });
  });
});

describe('extractActions on the real minutes (Three Rivers CSP)', () => {
  const text = readFileSync(
    new URL('../../../test/fixtures/minutes/minutes.txt', import.meta.url),
    'utf8',
  );

  it('finds the one action they assign, with its owner, rule and line', () => {
    const got = extractActions(text, { meetingDate: '2025-11-12' });
    expect(got).toEqual([
      {
        number: 1,
        title: 'Shivani Davé to provide the link to the Hate crime JSNA',
        owner: 'Shivani Davé',
        due: null,
        dueText: null,
        rule: 'action-label',
        confidence: 'high',
        reason: 'starts "Action –" and names Shivani Davé as owner',
        source: {
          line: 39,
          paragraph: 12,
          text: 'Action – Shivani Davé to provide the link to the Hate crime JSNA.',
        },
      },
    ]);
  });
});

describe('extractMinutes: the meeting details', () => {
  it('reads the date, those present, apologies and the next meeting', () => {
    const text = [
      'Three Rivers Community Safety Coordinating Group',
      'Minutes of the meeting held on Wednesday 12 November 2025 at Three Rivers House',
      '',
      'Present: Andrew Palfreyman (Herts Police), Michael Nadasdy, Karen Watkin; Rebecca Young',
      'Apologies:',
      '- Elizabeth Borg',
      '- Shivani Davé',
      '',
      'Action – JW to circulate the slides by Friday.',
      '',
      'Date of next meeting: Wednesday 11 February 2026',
    ].join('\n');
    const got = extractMinutes(text);
    expect(got.meeting).toEqual({
      date: '2025-11-12',
      attendees: [
        'Andrew Palfreyman (Herts Police)',
        'Michael Nadasdy',
        'Karen Watkin',
        'Rebecca Young',
      ],
      apologies: ['Elizabeth Borg', 'Shivani Davé'],
      nextMeeting: '2026-02-11',
    });
    // "by Friday" resolves from the meeting's date the minutes give: Wednesday → Friday.
    expect(got.proposals.map((p) => p.due)).toEqual(['2025-11-14']);
  });

  it('leaves a due date without a year unresolved when no meeting date is known', () => {
    const [p] = extractActions('Action – JW to circulate the slides by 31 January.');
    expect(p?.due).toBeNull();
    expect(p?.dueText).toBe('by 31 January');
  });
});

describe('extractActions: deadlines no rule resolves to one day keep their wording', () => {
  const text = readFileSync(
    new URL('../../../test/fixtures/minutes/relative-dues-2026-01.txt', import.meta.url),
    'utf8',
  );

  it('resolves what names one day from the meeting of 29 January 2026, and keeps the rest as worded, with no date', () => {
    const got = extractMinutes(text).proposals.map((p) => [p.dueText, p.due]);
    expect(got).toEqual([
      ['by next month', null],
      ['by the end of Q3', null],
      ['by 31 April', null],
      ['by the end of next month', '2026-02-28'],
      ['by mid-February', null],
      ['tomorrow', '2026-01-30'],
      ['before Christmas', null],
      ['w/c 9 February', null],
      ['on the 1st of next month', '2026-02-01'],
      ['End of Q3', null],
    ]);
  });

  it('takes no means or agent for a deadline ("by phone", "by the police")', () => {
    const got = extractActions(
      'Action – JW to contact the residents by phone. Action – KP to have the report checked by the police.',
      { meetingDate: '2026-01-29' },
    );
    expect(got.map((p) => p.dueText)).toEqual([null, null]);
  });
});

describe('extractActions: a day that does not exist, or a wrong weekday, gives no date and says why', () => {
  const due = (text: string, meetingDate: string) => {
    const [p] = extractActions(`Action – JW to send the figures ${text}.`, { meetingDate });
    return [p?.due, p?.dueText, p?.dueNote];
  };

  it('does not jump to the next leap year for "by 29 February"', () => {
    expect(due('by 29 February', '2026-03-26')).toEqual([
      null,
      'by 29 February',
      '2027 has no 29 February',
    ]);
    expect(due('by 29 February', '2026-10-29')).toEqual([
      null,
      'by 29 February',
      '2027 has no 29 February',
    ]);
    expect(due('by 29 February', '2027-11-02')).toEqual([
      '2028-02-29',
      'by 29 February',
      undefined,
    ]);
  });

  it('says a month has fewer days, and a weekday that is not the date’s', () => {
    expect(due('by 31 April', '2026-01-29')).toEqual([null, 'by 31 April', 'April has 30 days']);
    expect(due('by 31 April 2026', '2026-01-29')).toEqual([
      null,
      'by 31 April 2026',
      'April 2026 has 30 days',
    ]);
    expect(due('by Tuesday 2 February', '2026-01-10')).toEqual([
      null,
      'by Tuesday 2 February',
      '2 February 2026 is a Monday, not a Tuesday',
    ]);
    expect(due('by Monday 2 February', '2026-01-10')).toEqual([
      '2026-02-02',
      'by Monday 2 February',
      undefined,
    ]);
  });

  it('says so of a date written in figures too, and of one written month first', () => {
    expect(due('by 31/04/2027', '2027-03-19')).toEqual([
      null,
      'by 31/04/2027',
      'April 2027 has 30 days',
    ]);
    expect(due('by 2027-02-29', '2027-01-19')).toEqual([
      null,
      'by 2027-02-29',
      '2027 has no 29 February',
    ]);
    expect(due('by 29.02.27', '2027-01-19')).toEqual([
      null,
      'by 29.02.27',
      '2027 has no 29 February',
    ]);
    expect(due('by 12/31/2027', '2027-03-19')).toEqual([
      null,
      'by 12/31/2027',
      '31 is not a month: dates are read day first (31/12/2027)',
    ]);
    expect(due('by 29/02/2028', '2027-03-19')).toEqual(['2028-02-29', 'by 29/02/2028', undefined]);
  });
});

describe("extractMinutes: the meeting's date", () => {
  const dateOf = (...lines: string[]) => extractMinutes(lines.join('\n')).meeting.date;

  it('takes the title line, never the previous meeting the minutes agree', () => {
    const text = readFileSync(
      new URL('../../../test/fixtures/minutes/title-date-2025-03.txt', import.meta.url),
      'utf8',
    );
    const got = extractMinutes(text);
    expect(got.meeting.date).toBe('2025-03-12');
    // "within two weeks" of 12 March 2025, not of 11 December 2024.
    expect(got.proposals[0]).toMatchObject({ dueText: 'within two weeks', due: '2025-03-26' });
  });

  it('prefers a Date: line, and reads a held-on line up to any mention of another meeting', () => {
    expect(
      dateOf('Safer Three Rivers minutes – 3 March 2025 (draft)', 'Date: Wednesday 12 March 2025'),
    ).toBe('2025-03-12');
    expect(
      dateOf(
        'CSCG',
        'Minutes of the meeting held on 12 November 2025 (last meeting 10 September 2025)',
      ),
    ).toBe('2025-11-12');
    expect(
      dateOf('CSCG', 'The minutes of the last meeting held on 10 September 2025 were agreed.'),
    ).toBeNull();
  });
});

describe("extractMinutes: an owner's organisation from those present", () => {
  it('takes the organisation the Present list gives beside the same name, accents and case aside', () => {
    const text = readFileSync(
      new URL('../../../test/fixtures/minutes/relative-dues-2026-01.txt', import.meta.url),
      'utf8',
    ).replace('Andrew Palfreyman (Herts Police)', 'andrew palfreyman (Herts Police), Zoë Brontë');
    const got = extractMinutes(text).proposals;
    expect(got[1]).toMatchObject({ owner: 'Andrew Palfreyman', organisation: 'Herts Police' });
    expect(got[0]).toMatchObject({
      owner: 'Rebecca Young',
      organisation: 'Three Rivers District Council',
    });
    const none = extractActions('Action – Zoë Brontë to book the hall by 31 January.', {
      meetingDate: '2026-01-29',
    });
    expect(none[0]?.organisation).toBeUndefined();
  });
});

describe("extractActions: an owner's organisation in brackets after the name", () => {
  it('finds the owner and takes the organisation from the brackets, a role aside', () => {
    // QA: "Action – René Müller (Police) to report …" had no owner; the same sentence without a
    // label was not found at all.
    const labelled = extractActions(
      'Action – René Müller (Police) to report on the patrols by 3rd March 2026.',
      { meetingDate: '2026-02-01' },
    );
    expect(labelled).toMatchObject([
      { owner: 'René Müller', organisation: 'Police', due: '2026-03-03', rule: 'action-label' },
    ]);
    const sentence = extractActions('Shivani Davé (Herts CC) to provide the link to the JSNA.');
    expect(sentence).toMatchObject([
      {
        title: 'Shivani Davé (Herts CC) to provide the link to the JSNA',
        owner: 'Shivani Davé',
        organisation: 'Herts CC',
        rule: 'owner-to-verb',
      },
    ]);
    const role = extractActions(
      'Action: Jemma Duffell (Community Safety Officer) to arrange the volunteers’ session.',
    );
    expect(role[0]?.owner).toBe('Jemma Duffell');
    expect(role[0]?.organisation).toBeUndefined();
    const agreed = extractActions('Karen Watkin (Families First) agreed to organise a session.');
    expect(agreed[0]).toMatchObject({ owner: 'Karen Watkin', organisation: 'Families First' });
  });
});
