/**
 * The public page of a district as one HTML document, for a resident reading it on a phone: what
 * the partnership is focusing on, the headline figures (with disclosure control, done before it
 * gets here: report/public-page-data.ts), what the partnership is doing, "You said, we did", how
 * to report, where to get help, and what the numbers cannot tell. Semantic HTML with one h1 and
 * h2 sections, lang="en-GB", every value escaped, no script and no inline style (the style sheet
 * is a file of its own: report/public-page-style.ts). `publicPageProse` is the plain text of its
 * prose, on which its reading ease is measured. Pure.
 */
import { isNationalNumber } from '../domain/national-numbers.js';
import type { Readability } from '../analysis/readability.js';
import { escapeXml as esc } from '../charts/svg.js';
import { dayInWords, formatNumber } from '../charts/text.js';
import type { PublicContact } from '../config/public-page.js';
import { runInWords } from '../domain/held-months.js';
import { calendarYearOf, isMonth, type Period } from '../domain/month.js';
import { dialledNumber, textContactWords, type SupportService } from '../domain/support-service.js';
import { surveyInWords } from '../domain/survey-name.js';
import { periodInWords } from './infographic-text.js';
import type { HeadlineRow, PublicAction, PublicPage } from './public-page-data.js';

/** No plan is held (said to residents, who do not know what Lantern is: QA). */
export const NO_PLAN = "The partnership's action plan for this year has not been published yet.";

/** A plan is held, but none of its actions is marked for the public. */
export const NO_PUBLIC_ACTIONS =
  'The partnership has an action plan for this year, but none of its actions has been published for the public yet.';

/** "April 2026 to March 2027", of a plan year written "2026-27". */
function planYearWords(label: string): string {
  const first = Number(label.slice(0, 4));
  return `April ${first} to March ${first + 1}`;
}

/** The plan shown is of an earlier year than the page's day: this year's is not made yet. */
const earlierPlan = (page: PublicPage) =>
  page.planYear !== undefined && page.planYear.shown !== page.planYear.today;

/** Said when the plan shown is an earlier year's (in April, before the new plan is agreed). */
const notThisYearsPlan = (page: PublicPage): string =>
  `The plan for this year, ${planYearWords(page.planYear!.today)}, has not been published yet.`;

/** What the page says when it lists no action. */
function noActions(page: PublicPage): string {
  if (!page.planHeld) return NO_PLAN;
  if (earlierPlan(page))
    return `The partnership's plan for ${planYearWords(page.planYear!.shown)} has no actions published for the public. Its plan for this year, ${planYearWords(page.planYear!.today)}, has not been published yet.`;
  return NO_PUBLIC_ACTIONS;
}

/** The sentence before the actions: which year's plan they are of. */
function actionsIntro(page: PublicPage): string | null {
  const year = page.planYear;
  if (year === undefined) return null;
  return earlierPlan(page)
    ? `These actions are from the plan for ${planYearWords(year.shown)}. The plan for this year is not published yet.`
    : `These actions are from the plan for this year, ${planYearWords(year.shown)}.`;
}

const period = (p: { from: string; to: string }) => runInWords(p);

function prioritySentences(page: PublicPage): string[] {
  const p = page.priorities;
  if (!p)
    return [
      `The partnership has not yet published its priorities for ${page.area.name}.`,
      'When it does, they will be shown here.',
    ];
  if (p.items.length === 0)
    return [
      `The partnership's last look at the figures, for ${period(p.period)}, found no issue it needed to focus on.`,
    ];
  const year = page.planYear;
  return [
    `Each year the partnership looks at the figures and at what people tell us. Then it chooses what to focus on.`,
    year
      ? `These are the priorities of its plan for ${planYearWords(year.shown)}. They come from the figures for ${period(p.period)}.`
      : `These are the priorities of its plan. They come from the figures for ${period(p.period)}.`,
    ...(earlierPlan(page) ? [notThisYearsPlan(page)] : []),
  ];
}

const all = (page: PublicPage) => page.trends!.rows[0]!;

