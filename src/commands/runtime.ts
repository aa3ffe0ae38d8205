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
}

/** The command's input from raw values (absent options undefined), or InputError naming the option. */
export function readInput(
  command: AnyCommand,
  raw: Record<string, unknown>,
  nameOf: (key: string) => string,
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
    throw new InputError(`${nameOf(key)}${placeholder} is required${what}`, { field: key });
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
  const deps: Deps = {
    db,
    scope: edge.scope,
    clock: edge.clock ?? (() => new Date()),
    hashKeyFile: edge.hashKeyFile,
    storePath: edge.storePath,
    progress: edge.progress ?? (() => undefined),
    say: edge.say ?? (() => undefined),
    untilStopped: edge.untilStopped ?? (() => new Promise<void>(() => undefined)),
    env: edge.env ?? {},
    readStdin: edge.readStdin ?? readProcessStdin,
  };
  try {
    return await command.run(deps, input);
  } finally {
    if (command.store !== 'none' && edge.db === undefined) db.close();
  }
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
