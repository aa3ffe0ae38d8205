/**
 * The one handle on DuckDB. Only src/store imports @duckdb/node-api (an ESLint rule keeps it so);
 * everything else goes through the typed query functions next to this file. User values are
 * always bound as parameters; identifiers never come from user input.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';

import { InputError, StorageError } from '../errors.js';
import { readServingNote } from './serving-note.js';

// Loaded with require: the package is CommonJS, and an ES import of it has Node scan every file of
// the package for its exports first (about 0.1 s of CPU at every start; docs/benchmarks.md,
// Start-up).
const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;
const { DuckDBInstance, DuckDBTypeId, LIST, listValue } = duckdb;
/** DuckDB's text type, for parameters that must be typed (an empty list, a NULL). */
export const VARCHAR: DuckDBType = duckdb.VARCHAR;

export type Params = Record<string, DuckDBValue>;
export type ParamTypes = Record<string, DuckDBType>;

/** The type of a list-of-text parameter, needed when the list may be empty. */
export const TEXT_LIST: DuckDBType = LIST(VARCHAR);
export type Row = Record<string, unknown>;

/** A query's result as columns (Db.queryColumns). */
export interface Columns {
  length: number;
  /** Numeric columns as Float64Array (NULL as NaN); others as arrays of plain values. */
  columns: Record<string, Float64Array | unknown[]>;
}

const NUMERIC_TYPES: ReadonlySet<DuckDB.DuckDBTypeId> = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
]);

/** How Db.open opens the file. */
export interface DbOpenOptions {
  /** Read only, beside other readers (the file must exist; nothing can be written). */
  readOnly?: boolean;
}

/**
 * The store's file is held by another process: a reader finds a writer at work, or a writer finds
 * any other process (readers included) using it. The message says what to do.
 */
export class StoreInUseError extends InputError {
  constructor(path: string, readOnly: boolean, cause: string) {
    const holder = /held in .*\(PID (\d+)\)/u.exec(cause)?.[1];
    const by = holder ? ` (process ${holder})` : '';
    const served = holder ? readServingNote(path) : null;
    super(
      served !== null && String(served.pid) === holder
        ? `${path}: lantern serve (process ${holder}) is serving this store at ${served.url}, and ` +
            'holds it for as long as it runs, so no other command can open it. Use the dashboard or ' +
            'its API there (GET /api/openapi.json lists them; files are imported by upload), or stop ' +
            'the server (Ctrl+C where it runs) and run this again.'
        : readOnly
          ? `${path}: the store is being changed by another Lantern command${by}, such as an ` +
            'import or a report; a command that reads must wait for it. Run this again when it has finished.'
          : `${path}: the store is in use by another Lantern process${by}. This command changes ` +
            'the store, so it needs the store to itself: run it again when the other commands using ' +
            'it (reads such as trends or summary included) have finished.',
    );
  }
}

/** How many reads Db.kept holds at most: the register has about 43,500 areas. */
const KEPT_READS = 100_000;

/**
 * The short read-and-write transactions of one open store (retryingTransaction), run one after
 * another across all its sessions. DuckDB's transactions are optimistic: forty sign-ins at once
 * each read the audit log's last row and all but one fail to append the next at commit; run
 * again a few times they still collided, and the rest failed (a 500, their audit row and their
 * count towards the lockout lost). Queued, none collides with another of this process. Re-entrant:
 * work already in the queue that starts another such transaction runs it at once.
 */
class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly holding = new AsyncLocalStorage<true>();

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.holding.getStore()) return work();
    const turn = this.tail.then(() => this.holding.run(true, work));
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}

export class Db {
  private readonly instance: DuckDB.DuckDBInstance;
  private readonly connection: DuckDBConnection;
  readonly path: string;
  /** False for a session on another's instance (Db.session): closing it leaves the store open. */
  private readonly ownsInstance: boolean;
  /** Reads kept for the open store's life (Db.kept), shared by its sessions. */
  private readonly keptReads: Map<string, Promise<unknown>>;
  /** The store's queue of short write transactions, shared by its sessions. */
  private readonly writes: WriteQueue;

  private constructor(
    instance: DuckDB.DuckDBInstance,
    connection: DuckDBConnection,
    path: string,
    ownsInstance = true,
    keptReads = new Map<string, Promise<unknown>>(),
    writes = new WriteQueue(),
  ) {
    this.instance = instance;
    this.connection = connection;
    this.path = path;
    this.ownsInstance = ownsInstance;
    this.keptReads = keptReads;
    this.writes = writes;
  }