function trendSentences(page: PublicPage): string[] {
  const t = page.trends;
  if (!t) return [page.noTrends ?? `We do not hold any police figures for ${page.area.name} yet.`];
  const total = all(page);
  const out = [
    t.held
      ? `In ${t.held}, the months we have, the police recorded ${total.current.text} crimes in ${page.area.name}.`
      : `From ${period(t.period)}, the police recorded ${total.current.text} crimes in ${page.area.name}.`,
  ];
  // "1,817 to 1,823 crimes" read as a mistake without a word on why (found by QA, Blaenau Gwent).
  if (total.current.status === 'range' || total.previous?.status === 'range')
    out.push(
      `The total is given as a range, not one number. This is because some of the numbers in it are fewer than ${page.threshold}, and an exact total would give them away.`,
    );
  if (total.changePct !== null && t.comparedWith)
    out.push(
      total.change === 'about the same'
        ? `That is about the same as ${t.comparedWith}.`
        : `That is ${total.change} on ${t.comparedWith}.`,
    );
  out.push(
    'Anti-social behaviour is not a crime, so it is not in this total. It has a line of its own in the table.',
  );
  // The months not held are not named: the first sentence names those counted, and the others
  // are of a window the resident never asked about (publicPeriod: any, a few months held).
  if (t.notCompared)
    out.push(
      `There are no figures a year before ${t.notCompared}, so the change leaves those months out.`,
    );
  out.push(
    `Numbers from 1 to ${page.threshold - 1} are shown as "fewer than ${page.threshold}". This is so that no one can be identified.`,
  );
  return out;
}

function hiddenSentences(page: PublicPage): string[] {
  const h = page.hidden;
  const out = ['Not every crime is reported to the police.'];
  if (h) {
    out.push(`${h.share} This comes from a national survey of crime (${surveyInWords(h.survey)}).`);
    if (h.estimate)
      out.push(
        // The estimate is of the crimes counted above: over the months held, which need not be 12.
        `If that is true here, there may have been between ${formatNumber(h.estimate.low)} and ${formatNumber(h.estimate.high)} crimes in ${page.area.name} in ${page.trends?.held ?? (page.trends ? period(page.trends.period) : 'these months')}.`,
      );
    if (!h.current) out.push('This is the newest figure we could find.');
  }
  out.push(
    'Some crimes, like domestic abuse and hate crime, are reported even less.',
    'When more people report, the numbers can go up. That can be a good sign. It can mean people trust the police and the council more.',
    'A small number does not mean a problem is small. Please tell us what you see. It helps us put help where it is needed.',
  );
  return out;
}

/** The paragraphs a reader reads, as plain text (for the reading-ease measure and the tests). */
export function publicPageProse(page: PublicPage): string[] {
  return [
    `This page is for people who live or work in ${page.area.name}. It says what the community safety partnership is doing to keep the area safe, and how to report a crime.`,
    'The partnership is the council, the police and other local services working together.',
    'If someone is in danger now, call 999.',
    ...prioritySentences(page),
    ...trendSentences(page),
    ...(page.actions.length === 0
      ? [noActions(page)]
      : [actionsIntro(page)].filter((s) => s !== null)),
    ...(page.youSaidWeDid.length === 0
      ? [`No "You said, we did" items have been published for ${page.area.name} yet.`]
      : page.youSaidWeDid.flatMap((s) => [s.youSaid, s.weDid])),
    ...page.contacts.map((c) => c.what),
    ...hiddenSentences(page),
  ];
}

const paragraphs = (lines: readonly string[]) => lines.map((l) => `<p>${esc(l)}</p>`).join('\n');

function contactLines(
  c: {
    phone?: string | null | undefined;
    text?: string | null | undefined;
    web?: string | null | undefined;
    email?: string | null | undefined;
  },
  /** Mark the details other than the phone number as not yet checked (beside a national number). */
  others = false,
): string {
  const out: string[] = [];
  const mark = others ? ' <span class="unchecked">(not yet checked)</span>' : '';
  if (c.phone)
    out.push(
      `<p class="contact">Call <a href="tel:${esc(dialledNumber(c.phone))}">${esc(c.phone)}</a></p>`,
    );
  if (c.text) out.push(`<p>${esc(textContactWords(c.text))}${mark}</p>`);
  if (c.web)
    out.push(
      `<p><a href="${esc(c.web)}">${esc(c.web.replace(/^https?:\/\//u, '').replace(/\/$/u, ''))}</a>${mark}</p>`,
    );
  if (c.email) out.push(`<p><a href="mailto:${esc(c.email)}">${esc(c.email)}</a>${mark}</p>`);
  return out.join('\n');
}

const UNCHECKED =
  '<p class="unchecked">We have not yet checked these details against the service’s own page.</p>';

/** The unchecked warning under a card, never under a national number (only its other details are marked). */
const uncheckedOf = (c: { verified: boolean; phone?: string | null | undefined }) => ({
  others: !c.verified && isNationalNumber(c.phone),
  card: !c.verified && !isNationalNumber(c.phone) ? UNCHECKED : '',
});

