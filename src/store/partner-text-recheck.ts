/**
 * Partner text kept by versions before migration 009, checked again with the detector imports use
 * now (`domain/personal-data.ts`). Those versions checked only unmapped columns, and flagged one
 * only when 3 of its values or 5% looked personal, so a few addresses or phone numbers in an
 * offence group or a survey issue were stored (issue 14). Each stored value holding a clear
 * identifier is replaced by REMOVED_TEXT, the record and its counts kept: free text in
 * `partner_record.attributes` and `partner_count.dimensions`, `community_concern.issue`, and the
 * file names of `partner_batch`. When anything is replaced the store's file is rewritten after,
 * so the old bytes go too.
 */
import { DATASETS } from '../domain/datasets.js';
import { fileNameKind, personalKind } from '../domain/personal-data.js';
import type { Db } from './db.js';

export const REMOVED_TEXT = '(removed: personal data)';

/** One transaction; returns how many rows had a value replaced. */
export async function recheckPartnerText(db: Db): Promise<number> {
  return db.transaction(async () => {
    let changed = 0;
    // Keyed hashes are hex digests: no identifier's shape, but they are not text to check.
    const hashed = new Map(
      DATASETS.map((d) => [
        d.name,
        new Set(d.fields.filter((f) => f.personal === 'hash').map((f) => f.name)),
      ]),
    );
    for (const [table, column] of [
      ['partner_record', 'attributes'],
      ['partner_count', 'dimensions'],
    ] as const) {
      const rows = await db.query<{ rid: number; dataset: string; json: string }>(
        `SELECT rowid AS rid, dataset, ${column}::VARCHAR AS json FROM ${table}`,
      );
      for (const row of rows) {
        const values = JSON.parse(row.json) as Record<string, unknown>;
        let dirty = false;
        for (const [key, value] of Object.entries(values))
          if (
            typeof value === 'string' &&
            !hashed.get(row.dataset)?.has(key) &&
            personalKind(value)
          ) {
            values[key] = REMOVED_TEXT;
            dirty = true;
          }
        if (!dirty) continue;
        await db.run(`UPDATE ${table} SET ${column} = $json::JSON WHERE rowid = $rid`, {
          json: JSON.stringify(values),
          rid: row.rid,
        });
        changed += 1;
      }
    }
    const issues = await db.query<{ rid: number; issue: string }>(
      'SELECT rowid AS rid, issue FROM community_concern',
    );
    for (const row of issues.filter((r) => personalKind(r.issue))) {
      await db.run('UPDATE community_concern SET issue = $text WHERE rowid = $rid', {
        text: REMOVED_TEXT,
        rid: row.rid,
      });
      changed += 1;
    }
    const files = await db.query<{ id: number; name: string }>(
      'SELECT id, file_name AS name FROM partner_batch',
    );
    for (const file of files.filter((f) => fileNameKind(f.name))) {
      await db.run('UPDATE partner_batch SET file_name = $text WHERE id = $id', {
        text: REMOVED_TEXT,
        id: file.id,
      });
      changed += 1;
    }
    await db.run("DELETE FROM store_pending_task WHERE task = 'recheck-partner-text'");
    if (changed > 0)
      await db.run(
        `INSERT INTO store_pending_task VALUES
           ('rewrite-file', 'partner text that held personal data (${changed} rows)')`,
      );
    return changed;
  });
}
