/**
 * What briefing packs say about each theme (config/briefing-themes.yaml by default): the figures
 * shown (a police.uk category or a partner dataset's measure), what is counted and what is not,
 * why numbers may rise when reporting improves, the signs to look for with the page they are
 * drawn from, and the reporting rate (a key of the reporting-rates file) behind the hidden figure.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { SERVICE_THEMES } from '../domain/support-service.js';
import { readYamlFile } from './yaml-file.js';

export const DEFAULT_BRIEFING_THEMES_FILE = fileURLToPath(
  new URL('../../config/briefing-themes.yaml', import.meta.url),
);

/** The themes a pack is made for: every directory theme but "general". */
export const BRIEFING_THEMES = SERVICE_THEMES.filter((t) => t !== 'general') as readonly (
  'domestic-abuse' | 'hate-crime' | 'asb' | 'prevent'
)[];
export type BriefingTheme = (typeof BRIEFING_THEMES)[number];

const sentence = z.string().trim().min(1);

const themeSchema = z
  .object({
    title: sentence,
    /** The theme in a sentence ("the local figures on …"); the title in lower case by default. */
    topic: sentence.optional(),
    figures: z
      .object({
        /** A partner dataset; without it, police.uk street records. */
        dataset: z.string().optional(),
        category: sentence,
        /** What the count is, for the reader: "domestic abuse incidents recorded by the police". */
        what: sentence,
      })
      .strict(),
    counted: sentence,
    notCounted: z.array(sentence).min(1),
    whyRise: sentence,
    reportingRate: z.string().optional(),
    signs: z
      .object({
        source: z.string().regex(/https?:\/\//u, 'must name the page the signs come from (a URL)'),
        items: z.array(sentence).min(1),
        /**
         * Sources of one place (a council's own page): named only in packs for that area or an
         * area within it, never in another partnership's.
         */
        local: z
          .array(
            z
              .object({
                area: z.string().min(1),
                source: z.string().regex(/https?:\/\//u, 'must name the page (a URL)'),
              })
              .strict(),
          )
          .optional(),
      })
      .strict(),
  })
  .strict();

const fileSchema = z
  .object({
    themes: z.object({
      'domestic-abuse': themeSchema,
      'hate-crime': themeSchema,
      asb: themeSchema,
      prevent: themeSchema,
    }),
  })
  .strict();

export type BriefingThemeText = z.infer<typeof themeSchema>;
export type BriefingThemes = Record<BriefingTheme, BriefingThemeText>;

export async function loadBriefingThemes(
  path: string = DEFAULT_BRIEFING_THEMES_FILE,
): Promise<BriefingThemes> {
  return (await readYamlFile(path, fileSchema)).themes;
}
