/**
 * A table wider than the screen scrolls sideways in its own box (.table-wrap), not the page
 * (WCAG 1.4.10). That box is made a region the keyboard reaches and its table's caption names,
 * as in the report's HTML: without it, at 320 CSS pixels (a laptop at 400% zoom) a table whose
 * cells hold no link could not be scrolled without a mouse (WCAG 2.1.1; QA: the history of an
 * action, the data page's tables). The dashboard's script leaves in the tab order only the boxes
 * that do scroll (web/dashboard.js).
 */
import { safe, type Safe } from './html.js';

const WRAPPED = /<div class="table-wrap">(\s*<table\b[^>]*>\s*)<caption>/gu;

/** The page's body with each table's scrolling box a region named by the table's caption. */
export function tableRegions(body: Safe): Safe {
  let n = 0;
  return safe(
    body.html.replace(WRAPPED, (_whole, between: string) => {
      const id = `table-caption-${++n}`;
      return `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}">${between}<caption id="${id}">`;
    }),
  );
}
