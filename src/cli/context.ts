/**
 * What every command shares: where the store is (`--db`, else LANTERN_DB, else
 * ./lantern.duckdb), whether output is JSON, and the streams to write to.
 */
import { FULL_SCOPE, type Scope } from '../domain/scope.js';

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

export function defaultScope(): Scope {
  return FULL_SCOPE;
}