  /**
   * A read of what cannot change while the store is open, made once and kept for this process's
   * use of the store (every session of the server shares it): only for tables that nothing but a
   * migration writes, and migrations run when the store is opened, before any read. A read that
   * fails, or that `keep` declines (a code not yet in the register), is not kept. At most
   * KEPT_READS entries: past that the oldest half is dropped, so that a caller who asks for
   * endless different keys costs memory no more than that.
   */
  async kept<T>(key: string, read: () => Promise<T>, keep: (value: T) => boolean = () => true) {
    const known = this.keptReads.get(key) as Promise<T> | undefined;
    if (known) return known;
    const pending = read();
    this.keptReads.set(key, pending);
    try {
      const value = await pending;
      if (!keep(value)) this.keptReads.delete(key);
      else if (this.keptReads.size > KEPT_READS) {
        let drop = this.keptReads.size / 2;
        for (const k of this.keptReads.keys()) if (drop-- > 0) this.keptReads.delete(k);
      }
      return value;
    } catch (error) {
      this.keptReads.delete(key);
      throw error;
    }
  }

  /**
   * Another connection to the same open store, for one request of a long-running process (the
   * HTTP server): it has transactions of its own, so it sees only committed work (never the rows
   * of an import still in progress on another session), and closing it leaves the store open.
   */
  async session(): Promise<Db> {
    return new Db(
      this.instance,
      await this.instance.connect(),
      this.path,
      false,
      this.keptReads,
      this.writes,
    );
  }

