/**
 * A briefing pack as one self-contained HTML page, printable on two to four A4 pages: what the
 * local figures show and how to read them, the signs to look for, and where to get help. Written
 * for a volunteer: short sentences, no statistics words, every number with its words. The plain
 * text of its prose (`briefingProse`) is what its reading ease is measured on. Pure.
 */
import { isNationalNumber } from '../domain/national-numbers.js';
import { escapeXml as esc } from '../charts/svg.js';
import { dayInWords, formatNumber } from '../charts/text.js';
import type { Readability } from '../analysis/readability.js';
import type { BriefingPack } from './briefing-data.js';
import { textContactWords, type SupportService } from '../domain/support-service.js';
import { surveyInWords } from '../domain/survey-name.js';

function monthName(m: string): string {
  return new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function periodWords(p: { from: string; to: string }): string {
  return p.from === p.to ? monthName(p.from) : `${monthName(p.from)} to ${monthName(p.to)}`;
}

/**
 * "From January to December 2025, there were 223 …", or, where the year is held back, that its
 * number is not shown (never "there were not shown …"). `strong` marks the count, `text` escapes
 * the rest (both as they are for plain text).
 */
function totalSentence(
  f: NonNullable<BriefingPack['figures']>,
  area: string,
  strong: (t: string) => string,
  text: (t: string) => string = (t) => t,
): string {
  // One month is "In November 2025", not "From November 2025" (QA, a one-month pack).
  const from =
    f.period.from === f.period.to ? `In ${periodWords(f.period)}` : `From ${periodWords(f.period)}`;
  if (f.total.status === 'withheld')
    return (
      text(`${from}, the number of ${f.what} in ${area} is `) +
      strong('not shown') +
      text(', so that a smaller number cannot be worked out from it.')
    );
  return text(`${from}, there were `) + strong(f.total.text) + text(` ${f.what} in ${area}.`);
}

/** The paragraphs a reader reads, as plain text (for the reading-ease measure and the test). */
export function briefingProse(pack: BriefingPack): string[] {
  const t = pack.text;
  const f = pack.figures;
  const out = [
    `This pack is for ${pack.audience} in ${pack.area.name}. It explains the local figures on ${t.topic ?? t.title.toLowerCase()}, the signs to look for, and where to get help.`,
    t.counted,
    ...t.notCounted,
    t.whyRise,
  ];
  if (f) {
    out.push(
      totalSentence(f, pack.area.name, (t) => t),
      f.change,
    );
  } else if (pack.noFigures) out.push(pack.noFigures);
  out.push(
    `Numbers from 1 to ${pack.threshold - 1} are shown as "fewer than ${pack.threshold}". This keeps people from being identified.`,
  );
  if (pack.hiddenFigure) out.push(pack.hiddenFigure.sentence);
  out.push(...t.signs.items);
  out.push(
    'If someone is in danger now, call 999. If you are worried about someone, you do not have to be sure. Talk to your coordinator, or use the services at the end.',
  );
  return out;
}

const CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1b2a38; background: #fff; }
body { margin: 0 auto; max-width: 820px; padding: 16px 20px 32px; font-size: 15px; line-height: 1.5; }
header { border-bottom: 4px solid #0b4f6c; padding-bottom: 10px; margin-bottom: 16px; }
header .kicker { margin: 0; text-transform: uppercase; letter-spacing: .06em; font-size: 12px; color: #5b6b7a; }
h1 { margin: 4px 0 4px; font-size: 28px; color: #0b4f6c; line-height: 1.2; }
header .meta { margin: 0; font-size: 13px; color: #5b6b7a; }
h2 { font-size: 19px; color: #0b4f6c; margin: 22px 0 8px; break-after: avoid; }
p, li { margin: 0 0 8px; overflow-wrap: break-word; }
ul { padding-left: 22px; margin: 0 0 8px; }
.synthetic { background: #fff4e0; border: 2px solid #e69f00; padding: 8px 12px; font-weight: bold; margin: 0 0 12px; }
.urgent { background: #fde8e0; border-left: 6px solid #d55e00; padding: 10px 14px; margin: 12px 0; font-size: 16px; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 12px; }
.tile { flex: 1 1 200px; border: 1px solid #d5dde5; border-left: 6px solid #0b4f6c; padding: 8px 12px; border-radius: 4px; break-inside: avoid; }
.tile .label { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #5b6b7a; margin: 0; }
.tile .value { font-size: 26px; font-weight: bold; margin: 0; }
caption { text-align: left; }
table { border-collapse: collapse; margin: 6px 0 12px; break-inside: avoid; }
th, td { border-bottom: 1px solid #d5dde5; padding: 4px 12px 4px 0; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.services { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 10px; }
.service { border: 1px solid #d5dde5; border-radius: 4px; padding: 8px 12px; break-inside: avoid; overflow-wrap: anywhere; }
.service h3 { margin: 0 0 4px; font-size: 16px; }
.service p { margin: 0 0 4px; font-size: 14px; }
.service .contact { font-size: 17px; font-weight: bold; }
.unverified { color: #a0421a; font-size: 12px; }
.note { font-size: 12px; color: #5b6b7a; }
.keep { break-inside: avoid; }
footer { margin-top: 20px; border-top: 1px solid #d5dde5; padding-top: 8px; font-size: 11px; color: #5b6b7a; }
footer p { margin: 0 0 4px; }
a { color: #0b4f6c; }
@media (max-width: 600px) { .services { grid-template-columns: minmax(0, 1fr); } }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } a { text-decoration: none; } }
`;

function serviceCard(s: SupportService): string {
  // 999 and 101 are national facts: an unchecked service marks only its other details.
  const national = isNationalNumber(s.phone);
  const mark = !s.verified && national ? ' <span class="unverified">(not yet checked)</span>' : '';
  const contacts: string[] = [];
  if (s.phone) contacts.push(`<p class="contact">Call ${esc(s.phone)}</p>`);
  if (s.text) contacts.push(`<p>${esc(textContactWords(s.text))}${mark}</p>`);
  if (s.web)
    contacts.push(
      `<p><a href="${esc(s.web)}">${esc(s.web.replace(/^https?:\/\//u, ''))}</a>${mark}</p>`,
    );
  if (s.email) contacts.push(`<p><a href="mailto:${esc(s.email)}">${esc(s.email)}</a>${mark}</p>`);
  return `<div class="service">
<h3>${esc(s.name)}</h3>
${contacts.join('\n')}
${s.hours ? `<p>${esc(s.hours)}</p>` : ''}
${s.eligibility ? `<p>For: ${esc(s.eligibility)}</p>` : ''}
${s.description ? `<p>${esc(s.description)}</p>` : ''}
${s.verified || national ? '' : '<p class="unverified">Contact details not yet checked against the service’s own page: check before use.</p>'}
</div>`;
}

export function briefingHtml(pack: BriefingPack, reading: Readability): string {
  const t = pack.text;
  const f = pack.figures;
  const prose = briefingProse(pack);
  const intro = prose[0]!;
  const figures = f
    ? `${f.synthetic ? '<p class="synthetic">These figures are SYNTHETIC DATA made for a demonstration. They are not real records. Do not use them.</p>' : ''}
<p>${totalSentence(f, pack.area.name, (t) => `<strong>${esc(t)}</strong>`, esc)}${f.monthsHeld < f.monthsInPeriod ? ` (Only ${f.monthsHeld} of the ${f.monthsInPeriod} months are held.)` : ''}</p>
<div class="tiles">
<div class="tile"><p class="label">${esc(periodWords(f.period))}</p><p class="value">${esc(f.total.text)}</p></div>
${f.previous && f.comparisonPeriod ? `<div class="tile"><p class="label">${esc(periodWords(f.comparisonPeriod))}</p><p class="value">${esc(f.previous.text)}</p></div>` : ''}
${f.changePct !== null ? `<div class="tile"><p class="label">Change</p><p class="value">${f.changePct > 0 ? '+' : ''}${formatNumber(Math.round(f.changePct))}%</p></div>` : ''}
</div>
<p>${esc(f.change)}</p>
${f.breaks ? `<p class="note">${esc(f.breaks)}</p>` : ''}
<table><caption class="note">Every three months</caption><thead><tr><th>Months</th><th>Number</th></tr></thead><tbody>
${f.quarters.map((q) => `<tr><td>${esc(q.label)}</td><td class="n">${esc(q.count.text)}</td></tr>`).join('\n')}
</tbody></table>`
    : `<p>${esc(pack.noFigures ?? 'No local figures are held.')}</p>`;
  const hidden = pack.hiddenFigure
    ? `<div class="keep"><h2>What the figures do not show</h2>
<p>${esc(pack.hiddenFigure.sentence)}</p>
<p class="note">Source: ${esc(surveyInWords(pack.hiddenFigure.table || pack.hiddenFigure.survey))}; ${esc(pack.hiddenFigure.source)}.${pack.hiddenFigure.rate === null || pack.hiddenFigure.verified ? '' : ' This figure is not verified.'}${pack.hiddenFigure.current ? '' : ' No more recent figure exists.'}</p></div>`
    : '';
  const services =
    pack.services.length > 0
      ? `<div class="services">\n${pack.services.map(serviceCard).join('\n')}\n</div>`
      : '<p>No services for this theme are in the directory yet. Ask your coordinator.</p>';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)} in ${esc(pack.area.name)}: a briefing for ${esc(pack.audience)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="kicker">Briefing for ${esc(pack.audience)}</p>
<h1>${esc(t.title)} in ${esc(pack.area.name)}</h1>
<p class="meta">Made ${esc(dayInWords(pack.made))}</p>
</header>
<main>
<p>${esc(intro)}</p>
<p class="urgent"><strong>If someone is in danger now, call 999.</strong> If you are worried about someone, you do not have to be sure. Talk to your coordinator, or use the services at the end.</p>
<h2>What the local figures show</h2>
${figures}
<p class="note">Numbers from 1 to ${pack.threshold - 1} are shown as "fewer than ${pack.threshold}". This keeps people from being identified. Some other numbers are then "not shown", so that a small one cannot be worked out.</p>
<h2>What is counted</h2>
<p>${esc(t.counted)}</p>
<h2>What is not counted</h2>
<ul>${t.notCounted.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<h2>Why the numbers may go up</h2>
<p>${esc(t.whyRise)}</p>
${hidden}
<h2>Signs to look for</h2>
<ul>${t.signs.items.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<p class="note">Source: ${esc(t.signs.source)}</p>
<h2>Where to get help</h2>
${services}
</main>
<footer>
<p>Reading ease of this pack: ${Math.round(reading.readingEase)} (Flesch; 60 or more is plain English), reading age about ${Math.round(reading.readingAge)}.</p>
<p>${f ? `Figures: ${esc(f.label)}.` : 'No local figures in this pack.'} Made with Lantern from the partnership's data store.</p>
</footer>
</body>
</html>
`;
}
