/**
 * The assessment's stylesheet: readable on screen, printable on A4. Okabe–Ito accents (the charts'
 * palette), body text at 11 pt in print. In print, pages fill: nothing forces a page break, but a
 * heading stays with what follows it (a priority's heading with its rationale, the rationale with
 * its first figure), figures and short tables are never split, a long table breaks between rows
 * (never straight after its header: its first rows stay with it) with its header repeated on the
 * next page, and the data tables behind figures are left out (they are in data/).
 */
export const REPORT_CSS = `
:root { --ink: #1b2a38; --muted: #5b6b7a; --rule: #d5dde5; --accent: #0b4f6c; --page: #ffffff;
  --high: #d55e00; --medium: #e69f00; --low: #56b4e9; --warn-bg: #fff4e0; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: #eef2f5; }
body { margin: 0; line-height: 1.5; font-size: 15px; }
header.cover { background: var(--accent); color: #fff; padding: 40px 48px 32px; }
header.cover h1 { margin: 0 0 8px; font-size: 30px; line-height: 1.2; }
header.cover .kicker { margin: 0 0 12px; text-transform: uppercase; letter-spacing: .08em; font-size: 13px; opacity: .85; }
header.cover .period { margin: 0; font-size: 20px; }
header.cover .meta { margin: 16px 0 0; font-size: 13px; opacity: .85; }
main { max-width: 980px; margin: 0 auto; padding: 8px 24px 48px; }
section { background: var(--page); margin: 24px 0; padding: 24px 32px; border-radius: 6px; border: 1px solid var(--rule); }
h2 { margin: 0 0 16px; font-size: 22px; color: var(--accent); border-bottom: 2px solid var(--rule); padding-bottom: 6px; }
h3 { font-size: 17px; margin: 24px 0 8px; }
.tiles { display: flex; gap: 16px; flex-wrap: wrap; margin-bottom: 12px; }
.tile { flex: 1 1 260px; border: 1px solid var(--rule); border-left: 6px solid var(--accent); padding: 12px 16px; border-radius: 4px; }
.tile p { margin: 0; }
.tile-label { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.tile-value { font-size: 34px; font-weight: bold; }
.tile-change.up::before { content: "▲ "; }
.tile-change.down::before { content: "▼ "; }
ol.priorities li { margin: 4px 0; }
figure { margin: 20px 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
figcaption .label, caption .label { font-weight: bold; color: var(--ink); }
.table-scroll { overflow-x: auto; }
.table-scroll:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 12px 0 20px; font-size: 13px; break-inside: auto; }
caption { text-align: left; font-weight: bold; padding: 4px 0 8px; font-size: 14px; }
th[scope="row"] { min-width: 9em; }
th.num[scope="row"] { min-width: 0; width: 3em; }
th, td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #eef2f5; border-bottom: 2px solid var(--ink); }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
details.data { margin: 0 0 16px; font-size: 13px; }
details.data summary { cursor: pointer; color: var(--accent); }
.warning { background: var(--warn-bg); border-left: 4px solid var(--medium); padding: 8px 12px; }
.note { color: var(--muted); font-size: 13px; }
.hidden-figure { border-left: 4px solid var(--low); padding: 4px 12px; }
.partial-banner, .draft-banner { display: inline-block; margin: 10px 8px 0 0; padding: 4px 10px; background: #fff3cd; color: #5c3b00; font-weight: 600; border-radius: 3px; }
.draft-note { color: #8a1c1c; font-weight: 600; }
p.rationale { font-size: 14px; }
ol.rationale li { margin: 6px 0; font-size: 13px; }
@media screen and (max-width: 40rem) {
  header.cover { padding: 24px 16px 20px; }
  main { padding: 8px 8px 32px; }
  section { padding: 16px 12px; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html { background: #fff; }
  body { font-size: 11pt; }
  header.cover { padding: 24mm 10mm 12mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  section { border: none; padding: 0; margin: 0 0 8mm; border-radius: 0; }
  details.data { display: none; }
  .table-scroll { overflow: visible; }
  h2, h3, caption, p.rationale { break-after: avoid; page-break-after: avoid; }
  figure, table.keep, .tiles, ol.priorities, ul.contacts, .lead-in { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; page-break-after: avoid; }
  tbody.lead { break-inside: avoid; page-break-inside: avoid; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  .warning, .partial-banner, .draft-banner, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
