/**
 * Parses police.uk files on a worker thread when Lantern runs from its compiled build, so that
 * checking file N+1 and loading file N into DuckDB use two cores. Running from TypeScript
 * sources (tests), where Node cannot start a .ts worker, it parses on the calling thread with
 * the same function: results are identical either way. The worker starts at once and gets the
 * register's lookups as its first message, so that it boots while the store reads them.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { PlacementLookups } from '../../domain/placement.js';
import { InputError } from '../../errors.js';
import {
  toTransferable,
  type CheckedPoliceFile,
  type LookupsMessage,
  type ParseJob,
  type ParseReply,
} from './parse-messages.js';
import { parsePoliceFile } from './parse-police-file.js';

export type ParseRequest = Omit<ParseJob, 'id'>;

/** Options that load code into every thread before its own (`--import tsx` and the like). */
const PRELOAD_OPTIONS = new Set([
  '--import',
  '--require',
  '-r',
  '--loader',
  '--experimental-loader',
]);

/**
 * The parent's Node options without those that preload code: the worker is compiled JavaScript
 * and needs no loader hooks (a TypeScript runner's hooks cost it a tenth of a second to start
 * and slow every module it loads).
 */
function workerExecArgv(): string[] {
  const args: string[] = [];
  const given = process.execArgv;
  for (let i = 0; i < given.length; i++) {
    const arg = given[i] as string;
    const name = arg.split('=', 1)[0] as string;
    if (!PRELOAD_OPTIONS.has(name)) args.push(arg);
    else if (name === arg) i++; // the option's value is the next argument
  }
  return args;
}

export class ParsePool {
  private readonly worker: Worker | null;
  private readonly lookups: Promise<PlacementLookups>;
  /** Settles once the lookups have been read (and sent to the worker); rejects if they fail. */
  readonly ready: Promise<void>;
  private readonly pending = new Map<
    number,
    { resolve: (p: CheckedPoliceFile) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;

  /**
   * `thread: false` parses on the calling thread even from the compiled build: for a single file
   * there is nothing to check while DuckDB loads, and a worker's start (its own copy of Node's
   * internal modules and of Lantern's parsing code, and the register's lookups cloned into it)
   * cost more CPU than checking the file.
   */
  constructor(lookups: Promise<PlacementLookups>, options: { thread?: boolean } = {}) {
    this.lookups = lookups;
    const script = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
    const worker =
      options.thread !== false && existsSync(script)
        ? new Worker(script, { execArgv: workerExecArgv() })
        : null;
    this.worker = worker;
    worker?.on('message', (reply: ParseReply) => this.settle(reply));
    worker?.on('error', (error) => this.failAll(error));
    worker?.on('exit', (code) => {
      if (this.pending.size > 0)
        this.failAll(new Error(`the parsing thread stopped (exit code ${code})`));
    });
    this.ready = lookups.then((l) => worker?.postMessage({ lookups: l } satisfies LookupsMessage));
    this.ready.catch(() => undefined); // reported to whoever awaits `ready` or parses
  }

  /**
   * Checks a file. On a worker, bytes that fill their own ArrayBuffer are moved to it rather than
   * copied (a tenth of a second of copying per 60 MB on the calling thread): the caller must not
   * use them afterwards.
   */
  async parse(request: ParseRequest): Promise<CheckedPoliceFile> {
    if (!this.worker) {
      const lookups = await this.lookups;
      const { path, baseName, bytes, hash, force } = request;
      return toTransferable(parsePoliceFile(path, baseName, bytes, hash, { force, lookups }));
    }
    await this.ready; // jobs follow the lookups
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const { buffer, byteOffset, byteLength } = request.bytes;
      const own =
        buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
      this.worker?.postMessage({ ...request, id } satisfies ParseJob, own ? [buffer] : []);
    });
  }

  /** Whether files are checked on a worker thread. */
  get threaded(): boolean {
    return this.worker !== null;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }

  private settle(reply: ParseReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.parsed);
    else
      waiting.reject(reply.inputError ? new InputError(reply.message) : new Error(reply.message));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