function contactCard(c: PublicContact): string {
  const unchecked = uncheckedOf(c);
  return `<li class="card">
<h3>${esc(c.name)}</h3>
<p>${esc(c.what)}</p>
${contactLines(c, unchecked.others)}
${c.hours ? `<p>${esc(c.hours)}</p>` : ''}
${unchecked.card}
</li>`;
}

function serviceCard(s: SupportService): string {
  const unchecked = uncheckedOf(s);
  return `<li class="card">
<h3>${esc(s.name)}</h3>
${s.description ? `<p>${esc(s.description)}</p>` : ''}
${contactLines(s, unchecked.others)}
${s.hours ? `<p>${esc(s.hours)}</p>` : ''}
${s.eligibility ? `<p>For: ${esc(s.eligibility)}</p>` : ''}
${unchecked.card}
</li>`;
}

function trendRow(r: HeadlineRow, total: boolean): string {
  const change =
    r.changePct === null
      ? 'not given'
      : `<span class="nw">${esc(r.change)}</span>${r.clear === false ? ' <span class="note">(could be chance)</span>' : ''}`;
  return `<tr${total ? ' class="total"' : ''}><th scope="row">${esc(total ? 'All crime' : r.label)}</th><td class="n">${esc(r.current.text)}</td><td class="n">${esc(r.previous?.text ?? 'not held')}</td><td class="n">${change}</td></tr>`;
}

/** "2025" for a calendar year, else the months in words ("April 2024 to March 2025"). */
const yearWords = (p: Period) => calendarYearOf(p) ?? periodInWords(p);

function trendsSection(page: PublicPage): string {
  const t = page.trends;
  const lines = trendSentences(page);
  if (!t) return paragraphs(lines);
  const lead = all(page).changePct !== null && t.comparedWith ? 2 : 1;
  return `${paragraphs(lines.slice(0, lead))}
${t.breaks ? `<p class="note">${esc(t.breaks)}</p>` : ''}
<table>
<caption>Crimes and anti-social behaviour recorded by the police in ${esc(page.area.name)}</caption>
<thead><tr><th scope="col">What</th><th scope="col" class="n">${esc(t.held ?? period(t.period))}</th><th scope="col" class="n">${t.comparisonPeriod ? esc(period(t.comparisonPeriod)) : 'Same months a year before'}</th><th scope="col" class="n">Change</th></tr></thead>
<tbody>
${t.rows.map((r, i) => trendRow(r, i === 0)).join('\n')}
</tbody>
</table>
${paragraphs(lines.slice(lead))}
${tableNotes(t.rows)}`;
}

/** What "not shown" and "(could be chance)" mean, each only when the table shows it. */
function tableNotes(rows: readonly HeadlineRow[]): string {
  const notes = [
    rows.some((r) => r.current.status === 'withheld' || r.previous?.status === 'withheld')
      ? '"Not shown" means a number is held back so that a small one cannot be worked out from it.'
      : '',
    rows.some((r) => r.changePct !== null && r.clear === false)
      ? '"Could be chance" means a change this size often happens from one year to the next.'
      : '',
  ].filter((n) => n !== '');
  return notes.length > 0 ? `<p class="note">${notes.join(' ')}</p>` : '';
}

/**
 * A due date as a resident reads it, as the page's own date is written: "30 June 2026" for
 * 2026-06-30, "June 2026" for 2026-06; anything else as the plan gives it.
 */
function dueInWords(due: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/u.test(due)) return dayInWords(due);
  if (isMonth(due)) return runInWords({ from: due, to: due });
  return due;
}

function actionsSection(page: PublicPage): string {
  const actions = page.actions;
  if (actions.length === 0) return `<p>${esc(noActions(page))}</p>`;
  const byPriority = new Map<string, PublicAction[]>();
  for (const a of actions) byPriority.set(a.priority, [...(byPriority.get(a.priority) ?? []), a]);
  const intro = actionsIntro(page);
  return (
    (intro
      ? `<p>${esc(intro)}</p>
`
      : '') +
    [...byPriority]
      .map(
        ([priority, list]) => `<h3>${esc(priority)}</h3>
<ul>
${list.map((a) => `<li>${esc(a.title)}. <span class="note">${esc(a.status)}${a.due ? `, due ${esc(dueInWords(a.due))}` : ''}.</span></li>`).join('\n')}
</ul>`,
      )
      .join('\n')
  );
}

function hiddenSection(page: PublicPage): string {
  const h = page.hidden;
  return `${paragraphs(hiddenSentences(page))}
${h ? `<p class="note">Source: ${esc(surveyInWords(h.table || h.survey))}.${h.verified ? '' : ' This figure has not been checked against the survey’s own tables.'}</p>` : ''}`;
}

