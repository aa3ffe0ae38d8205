/**
 * An action's links: the Lantern dashboard view that is its evidence (a relative path such as
 * /trends?area=E07000102&category=burglary) or a page elsewhere (an http(s) address such as the
 * JSNA). Anything else (javascript:, file:, a bare word) is refused, so a link shown in the
 * dashboard or a report can do no harm when clicked.
 */
import { InputError } from '../../errors.js';

export function checkEvidenceLink(text: string, field = 'link'): string {
  const link = text.trim();
  if (/^\/(?![/\\])[^\s]*$/u.test(link)) {
    try {
      const url = new URL(link, 'http://lantern.invalid');
      if (url.host === 'lantern.invalid') return link;
    } catch {
      // refused below
    }
  } else if (/^https?:\/\//iu.test(link)) {
    try {
      const url = new URL(link);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '')
        return url.href;
    } catch {
      // refused below
    }
  }
  throw new InputError(
    `"${text}" is not a link Lantern keeps: give a dashboard view as a path from the site's root (/trends?area=E07000102&category=burglary) or a web address starting http:// or https://`,
    { field },
  );
}
