/**
 * Running a command the same way from every adapter: its raw input checked against its options'
 * schemas (errors name the option as the adapter calls it), the store opened as the command
 * declares, `run`, and the store closed again.
 */
import { existsSync } from 'node:fs';

import { z } from 'zod';

import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import type { Db } from '../store/db.js';
import type { AnyCommand, Deps, OptionSpecs, ProgressEvent } from './definition.js';

/** What the adapter provides: where the store is, who is asking, and where to tell things. */
export interface Edge {
  storePath: string;
  hashKeyFile: string;
  scope: Scope;
  /**
   * The user the command acts as (the CLI's --as or LANTERN_AS): the command reads with that
   * user's grants in place of `scope`. Absent: the owner of the store's file, who sees everything
   * (whoever can read the file can read it all with DuckDB).
   */
  actingAs?: string;
  /**
   * Who is named in the audit log for an import or a read of a restricted dataset (the server's
   * caller). Absent: the --as user, else `local:` and the operating system's user name.
   */
  actor?: string;
  clock?: () => Date;
  progress?: (event: ProgressEvent) => void;
  /** Told what a command says while it runs (a server's address). */
  say?: (text: string) => void;
  /** Resolves when the person asks a long-running command to stop (the CLI: Ctrl+C). */
  untilStopped?: () => Promise<void>;
  /** Told about repairs made when the store was opened. */
  notify?: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
  /** What was piped to standard input (default: this process's, unless it is a terminal). */
  readStdin?: () => Promise<string | null>;
  /**
   * A store already open (a long-running server's session): used as it is and left open, in
   * place of opening the store at storePath for this one run.
   */
  db?: Db;
  /** The command answers a request of the HTTP server: long work is limited (Deps.served). */
  served?: boolean;
}

/**
 * The command's input from raw values (absent options undefined), or InputError naming the
 * option as `nameOf` does. The terminal names a missing option with its placeholder (`--period
 * PERIOD is required`); over HTTP (`placeholders` false) it is named as its parameter alone,
 * quoted ('period' is required): "period PERIOD" and "cameras K" meant nothing to a caller of
 * the API.
 */
export function readInput(
  command: AnyCommand,
  raw: Record<string, unknown>,
  nameOf: (key: string) => string,
  placeholders = true,
): Record<string, unknown> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(command.options as OptionSpecs))
    shape[key] = spec.schema;
  if (command.positionals) shape[command.positionals.key] = command.positionals.schema;
  const result = z.object(shape).safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const key = String(issue.path[0] ?? '');
  const positional = command.positionals?.key === key;
  const missing =
    raw[key] === undefined &&
    (issue.message === 'is required' ||
      (issue.code === 'invalid_type' && issue.input === undefined));
  if (missing && !positional) {
    const spec = (command.options as OptionSpecs)[key];
    const placeholder = spec?.kind === 'string' && spec.placeholder ? ` ${spec.placeholder}` : '';
    const what = spec ? ` (${spec.description.replace(/\.$/u, '')})` : '';
    const named = placeholders ? `${nameOf(key)}${placeholder}` : `'${nameOf(key)}'`;
    throw new InputError(`${named} is required${what}`, { field: key });
  }
  const message = missing ? 'is required' : issue.message;
  throw new InputError(
    positional ? `${command.name}: ${message}` : `${nameOf(key)}: ${message}`,
    positional ? {} : { field: key },
  );
}