  /**
   * Opens (creating if needed) the database file at `path`, or ':memory:'. With `readOnly`, the
   * file must exist and is opened for reading only: any number of Lantern processes may read it
   * at once, while a process that writes needs it to itself (DuckDB's file lock).
   */
  static async open(path: string, options: DbOpenOptions = {}): Promise<Db> {
    if (path !== ':memory:') refuseForeignFile(path);
    const readOnly = options.readOnly === true && path !== ':memory:';
    let instance: DuckDB.DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        ...(readOnly ? { access_mode: 'READ_ONLY' } : {}),
        // Checkpoint when the import says so (Db.checkpoint), not after every 16 MB of log:
        // per-file commits stay cheap, and a crash still replays only committed work.
        checkpoint_threshold: '1GB',
        threads: process.env.LANTERN_DUCKDB_THREADS ?? '2',
        // Lantern needs no extension, and must never fetch code from the internet: DuckDB would
        // otherwise download one to read a file it recognises as another database's (SQLite).
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        allow_community_extensions: 'false',
      });
    } catch (error) {
      const message = (error as Error).message;
      // DuckDB's own words for a file another process holds; not any message with "lock" in it
      // (QA: a damaged header's "checksum ... in block at location 4096" was read as one).
      if (LOCK_CONFLICT.test(message)) throw new StoreInUseError(path, readOnly, message);
      throw (
        storeProblem(path, error) ?? new InputError(`${path}: cannot open the store (${message})`)
      );
    }
    return new Db(instance, await instance.connect(), path);
  }

  /** Runs a query and returns its rows as plain objects; BIGINTs become numbers. */
  async query<T extends Row = Row>(sql: string, params?: Params, types?: ParamTypes): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params, types);
      return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
    } catch (error) {
      throw storeProblem(this.path, error) ?? error;
    }
  }

  /**
   * Runs a query and returns its columns by name, without an object (or even an array) per row:
   * numeric columns (integers, DOUBLE, FLOAT) as one Float64Array each, NULL read as NaN; any other
   * column as an array of plain values (BIGINTs become numbers). For results of many rows whose
   * consumer is numeric (points for hotspots).
   */
  async queryColumns(sql: string, params?: Params, types?: ParamTypes): Promise<Columns> {
    const result = await this.connection.run(sql, params, types).catch((error: unknown) => {
      throw storeProblem(this.path, error) ?? error;
    });
    const length = result.rowCount;
    const names = result.deduplicatedColumnNames();
    const columns: Record<string, Float64Array | unknown[]> = {};
    const numeric = names.map((_, j) => NUMERIC_TYPES.has(result.columnTypeId(j)));
    const out = names.map((name, j) => {
      const column = numeric[j] ? new Float64Array(length) : new Array<unknown>(length);
      columns[name] = column;
      return column;
    });
    let offset = 0;
    for (let c = 0; c < result.chunkCount; c++) {
      const chunk = result.getChunk(c);
      const rows = chunk.rowCount;
      for (let j = 0; j < names.length; j++) {
        const vector = chunk.getColumnVector(j);
        const target = out[j] as Float64Array | unknown[];
        if (numeric[j]) {
          const numbers = target as Float64Array;
          for (let i = 0; i < rows; i++) {
            const v = vector.getItem(i) as number | bigint | null;
            numbers[offset + i] = v === null ? NaN : Number(v);
          }
        } else {
          for (let i = 0; i < rows; i++) target[offset + i] = plainValue(vector.getItem(i));
        }
      }
      offset += rows;
    }
    return { length, columns };
  }

  async run(sql: string, params?: Params): Promise<void> {
    try {
      await this.connection.run(sql, params);
    } catch (error) {
      throw storeProblem(this.path, error) ?? error;
    }
  }

  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw storeProblem(this.path, error) ?? error;
    }
  }

  /**
   * Runs `work` in one transaction as `transaction` does, and runs it again when it loses a race
   * with another session of the same store (the server's requests each have one). DuckDB's
   * transactions are optimistic: two that append the next row of the audit log, or update the
   * same row, at the same moment conflict, and the later fails at the statement or at its commit.
   * Rolled back and run again, it sees the other's committed work and goes on from there. For
   * short work whose every read and write is inside `work`: a read made before it would be stale
   * on the second run. The sessions of this process take turns (WriteQueue), so they do not race
   * each other; the retries are for a plain transaction of another session that wrote meanwhile.
   */
  async retryingTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.writes.run(() => this.retrying(work));
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(work);
      } catch (error) {
        if (attempt >= RETRIES || !isWriteConflict(error)) throw error;
        // A short, growing, jittered pause, so the sessions that collided do not collide again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
      }
    }
  }

  /**
   * Runs statements as one transaction in a single call, so DuckDB executes all of them without
   * waiting on JavaScript in between. On any failure the transaction is rolled back.
   */
  async transactionScript(statements: readonly string[]): Promise<void> {
    try {
      await this.connection.run(['BEGIN TRANSACTION', ...statements, 'COMMIT'].join(';\n'));
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Runs statements in one call, inside whatever transaction is open. */
  async script(statements: readonly string[]): Promise<void> {
    await this.connection.run(statements.join(';\n'));
  }

  /** Rolls back the open transaction, if any. */
  async rollback(): Promise<void> {
    await this.connection.run('ROLLBACK').catch(() => undefined);
  }

  /** Appends rows to a table through DuckDB's appender (inside the current transaction). */
  async append(
    table: string,
    rows: readonly (readonly (string | number | null)[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const appender = await this.connection.createAppender(table);
    for (const row of rows) {
      for (const value of row) {
        if (value === null) appender.appendNull();
        else if (typeof value === 'number') appender.appendInteger(value);
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  /** The current value of a DuckDB setting, as text. */
  async setting(name: string): Promise<string> {
    const [row] = await this.query<{ value: string }>(
      'SELECT current_setting($name)::VARCHAR AS value',
      { name },
    );
    return String(row?.value);
  }

  /** Sets a DuckDB setting (for the whole database) to a value given as text or a number. */
  async set(name: string, value: string | number): Promise<void> {
    const literal = typeof value === 'number' ? String(value) : quoteLiteral(value);
    await this.connection.run(`SET ${name} = ${literal}`);
  }

  /**
   * Writes committed work from the log into the database file. A file that cannot be written
   * (disk full) throws StorageError: the committed work is safe in the log meanwhile.
   * Other sessions may be reading (the server answers requests while an import ends): DuckDB 1.5
   * checkpoints with their transactions open and keeps their snapshots, so nothing waits or
   * retries here (src/store/db-sessions.test.ts holds DuckDB to that).
   */
  async checkpoint(): Promise<void> {
    try {
      await this.connection.run('CHECKPOINT');
    } catch (error) {
      throw storageError(this.path, error) ?? error;
    }
  }

  close(): void {
    try {
      this.connection.closeSync();
      if (this.ownsInstance) this.instance.closeSync();
    } catch (error) {
      // DuckDB checkpoints on close; after a failed write it may refuse to close at all. What
      // was committed is in the log either way.
      if (storageError(this.path, error) === null && !/invalidated/iu.test(String(error))) {
        throw error;
      }
    }
  }
}

/**
 * DuckDB's failure to write the store's file, as a StorageError that says what it means for the
 * user; null for any other error.
 */
export function storageError(path: string, error: unknown): StorageError | null {
  const cause = storageFailure(error);
  if (cause === null) return null;
  return new StorageError(
    `${path}: the store's file could not be written because ${cause}. Everything already ` +
      "committed is kept in the store's log and is applied the next time Lantern opens the " +
      'store; free some space and run the command again (files already imported are recognised ' +
      'and not imported twice).',
  );
}

/** Why DuckDB could not write the store's files ("the disk is full"), or null for other errors. */
export function storageFailure(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/No space left on device/iu.test(message)) return 'the disk is full';
  if (/Read-only file system/iu.test(message)) return 'the file system is read-only';
  if (/Disk quota exceeded/iu.test(message)) return 'the disk quota is used up';
  return null;
}

/** DuckDB's message for a store file another process holds open. */
const LOCK_CONFLICT = /Could not set lock on file|Conflicting lock is held/iu;

/**
 * DuckDB's failure to read or write the store's file that is no fault of the command's input, as
 * a StorageError that says what it means and what to do: a damaged file (its checksums fail, it
 * was cut short), or a store whose file or folder this user may not write (DuckDB keeps its log,
 * STORE.wal, beside the store). Null for any other error (a full disk included: see
 * storageError), and for a StorageError already made.
 */
export function storeProblem(path: string, error: unknown): StorageError | null {
  if (error instanceof StorageError) return null;
  const message = error instanceof Error ? error.message : String(error);
  const said = (message.split('\n')[0] ?? '').replace(/^[A-Za-z ]+Error: /u, '');
  // DuckDB names the file by its absolute path: a store given as ./lantern.duckdb or
  // ../data/lantern.duckdb is named so in no message (QA: such a store cut short, or in a folder
  // this user may not write, ended in "cannot open the store" or "unexpected failure" and a stack).
  const full = resolve(path);
  const ofStore = message.includes(path) || message.includes(full);
  const damaged =
    /Corrupt database file/iu.test(message) ||
    (/Could not read enough bytes from file|not a valid DuckDB database file/iu.test(message) &&
      ofStore);
  if (damaged) {
    return new StorageError(
      `${path}: the store's file is damaged (${said}). Lantern cannot read it as it is, and ` +
        'nothing can mend it in place: restore the file from a backup (with its .wal file, if ' +
        `one was kept, and its hash key, ${path}.hash-key, if the backup has one), or build the ` +
        'store again (lantern demo, lantern import).',
    );
  }
  // Only of the store's own files: a Parquet export refused its folder is the caller's to say.
  if (/Permission denied/iu.test(message) && ofStore) {
    const log = /\.wal"?:/iu.test(message);
    return new StorageError(
      `${path}: the store cannot be written by this user: ${
        log
          ? `its log (${path}.wal) cannot be made in the folder ${dirname(full)}, which DuckDB needs to write beside the store`
          : 'the file, or its folder, may be read but not written'
      } (${said}). Nothing of this command was stored. Run it as a user who may write the ` +
        'folder and the file, or copy the store to a folder you may write and give --db that copy.',
    );
  }
  // A full disk is said where it matters (Db.checkpoint; an import's report of each file).
  return null;
}

/** DuckDB's file signature: the four bytes at offset 8 of every database file. */
const DUCKDB_MAGIC = Buffer.from('DUCK', 'ascii');

/**
 * Refuses a file that exists but is not a DuckDB database. DuckDB would open some such files in
 * its own way (a CSV as an in-memory database with a view of it, so an import would report
 * success and keep nothing; a SQLite file through an extension), and report others only as "not
 * a valid DuckDB database".
 */
function refuseForeignFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // a new store
    if (code === 'EISDIR') throw new InputError(`${path}: is a folder, not a Lantern store file`);
    throw new InputError(`${path}: cannot open the store (${(error as Error).message})`);
  }
  try {
    if (fstatSync(fd).isDirectory()) {
      throw new InputError(`${path}: is a folder, not a Lantern store file`);
    }
    const head = Buffer.alloc(12);
    const read = readSync(fd, head, 0, 12, 0);
    if (read === 0) {
      throw new InputError(
        `${path}: is an empty file, not a Lantern store; remove it, or give --db a new path to create a store there`,
      );
    }
    if (read < 12 || !head.subarray(8, 12).equals(DUCKDB_MAGIC)) {
      throw new InputError(
        `${path}: is not a Lantern store (a DuckDB database file); nothing was changed. ` +
          'Give --db the store file (for example lantern.duckdb), or a new path to create one.',
      );
    }
  } finally {
    closeSync(fd);
  }
}

/** A list parameter, for `list_contains($months, month)` and the like. */
export function list(values: readonly (string | number)[]): DuckDBValue {
  return listValue([...values]);
}

/** A string literal for the few places DuckDB takes no parameter (table-function file paths). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function toPlain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out;
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plainValue);
  return v;
}

/** How many times in all `retryingTransaction` runs its work before giving up. */
const RETRIES = 10;

/**
 * DuckDB's words for a transaction that lost a race with another session's commit: a row both
 * wrote, or a key both took (the next audit or history number).
 */
export function isWriteConflict(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Conflict on (update|tuple)|write-write conflict|PRIMARY KEY or UNIQUE constraint|duplicate key/iu.test(
    message,
  );
}
