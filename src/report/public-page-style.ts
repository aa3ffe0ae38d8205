/**
 * The public page's style sheet, served as a file of its own (`/static/public.css`, or
 * `public.css` beside an exported page) so that the page needs no inline style or script and
 * keeps to a strict Content-Security-Policy. One column on a phone, wider on a laptop; text and
 * links at least 4.5:1 against their background; the focus ring always visible.
 */
export const PUBLIC_PAGE_CSS = `* { box-sizing: border-box; }
html { font-family: Arial, Helvetica, "DejaVu Sans", sans-serif; color: #1b2a38; background: #fff; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-size: 1.0625rem; line-height: 1.55; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; z-index: 1; }
header.site { background: #0b4f6c; color: #fff; padding: 16px 16px 20px; }
header.site .wrap, main, footer .wrap { max-width: 46rem; margin: 0 auto; }
header.site p { margin: 0; }
header.site .kicker { font-size: 0.9rem; letter-spacing: .04em; text-transform: uppercase; }
header.site h1 { margin: 6px 0 6px; font-size: 1.9rem; line-height: 1.2; }
header.site .meta { font-size: 0.95rem; }
header.site a { color: #fff; }
main { padding: 8px 16px 32px; }
h2 { font-size: 1.45rem; line-height: 1.25; color: #0b4f6c; margin: 32px 0 10px; }
h3 { font-size: 1.1rem; margin: 0 0 4px; }
p, li { margin: 0 0 10px; }
ul, ol { padding-left: 1.4rem; margin: 0 0 12px; }
a { color: #0b4f6c; text-decoration-thickness: 2px; text-underline-offset: 2px; }
a:focus { outline: 3px solid #d55e00; outline-offset: 2px; }
.urgent { background: #fde8e0; border-left: 6px solid #b33f00; padding: 12px 14px; margin: 16px 0; font-size: 1.1rem; }
.priorities li { margin-bottom: 6px; }
.band { display: inline-block; font-size: 0.85rem; padding: 0 6px; border-radius: 3px; border: 1px solid #0b4f6c; margin-left: 6px; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 1rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
th, td { border-bottom: 1px solid #c7d1db; padding: 6px 8px 6px 0; text-align: left; vertical-align: top; }
th[scope="col"] { font-size: 0.9rem; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th[scope="row"] { font-weight: normal; }
tr.total th[scope="row"] { font-weight: bold; }
.nw { white-space: nowrap; }
tr.total th, tr.total td { font-weight: bold; border-bottom: 2px solid #1b2a38; }
.note { font-size: 0.95rem; color: #4a5866; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; }
.card { border: 1px solid #c7d1db; border-left: 6px solid #0b4f6c; border-radius: 4px; padding: 10px 14px; margin: 0; }
.card, .said li, .priorities li { overflow-wrap: anywhere; }
.card p { margin: 0 0 6px; }
.card .contact { font-size: 1.15rem; font-weight: bold; }
.unchecked { font-size: 0.9rem; color: #8a3a14; }
.said { list-style: none; padding: 0; }
.said li { border-top: 1px solid #c7d1db; padding-top: 8px; }
.said p { margin: 0 0 4px; }
.districts li { margin-bottom: 8px; font-size: 1.15rem; }
footer { border-top: 1px solid #c7d1db; padding: 12px 16px 24px; font-size: 0.9rem; color: #4a5866; }
footer p { margin: 0 0 6px; }
@media (min-width: 40rem) {
  header.site { padding: 24px 24px 28px; }
  header.site h1 { font-size: 2.3rem; }
  main { padding: 8px 24px 40px; }
  .cards { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
}
@media (max-width: 24rem) {
  body { font-size: 1rem; }
  .nw { white-space: normal; }
  th, td { padding-right: 6px; }
  table { font-size: 0.95rem; }
}
@media print {
  header.site { background: none; color: #000; border-bottom: 3px solid #000; }
  header.site a { color: #000; }
  .skip { display: none; }
}
`;
