/**
 * `lantern briefing`: a short printable pack (HTML, and PDF through Chromium) for volunteers or
 * staff on one theme in one area: the local figures explained simply, with small numbers
 * suppressed; what is and is not counted; why numbers may rise when reporting improves; the
 * signs to look for; and the support services from the directory. Prints its reading ease.
 */
import type { BuiltBriefing } from '../usecases/briefing.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';

const THEMES = ['domestic-abuse', 'hate-crime', 'asb', 'prevent'] as const;

export const briefingCommand = defineCommand({
  name: 'briefing',
  task: 'Priorities and reports',
  summary:
    'A short printable briefing pack for volunteers or staff on one theme in one area (HTML, PDF)',
  description:
    'For domestic abuse, hate crime, anti-social behaviour or Prevent awareness: the local figures in plain words (counts from 1 to 4 shown as "fewer than 5", and any count that would give one away held back), what is and is not counted, why numbers may rise when reporting improves, how much goes unreported, the signs to look for (from config/briefing-themes.yaml, each list with its source) and the support services from the directory (lantern services; volunteers see only those marked public). The reading ease (Flesch) of the pack is measured and printed. The PDF needs Chromium (apt-get install chromium, or LANTERN_CHROMIUM).',
  examples: [
    'lantern briefing --audience volunteers --theme domestic-abuse --area "Three Rivers" --out packs/da-three-rivers',
    'lantern briefing --audience staff --theme prevent --area "Three Rivers" --period 2025 --format html --out packs/prevent',
  ],
  options: {
    theme: {
      ...option.choice('the theme of the pack', THEMES),
      schema: option.choice('', THEMES).schema.refine((v) => v !== undefined, 'is required'),
    },
    audience: option.choice(
      'who the pack is for: volunteers see only public services',
      ['volunteers', 'staff'] as const,
      'volunteers',
    ),
    area: option.area(),
    period: option.period(
      undefined,
      'the latest whole year held (calendar years, or as publicPeriod in the disclosure settings says: packs are handed out, so they follow the rule of public outputs)',
    ),
    out: {
      ...option.file('the folder to write briefing.html (and briefing.pdf) into'),
      placeholder: 'DIR',
    },
    format: option.choice('html only, or html and pdf', ['html', 'pdf'] as const, 'pdf'),
    themes: option.file(
      'what each theme says (signs, what is counted)',
      'config/briefing-themes.yaml',
    ),
    ...settingOptions('reportingRates', 'disclosure', 'discontinuities'),
  },
  store: 'existing',
  async run(deps, input) {
    const { InputError } = await import('../errors.js');
    if (input.out === undefined) throw new InputError('--out is required', { field: 'out' });
    const { buildBriefing } = await import('../usecases/briefing.js');
    const { loadBriefingThemes } = await import('../config/briefing-themes.js');
    const { loadSettings } = await import('../config/settings.js');
    const settings = await loadSettings(input, ['reportingRates', 'disclosure', 'discontinuities']);
    return buildBriefing(deps.db, deps.scope, {
      theme: input.theme!,
      audience: input.audience ?? 'volunteers',
      area: input.area,
      ...(input.period ? { period: await periodOf(deps, input.period, { area: input.area }) } : {}),
      out: input.out,
      pdf: (input.format ?? 'pdf') === 'pdf',
      themes: await loadBriefingThemes(input.themes),
      rates: settings.reportingRates,
      disclosure: settings.disclosure,
      discontinuities: settings.discontinuities,
      now: deps.clock(),
      env: deps.env as NodeJS.ProcessEnv,
    });
  },
  text: (b: BuiltBriefing) =>
    [
      `Wrote ${b.out}: ${b.files.join(', ')}${b.pdf.pages ? ` (${b.pdf.pages} pages)` : ''}.`,
      b.pack.figures
        ? `${b.pack.figures.label}, ${b.pack.figures.period.from}..${b.pack.figures.period.to}: ${b.pack.figures.total.text}.`
        : (b.pack.noFigures ?? ''),
      `${b.pack.services.length} support services listed.`,
      `Reading ease ${b.readability.readingEase.toFixed(0)} (Flesch; 60 or more is plain English), reading age about ${b.readability.readingAge.toFixed(0)} (Flesch-Kincaid grade ${b.readability.grade.toFixed(1)}).`,
      b.pdf.written || b.pdf.reason === 'not asked for' ? '' : `No PDF: ${b.pdf.reason}.`,
    ]
      .filter((l) => l !== '')
      .join('\n'),
  json: (b: BuiltBriefing) => ({
    out: b.out,
    files: b.files,
    pdf: b.pdf,
    readability: b.readability,
    theme: b.pack.theme,
    audience: b.pack.audience,
    area: b.pack.area,
    figures: b.pack.figures,
    noFigures: b.pack.noFigures,
    hiddenFigure: b.pack.hiddenFigure,
    signs: b.pack.text.signs,
    services: b.pack.services,
  }),
});
