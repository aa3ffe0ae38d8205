/**
 * A High priority's tactical options in words for the report's reader: what would be done, where
 * (the places the analysis behind the option names: the busiest hotspots, the places where it
 * recurs most; else who it is for, from the options library), why (what the option works on, in
 * the library's general words, and what this area's data show, said as this area's: where the
 * hotspot analysis found no concentration, it says so rather than leave the library's words to
 * suggest one), its approach (4P, and the side of the problem it works on) and what
 * is known of its effect. The command an analyst runs to see the places in full is kept apart, for
 * the data folder (never the document). Pure.
 */
import { formatNumber, listJoin } from '../charts/text.js';
import { showCount } from './disclosure.js';
import { periodInWords } from './infographic-text.js';
import type { Audience, PriorityEvidence } from './report-data.js';

export interface ReportOption {
  what: string;
  where: string;
  why: string;
  approach: string;
  evidence: string;
  /** The command that shows where it applies: for data/how-to-reproduce.txt only. */
  command: string | null;
}

const SIDE = { offender: 'offenders', victim: 'victims', place: 'places' } as const;

/** "Protect: works with victims". */
function approachWords(o: PriorityEvidence['options'][number]): string {
  const group = o.four_p.charAt(0).toUpperCase() + o.four_p.slice(1);
  return `${group}: works with ${SIDE[o.triangle]}`;
}

/** "A; B and C". */
const listed = (items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join('; ')} and ${items[items.length - 1]}`;

/** What the options are written for: the area, its period, and who reads them. */
export interface OptionsContext {
  areaName: string;
  period: { from: string; to: string };
  audience: Audience;
}

export function reportOptions(p: PriorityEvidence, context: OptionsContext): ReportOption[] {
  const { areaName, audience } = context;
  const what = p.label.toLowerCase();
  // The library's words say why an option can work wherever the problem is found; what this
  // area's data show is said beside them, as this area's, so nothing reads as a claim about the
  // area that its own figures do not bear out.
  const here = `In ${areaName}, ${periodInWords(context.period)}`;
  return p.options.map((o) => {
    let where = o.where ?? `Across ${areaName}`;
    const facts: string[] = [];
    if (o.analysis === 'hotspots' || o.analysis === 'cameras') {
      const top = p.hotspot?.top ?? [];
      if (top.length > 0) {
        where = `The busiest hotspots: ${listed(top.map((t) => t.location))}`;
        facts.push(
          `${here}, the ${top.length === 1 ? 'busiest hotspot' : `${top.length} busiest hotspots`} saw ${listJoin(top.map((t) => showCount(t.count, audience)))} of the ${showCount(p.recorded, audience)} recorded.`,
        );
      } else if (p.hotspot?.found === false) {
        where = `None yet: no place in ${areaName} stood out as a hotspot of ${what}`;
        facts.push(
          `${here}, the hotspot analysis found no place where ${what} is concentrated, so there is nowhere yet to focus this on.`,
        );
      } else where = `Where ${what} is concentrated, if the hotspot analysis finds such places`;
    } else if (o.analysis === 'repeat-locations') {
      const top = p.places?.top ?? [];
      if (top.length > 0)
        where = `The places where it recurs most: ${listed(top.map((t) => `${t.location} (${showCount(t.count, audience)})`))}`;
      const share = p.places?.topFivePercentShare;
      if (share != null && share > 0)
        facts.push(
          `${here}, the busiest 5% of places saw ${formatNumber(share * 100)}% of ${what}.`,
        );
    } else if (o.analysis === 'near-repeat') {
      where =
        p.source === 'police.uk'
          ? `Around each new case: the police's own dated records show which homes and when (police.uk gives only the month)`
          : `Around each new case, in the weeks after it`;
    }
    return {
      what: o.option,
      where,
      why: [o.why ?? '', ...facts].filter((s) => s !== '').join(' '),
      approach: approachWords(o),
      evidence: o.evidence,
      command: o.run,
    };
  });
}
