/**
 * `lantern public-page`: a district's public page as static HTML (index.html and public.css, no
 * script), the same page `lantern serve` gives anyone at /public/<district>. Prints its reading
 * ease.
 */
import type { BuiltPublicPage } from '../usecases/public-page.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';

export const publicPageCommand = defineCommand({
  name: 'public-page',
  task: 'Priorities and reports',
  summary: "A district's public page as static HTML, for residents (no sign-in, no script)",
  description:
    'What a resident needs, in plain English: the priorities of the partnership\'s action plan, taken from the saved assessment the plan was made from when that covers a whole year with every month held and its manual scores are the partnership\'s own or none, never the bundled example (issues from partner-only datasets left out; otherwise the page says the priorities are not yet published), all crime and each category over the latest whole year held (calendar years by default: publicPeriod in the disclosure settings; no two public outputs overlap, so none can be subtracted from another) against the year before (counts from 1 to 4 shown as "fewer than 5", and any count that would give one away held back; over fewer months held, those months named and counted), the public actions of the action plan (this plan year\'s, else the latest earlier one, its year named and said to be an earlier one), "You said, we did" and how to report (from config/public-page.yaml, every contact checked as the directory checks them), the public support services of the directory, and what the numbers cannot tell (the reporting rate of all crime, with its survey). Writes index.html and public.css into an empty folder (or one it wrote before). The same page is served without signing in by lantern serve at /public/<district>. The reading ease (Flesch) of the page is measured and printed.',
  examples: ['lantern public-page --area "Three Rivers" --out public/three-rivers'],
  options: {
    area: option.area(),
    out: {
      ...option.file('the folder to write index.html and public.css into'),
      placeholder: 'DIR',
    },
    settings: option.file(
      'how to report and "You said, we did", per district',
      'config/public-page.yaml',
    ),
    ...settingOptions('reportingRates', 'disclosure', 'discontinuities'),
  },
  store: 'existing',
  async run(deps, input) {
    const { InputError } = await import('../errors.js');
    if (input.out === undefined) throw new InputError('--out is required', { field: 'out' });
    const { buildPublicPage } = await import('../usecases/public-page.js');
    const { planPublicActions } = await import('../usecases/plan/public-actions.js');
    const { loadPublicPageConfig } = await import('../config/public-page.js');
    const { loadSettings } = await import('../config/settings.js');
    const settings = await loadSettings(input, ['reportingRates', 'disclosure', 'discontinuities']);
    return buildPublicPage(deps.db, {
      area: input.area,
      out: input.out,
      config: await loadPublicPageConfig(input.settings),
      rates: settings.reportingRates,
      disclosure: settings.disclosure,
      discontinuities: settings.discontinuities,
      actions: planPublicActions(deps.db, deps.clock),
      now: deps.clock(),
    });
  },
  text: (b: BuiltPublicPage) =>
    [
      `Wrote ${b.out}: ${b.files.join(', ')}.`,
      b.page.trends
        ? `All crime, ${b.page.trends.held ? `${b.page.trends.held} (the months held)` : `${b.page.trends.period.from}..${b.page.trends.period.to}`}: ${b.page.trends.rows[0]!.current.text}.`
        : (b.page.noTrends ?? ''),
      b.page.priorities
        ? `${b.page.priorities.items.length} priorities of the partnership's plan, from the assessment saved ${b.page.priorities.savedAt}.`
        : `No priorities shown (the page says they are not yet published): ${b.page.unpublished ?? 'none published'}.`,
      `${b.page.actions.length} public actions; ${b.page.youSaidWeDid.length} "You said, we did" items; ${b.page.contacts.length} ways to report; ${b.page.services.length} support services.`,
      `Reading ease ${b.readability.readingEase.toFixed(0)} (Flesch; 60 or more is plain English), reading age about ${b.readability.readingAge.toFixed(0)}.`,
    ]
      .filter((l) => l !== '')
      .join('\n'),
  json: (b: BuiltPublicPage) => ({
    out: b.out,
    files: b.files,
    readability: b.readability,
    ...b.page,
  }),
});
