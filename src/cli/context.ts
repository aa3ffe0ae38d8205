/**
 * What every command shares: where the store is (`--db`, else LANTERN_DB, else
 * ./lantern.duckdb), whether output is JSON, and the streams to write to.
 */
import { existsSync } from 'node:fs';

import { FULL_SCOPE, type Scope } from '../domain/scope.js';
import { NotFoundError } from '../errors.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';

export const DEFAULT_DB = './lantern.duckdb';

export interface CommandContext {
  dbPath: string;
  json: boolean;
  scope: Scope;
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when a person is watching: progress bars are shown only then. */
  interactive: boolean;
  /** The key of the keyed hash of personal fields: a file beside the store, never inside it. */
  hashKeyFile: string;
  /** The process's environment, read only here at the edge. */
  env: Readonly<Record<string, string | undefined>>;
}

export function resolveHashKeyFile(dbPath: string, env: NodeJS.ProcessEnv): string {
  return env.LANTERN_HASH_KEY_FILE ?? `${dbPath}.hash-key`;
}

export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ?? env.LANTERN_DB ?? DEFAULT_DB;
}

/**
 * Opens the store for the length of `work`, and always closes it. `mustExist`: commands that work
 * on what earlier commands stored (reading it, or saving an assessment of it) refuse a path where
 * no store exists, rather than creating an empty one from a mistyped --db.
 */
export async function withStore<T>(
  ctx: CommandContext,
  work: (db: Db) => Promise<T>,
  options: { mustExist?: boolean } = {},
): Promise<T> {
  if (options.mustExist && ctx.dbPath !== ':memory:' && !existsSync(ctx.dbPath)) {
    throw new NotFoundError(
      `${ctx.dbPath}: no store here; build one with 'lantern demo' or 'lantern import', or give --db`,
    );
  }
  const db = await openStore(ctx.dbPath, { onRepair: ctx.err });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export function defaultScope(): Scope {
  return FULL_SCOPE;
}

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}