/** Runs the command with its input checked, the store open for the length of the run. */
export async function execute(
  command: AnyCommand,
  input: Record<string, unknown>,
  edge: Edge,
): Promise<unknown> {
  const db =
    command.store === 'none' ? noStore(command.name) : (edge.db ?? (await open(command, edge)));
  let scope = edge.scope;
  if (edge.actingAs !== undefined && command.store !== 'none') {
    try {
      const { scopeOfNamedUser } = await import('../usecases/access-actor.js');
      scope = await scopeOfNamedUser(db, edge.actingAs);
    } catch (error) {
      if (edge.db === undefined) db.close();
      throw error;
    }
  }
  const deps: Deps = {
    db,
    scope,
    clock: edge.clock ?? (() => new Date()),
    hashKeyFile: edge.hashKeyFile,
    storePath: edge.storePath,
    progress: edge.progress ?? (() => undefined),
    say: edge.say ?? (() => undefined),
    untilStopped: edge.untilStopped ?? (() => new Promise<void>(() => undefined)),
    env: edge.env ?? {},
    readStdin: edge.readStdin ?? readProcessStdin,
    served: edge.served ?? false,
  };
  try {
    // Here the command has the store to itself, written: its use is recorded when it is over.
    // A server (edge.db) records it after the request's transaction; a read-only open cannot,
    // and a local read needs no record (the file's holder can read it all with DuckDB).
    const records =
      edge.db === undefined && (command.store === 'create' || command.store === 'existing');
    let document: unknown;
    try {
      document = await command.run(deps, input);
    } catch (error) {
      // A failed use keeps its own error, even if it cannot be recorded.
      if (records) await audit(command, input, edge, db, deps.clock(), error).catch(() => {});
      throw error;
    }
    // A use that went through is not left unrecorded.
    if (records) {
      // A command that reports a problem by its exit code (an import with files refused) ended
      // without throwing, but not as asked.
      const code = command.exitCode?.(document) ?? 0;
      if (code === 0) await audit(command, input, edge, db, deps.clock(), undefined);
      else {
        // Its report says what went wrong (a disk that filled may have left the store unusable
        // for this run): a record that cannot be written does not hide it.
        const ending = new Error(
          `ended with exit code ${code}: not everything was done (see its report)`,
        );
        await audit(command, input, edge, db, deps.clock(), ending).catch(() => {});
      }
    }
    return document;
  } finally {
    if (command.store !== 'none' && edge.db === undefined) db.close();
  }
}

/** Appends the audit row of a use that leaves one (domain/audited-use.ts). */
async function audit(
  command: AnyCommand,
  input: Record<string, unknown>,
  edge: Edge,
  db: Db,
  now: Date,
  error: unknown,
): Promise<void> {
  const { auditedUse } = await import('../domain/audited-use.js');
  const { DATASET_SENSITIVITIES } = await import('../domain/dataset-sensitivity.js');
  const use = auditedUse(command.name, input, DATASET_SENSITIVITIES);
  if (use === null) return;
  const { recordUse, endingOf } = await import('../usecases/audit.js');
  const env = edge.env ?? {};
  const actor = edge.actor ?? edge.actingAs ?? `local:${env.USER ?? env.USERNAME ?? 'unknown'}`;
  await db.rollback(); // a failed command may have left its transaction open
  await recordUse(db, actor, use, endingOf(error), now);
}

async function open(command: AnyCommand, edge: Edge): Promise<Db> {
  const path = edge.storePath;
  if (command.store !== 'create' && path !== ':memory:' && !existsSync(path)) {
    throw new NotFoundError(
      `${path}: no store here; build one with 'lantern demo' or 'lantern import', or give --db`,
    );
  }
  // Loaded here, not at the top: commands that need no store (help, categories) never load DuckDB.
  const { openStore } = await import('../store/open-store.js');
  return openStore(path, {
    ...(edge.notify ? { onRepair: edge.notify } : {}),
    // Reads open the store read-only, so that they run beside one another.
    readOnly: command.store === 'read',
    // Searches an earlier version or a stopped import left without a district are placed on
    // open (the use case is loaded only when there are some).
    pendingWork: {
      placeSearches: async (db) =>
        (await import('../usecases/place-searches.js')).placeStoredSearches(db),
    },
  });
}

/** This process's piped standard input, or null when it is a terminal. */
async function readProcessStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The store of a command that declared it needs none: using it is a bug in the command. */
function noStore(name: string): Db {
  return new Proxy({} as Db, {
    get() {
      throw new Error(`${name} declared it needs no store, but used it`);
    },
  });
}
