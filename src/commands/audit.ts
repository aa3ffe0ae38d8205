/** `lantern audit`: the audit log (who, when, what, which area or dataset, outcome), and its check. */
import { parseInstant } from '../domain/instant-input.js';
import { oneLine } from '../domain/terminal-text.js';
import { InputError } from '../errors.js';
import type { AuditRow } from '../store/audit-log.js';
import { actorOf, asOption } from './access-options.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatTable } from './table.js';

interface AuditDocument {
  rows: AuditRow[];
  verified?: { rows: number; brokenAt: number | null };
}

export const auditCommand = defineCommand({
  name: 'audit',
  task: 'Manage access',
  summary:
    'The audit log: sign-ins, changes to users, grants and tokens, with who, when and the outcome',
  description:
    'Rows are only ever appended, each holding a hash of the one before, so an edited or deleted row is detected: --verify checks the whole chain and exits with 2 if it is broken.',
  examples: [
    'lantern audit --since 2026-01-01',
    'lantern audit --user Priya',
    'lantern audit --verify',
  ],
  options: {
    user: option.text('only what this user did (their name)', 'USER'),
    since: option.text(
      'only from this date or time on, in UTC unless a zone is given (2026-01-31, 2026-01-31T09:00, 2026-01-31T10:00+01:00)',
      'DATE',
    ),
    verify: option.flag('check the hash chain: is any row edited or deleted?'),
    as: asOption,
  },
  store: 'existing',
  async run(deps, input): Promise<AuditDocument> {
    const { auditLog, verifyAudit } = await import('../usecases/audit.js');
    const actor = await actorOf(deps, input.as);
    let since: Date | undefined;
    if (input.since !== undefined) {
      const read = parseInstant(input.since);
      if ('error' in read) throw new InputError(`--since: ${read.error}`);
      since = read.at;
    }
    const rows = await auditLog(
      deps.db,
      actor,
      { ...(input.user ? { user: input.user } : {}), ...(since ? { since } : {}) },
      deps.clock(),
    );
    return input.verify
      ? { rows, verified: await verifyAudit(deps.db, actor, deps.clock()) }
      : { rows };
  },
  text: ({ rows, verified }) =>
    [
      rows.length === 0
        ? 'No audit rows.'
        : formatTable(
            ['#', 'when (UTC)', 'who', 'action', 'area', 'dataset', 'outcome', 'detail'],
            // Each cell on one line, its control characters shown (␊ for a newline): a plan note
            // or a file name with a newline in it cannot print as a row of its own.
            rows.map((r) =>
              [
                String(r.seq),
                r.at.slice(0, 19).replace('T', ' '),
                r.actor,
                r.action,
                r.area ?? '',
                r.dataset ?? '',
                r.outcome,
                r.detail ?? '',
              ].map(oneLine),
            ),
            ['right', 'left', 'left', 'left', 'left', 'left', 'left', 'left'],
          ),
      ...(verified
        ? [
            '',
            verified.brokenAt === null
              ? `The chain of ${verified.rows} rows is intact: no row was edited or deleted.`
              : `The chain is BROKEN at row ${verified.brokenAt}: a row was edited, deleted or reordered there.`,
          ]
        : []),
    ].join('\n'),
  exitCode: (d) => (d.verified?.brokenAt != null ? 2 : 0),
});
