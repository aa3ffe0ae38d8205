/**
 * What the infographic shows, as plain data (report/infographic-data.ts makes it from the report's
 * data); the page and its panels (infographic-*.ts) draw it. Types only, so that the modules that
 * draw import them from here rather than from each other.
 */
import type { MapPlaces } from '../charts/hotspot-map.js';

export interface InfographicFigure {
  count: number | null;
  previous: number | null;
  changePct: number | null;
  significant: boolean;
  /** A public total given as a range, with no change (report/public-data.ts). */
  countRange?: [number, number] | null;
  previousRange?: [number, number] | null;
  /** The count over the months compared, where some month held had no counterpart. */
  comparedCount?: number | null;
}

export interface InfographicData {
  area: string;
  /** 'YYYY-MM' months. */
  period: { from: string; to: string };
  audience: 'partner' | 'public';
  /** crime = all police-recorded crime excluding anti-social behaviour. */
  totals: { crime: InfographicFigure; asb: InfographicFigure };
  /** The top 3 to 5 (more are left off). */
  priorities: { rank: number; label: string; band: 'High' | 'Medium' | 'Low' }[];
  /** What the priorities panel leaves off, said under it ("5 of 6 High priorities shown: ..."). */
  prioritiesNote?: string | null;
  /** 3 or 4 key trends (more are left off). */
  trends: ({ label: string } & InfographicFigure)[];
  /** British National Grid metres, as hotspotMap takes. */
  hotspot: {
    title: string;
    outline: [number, number][][];
    cells: { x: number; y: number; size: number; count: number }[];
    /** The wards (or districts) outlined and named on the map. */
    places?: MapPlaces | null;
    /** The cells numbered, in the order the report lists them (hotspotMap's `numbered`). */
    numbered?: { x: number; y: number }[] | null;
  } | null;
  /** One sentence on what goes unreported. */
  hiddenFigure: string | null;
  /**
   * The "How to report" panel, e.g. { label: 'Emergency', detail: '999' }; `unconfirmed`: still
   * the bundled example, drawn with "Not yet confirmed by the partnership" under it.
   */
  contacts: { label: string; detail: string; unconfirmed?: boolean }[];
  source: string;
  /** Short lines, e.g. "Locations are approximate". */
  caveats: string[];
  /** The period the changes compare with (default: the same months a year earlier). */
  comparedWith?: { from: string; to: string };
  /**
   * The changes' base in words, when not simply the year before ("2021 (4 years earlier)",
   * "January to February and April to December 2021"); preferred over comparedWith.
   */
  comparedWords?: string;
  /** The period is partly held: "6 of 12 months held: January to June 2025"; every tile says so. */
  partial?: string | null;
  /** A draft: some of what it shows is not yet confirmed by the partnership (said in the header). */
  draft?: boolean;
  /** Prefix for the ids inside the SVG, when a page holds more than one (default "infographic"). */
  id?: string;
  /** The line above the title on A4 (who publishes it), e.g. "Three Rivers Community Safety Partnership". */
  publisher?: string;
}
