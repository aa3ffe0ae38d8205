/**
 * What moved between two assessments (`lantern assess --compare-with ID`): for each issue, its
 * rank, band, scores and count then and now; issues new this time and issues no longer assessed.
 * A count that moved is said even when rank and band did not: of the same period, it is the trace of
 * revised figures (QA, year 2: "unchanged" was printed over a month police.uk had revised). Pure.
 */
import type { Band, IssueMove, ScoredIssue } from '../domain/priority.js';

export type { IssueMove, ScoredIssue };

const ORDER: Record<Band, number> = { Low: 0, Medium: 1, High: 2 };

export function assessmentChanges(
  then: readonly ScoredIssue[],
  now: readonly ScoredIssue[],
): IssueMove[] {
  const before = new Map(then.map((i) => [i.key, i]));
  const after = new Map(now.map((i) => [i.key, i]));
  const moves: IssueMove[] = now.map((n) => {
    const t = before.get(n.key);
    return {
      key: n.key,
      label: n.label,
      rank: { then: t?.rank ?? null, now: n.rank },
      band: { then: t?.band ?? null, now: n.band },
      risk: { then: t?.risk ?? null, now: n.risk },
      recorded: { then: t?.recorded ?? null, now: n.recorded ?? null },
      summary: t ? describe(t, n) : 'new',
    };
  });
  for (const t of then)
    if (!after.has(t.key))
      moves.push({
        key: t.key,
        label: t.label,
        rank: { then: t.rank, now: null },
        band: { then: t.band, now: null },
        risk: { then: t.risk, now: null },
        recorded: { then: t.recorded ?? null, now: null },
        summary: 'no longer assessed',
      });
  return moves;
}

function describe(t: ScoredIssue, n: ScoredIssue): string {
  const parts: string[] = [];
  const places = t.rank - n.rank;
  if (places !== 0)
    parts.push(
      `${places > 0 ? 'up' : 'down'} ${Math.abs(places)} place${Math.abs(places) === 1 ? '' : 's'}`,
    );
  if (t.band !== n.band)
    parts.push(`${t.band} → ${n.band} (${ORDER[n.band] > ORDER[t.band] ? 'raised' : 'lowered'})`);
  if (t.risk !== n.risk) parts.push(`risk ${t.risk} → ${n.risk}`);
  const [was, is] = [t.recorded ?? null, n.recorded ?? null];
  if (was !== null && is !== null && was !== is)
    parts.push(`recorded ${was.toLocaleString('en-GB')} → ${is.toLocaleString('en-GB')}`);
  return parts.length > 0 ? parts.join(', ') : 'unchanged';
}
