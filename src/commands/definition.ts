/**
 * One definition per command: the seam the CLI, the HTTP API, the help and the docs share.
 *
 * A command is a name, the task it belongs to, a summary, examples, its options (each a zod schema
 * with a description: the CLI parses flags into them, the API query strings and JSON bodies), how
 * it uses the store, a `run(deps, input)` that returns a plain document (the `--json` output and
 * the API's answer), and `text(document)` for the terminal. Nothing here knows about flags,
 * processes or HTTP: the adapters in src/cli (and src/server) do.
 */
import type { z } from 'zod';

import type { DataTable } from '../domain/data-table.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import type { ValueCheck } from './option-values.js';

/** What a person uses the command for: `lantern help` lists commands under these headings. */
export const TASKS = [
  'Get data in',
  'Look at an area',
  'Compare and explain',
  'Places and patterns',
  'Priorities and reports',
  'Look after the store',
  'Manage access',
] as const;
export type Task = (typeof TASKS)[number];

/** How a command uses the store: the edge opens it accordingly before `run`. */
export type StoreUse =
  /** No store: the command works on its options alone. */
  | 'none'
  /**
   * Only reads a store that must exist (a mistyped --db is refused, not created): the HTTP API
   * mounts these as GET endpoints, and they may run beside one another.
   */
  | 'read'
  /** Reads and adds to a store that must exist: a mistyped --db is refused, not created. */
  | 'existing'
  /** Creates the store if there is none (imports, the demo). */
  | 'create';

/** A progress event of long work, for whoever is watching (a terminal's bar, a server's stream). */
export interface ProgressEvent {
  phase: 'start' | 'step' | 'done';
  /** Steps in all (at 'start'), and the step just done with what it was about. */
  total?: number;
  label?: string;
  /** At 'start': what the work is ("importing") and what its steps count ("files"). */
  doing?: string;
  unit?: string;
}

/** Everything a command runs with, made at the edge. */
export interface Deps {
  /** The store, opened as the command declares (see StoreUse). */
  db: Db;
  /** What the caller may see. */
  scope: Scope;
  /** The current time (tests fix it). */
  clock: () => Date;
  /** The key file of the store's hashed partner references (never inside the store). */
  hashKeyFile: string;
  /** Where the store is: for messages that must name it. */
  storePath: string;
  /** Progress of long work. */
  progress: (event: ProgressEvent) => void;
  /** Tells a person something now, while the command still runs (a server's address). */
  say: (text: string) => void;
  /**
   * Resolves when the person asks a long-running command (serve) to stop: Ctrl+C in a terminal.
   * Only such a command calls it; until then, stopping works as for any process.
   */
  untilStopped: () => Promise<void>;
  /**
   * The environment the edge runs in, for the few settings it carries (LANTERN_POLICE_API,
   * LANTERN_CHROMIUM, …): read by commands, passed to use cases as plain values.
   */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * What was piped to the command's standard input (a password, for commands that must never take
   * one as an option), or null when nothing was: a terminal, or an adapter that has no input.
   */
  readStdin: () => Promise<string | null>;
  /**
   * True when the command answers a request of the HTTP server, which answers everyone else on
   * the same thread: work that could hold it for long (near-repeat's permutations, cameras' exact
   * solver) is limited to a few seconds.
   */
  served: boolean;
}

/**
 * One option: how the terminal reads it (`kind`), what it means (`description`, shown in help and
 * docs), what to type (`placeholder`), and the schema that checks and converts the raw value
 * (a string, a boolean, or undefined when absent) into the command's input.
 */
export interface OptionSpec<T = unknown> {
  kind: 'string' | 'boolean' | 'strings';
  description: string;
  placeholder?: string;
  schema: z.ZodType<T>;
  /** Shown in help: the value used when the option is absent. */
  defaultText?: string;
  /** A one-letter alias. */
  short?: string;
  /** The kind of value (option-values.ts), when the CLI may check it before loading the command. */
  check?: ValueCheck;
  /**
   * A path on the machine that runs Lantern (a settings file, an output file): the terminal
   * takes it, the HTTP API does not, so that no caller can name the server's files. Over HTTP
   * the option keeps its default.
   */
  local?: boolean;
}

/** The words a command takes after its name (file paths, say), as one input field. */
export interface PositionalSpec<T = unknown> {
  /** The input field they fill. */
  key: string;
  placeholder: string;
  description: string;
  schema: z.ZodType<T>;
  /** Exactly one is taken (help shows ID, not ID...). */
  single?: true;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The input a command's options produce: each option's converted value. */
export type InputOf<O extends OptionSpecs, P extends PositionalSpec | undefined> = {
  [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never;
} & (P extends { key: infer K extends string; schema: z.ZodType<infer T> }
  ? { [key in K]: T }
  : unknown);

export interface CommandDefinition<
  O extends OptionSpecs = OptionSpecs,
  P extends PositionalSpec | undefined = PositionalSpec | undefined,
  D = unknown,
> {
  /** The words that name it: 'trends', 'areas check', 'fetch boundaries'. */
  name: string;
  task: Task;
  /** One line: what it does, for a person choosing a command. */
  summary: string;
  /** A few sentences more, for its help page and the docs. */
  description?: string;
  /** Complete command lines that work on the demo store. */
  examples: readonly string[];
  options: O;
  positionals?: P;
  store: StoreUse;
  run(deps: Deps, input: InputOf<O, P>): Promise<D>;
  /** The document as a person reads it in a terminal. */
  text(document: D, input: InputOf<O, P>): string;
  /** The `--json` document (and the API's answer), when it is not the document itself. */
  json?(document: D, input: InputOf<O, P>): unknown;
  /**
   * The JSON Schema of that document's top level, for the OpenAPI document, when it is not an
   * object: a list, or a list when an option asks for several.
   */
  jsonSchema?: Record<string, unknown>;
  /**
   * The document's tables, as a spreadsheet or Power BI takes them (one value per cell, notes on
   * how to read them): the API exports these as CSV, XLSX and Parquet.
   */
  tables?(document: D, input: InputOf<O, P>): DataTable[];
  /** Lines for stderr: warnings a person must see even when stdout is piped. */
  notes?(document: D): string[];
  /** The exit code for a document (default 0): for example 2 when a file was refused. */
  exitCode?(document: D): number;
}

/** Declares a command, keeping its input type exact for `run` and `text`. */
export function defineCommand<
  O extends OptionSpecs,
  const P extends PositionalSpec | undefined = undefined,
  D = unknown,
>(definition: CommandDefinition<O, P, D>): CommandDefinition<O, P, D> {
  return definition;
}

/** Any command, as the adapters hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any, any, any>;