/** The document's head and site header, shared by a district's page and the list of districts. */
function shell(
  title: string,
  kicker: string,
  heading: string,
  meta: string,
  css: string,
  body: string,
  foot: string,
): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${esc(css)}">
</head>
<body>
<a class="skip" href="#content">Skip to the page</a>
<header class="site"><div class="wrap">
<p class="kicker">${esc(kicker)}</p>
<h1>${esc(heading)}</h1>
<p class="meta">${meta}</p>
</div></header>
<main id="content">
${body}
</main>
<footer><div class="wrap">
${foot}
</div></footer>
</body>
</html>
`;
}

/** A district's public page. `css` is the style sheet's address ("public.css" beside an export). */
export function publicPageHtml(page: PublicPage, reading: Readability, css: string): string {
  const prose = publicPageProse(page);
  const p = page.priorities;
  const priorities = p?.items.length
    ? `<ol class="priorities">
${p.items.map((i) => `<li>${esc(i.label)} <span class="band">${i.band === 'High' ? 'top priority' : 'also a priority'}</span></li>`).join('\n')}
</ol>`
    : '';
  const contactIds = new Set(page.contacts.map((c) => c.id));
  const services = page.services.filter((s) => !contactIds.has(s.id));
  const body = `<p>${esc(prose[0]!)} ${esc(prose[1]!)}</p>
<p class="urgent"><strong>If someone is in danger now, call <a href="tel:999">999</a>.</strong></p>
<section aria-labelledby="priorities">
<h2 id="priorities">What we are focusing on</h2>
${paragraphs(prioritySentences(page))}
${priorities}
</section>
<section aria-labelledby="figures">
<h2 id="figures">${page.trends?.held ? 'Crime in the latest months we have' : page.trends ? `Crime in ${yearWords(page.trends.period)}` : 'Crime figures'}</h2>
${trendsSection(page)}
</section>
<section aria-labelledby="doing">
<h2 id="doing">What the partnership is doing</h2>
${actionsSection(page)}
</section>
<section aria-labelledby="said">
<h2 id="said">You said, we did</h2>
${
  page.youSaidWeDid.length === 0
    ? `<p>No "You said, we did" items have been published for ${esc(page.area.name)} yet.</p>`
    : `<ul class="said">
${page.youSaidWeDid.map((s) => `<li><p><strong>You said:</strong> ${esc(s.youSaid)}</p><p><strong>We did:</strong> ${esc(s.weDid)}${s.when ? ` <span class="note">(${esc(s.when)})</span>` : ''}</p></li>`).join('\n')}
</ul>`
}
</section>
<section aria-labelledby="report">
<h2 id="report">How to report</h2>
<ul class="cards">
${page.contacts.map(contactCard).join('\n')}
</ul>
</section>
<section aria-labelledby="help">
<h2 id="help">Where to get help</h2>
${
  services.length > 0
    ? `<ul class="cards">
${services.map(serviceCard).join('\n')}
</ul>`
    : `<p>No other support services for ${esc(page.area.name)} are listed yet.</p>`
}
</section>
<section aria-labelledby="cannot">
<h2 id="cannot">What the numbers cannot tell you</h2>
${hiddenSection(page)}
</section>`;
  return shell(
    `Community safety in ${page.area.name}`,
    'Community safety partnership',
    `Keeping ${page.area.name} safe`,
    `Updated ${esc(dayInWords(page.made))}.`,
    css,
    body,
    `<p>Figures: police.uk street-level crime data for ${esc(page.area.name)}. Made with Lantern.</p>
<p>Reading ease of this page: ${Math.round(reading.readingEase)} (Flesch reading ease; 60 or more is plain English).</p>`,
  );
}

/** The list of districts with a public page. */
export function publicIndexHtml(
  districts: readonly { name: string; slug: string }[],
  css: string,
): string {
  const body =
    districts.length === 0
      ? '<p>No area has a public page yet: we do not hold police figures for any area yet.</p>'
      : `<p>Choose your area to see what the community safety partnership is doing there, and how to report a crime.</p>
<p class="urgent"><strong>If someone is in danger now, call <a href="tel:999">999</a>.</strong></p>
<h2>Areas</h2>
<ul class="districts">
${districts.map((d) => `<li><a href="/public/${esc(encodeURIComponent(d.slug))}">${esc(d.name)}</a></li>`).join('\n')}
</ul>`;
  return shell(
    'Community safety in your area',
    'Community safety partnership',
    'Community safety in your area',
    'What the partnership is doing, and how to report.',
    css,
    body,
    '<p>Made with Lantern.</p>',
  );
}
