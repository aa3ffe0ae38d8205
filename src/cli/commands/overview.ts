/**
 * `lantern overview --within A [--period P]`: what stands out across a partnership's districts —
 * for each category, the districts above their funnel limits, the significant changes (Holm-
 * adjusted), and the months above the limit expected from each district's history.
 */
import { basisWords } from '../../usecases/trends.js';
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { partnershipOverview } from '../../usecases/partnership-overview.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runOverview(
  ctx: CommandContext,
  args: { within?: string; period?: string },
): Promise<number> {
  if (!args.within) throw new InputError('overview: --within is required (a force or CSP)');
  const period = args.period ? parsePeriod(args.period) : undefined;
  const o = await withStore(
    ctx,
    (db) => partnershipOverview(db, ctx.scope, { within: args.within as string, period }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, o);
    return 0;
  }
  const rows = o.categories.map((category, i) => {
    const above = o.comparisons[i]?.areas.filter((a) => a.flag === 'above').map((a) => a.name);
    const significant = o.trends
      .map((docs) => docs[i])
      .filter((d) => d?.pValueAdjusted != null && d.pValueAdjusted < 0.05);
    const rises = significant.filter((d) => (d?.change ?? 0) > 0).length;
    const falls = significant.length - rises;
    const exceptions = o.exceptionsInPeriod.filter((e) => e.category === category.key).length;
    const total = o.trends.reduce((n, docs) => n + (docs[i]?.current ?? 0), 0);
    return [
      category.label,
      formatCount(total),
      above?.join(', ') || '–',
      significant.length === 0 && category.key === 'all-crime' ? '–' : String(rises),
      significant.length === 0 && category.key === 'all-crime' ? '–' : String(falls),
      String(exceptions),
    ];
  });
  const first = o.trends[0]?.[0];
  const c = first?.comparison;
  ctx.out(
    [
      `${o.within.name}: ${o.districts.length} districts, ${o.period.from}..${o.period.to}` +
        (c
          ? ` against ${c.label} (${basisWords(c)})`
          : ' (no earlier period held to compare with)'),
      ...(first?.coverage.partial ? [`PARTIAL PERIOD: ${first.coverage.words}.`] : []),
      ...[...new Set(o.trends.flat().flatMap((d) => d.comparison?.discontinuities ?? []))].map(
        (d) => `Comparisons span a known discontinuity: ${d}.`,
      ),
      '',
      formatTable(
        ['category', 'records', 'districts above the 95% funnel limit', 'rises', 'falls', 'exc.'],
        rows,
        ['left', 'right', 'left', 'right', 'right', 'right'],
      ),
      '',
      'Funnel: each district against the count expected at the group’s rate, with limits allowing for the usual spread between districts (overdispersion; lantern compare --limits poisson for chance alone).',
      'Rises, falls: districts with a significant change against the comparison period (exact test, p < 0.05 after Holm’s adjustment across each district’s categories; all crime is not tested separately).',
      'exc.: district-months in the period above the 99.8% range expected from the district’s own history (trend and season, allowing for how much its counts vary), fitted without that month.',
      'Each district’s figures: lantern trends --area D --all, lantern exceptions --area D --category C, or --json here.',
      'Counts are of recorded crime: much is never reported, and ASB least of all.',
    ].join('\n'),
  );
  return 0;
}
