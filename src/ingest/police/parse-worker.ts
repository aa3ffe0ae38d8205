/**
 * The worker-thread side of ParsePool: checks police.uk files off the main thread, so that on a
 * machine with two or more cores the next file is parsed while DuckDB loads the previous one.
 */
import { parentPort } from 'node:worker_threads';

import type { PlacementLookups } from '../../domain/placement.js';
import { InputError } from '../../errors.js';
import { parsePoliceFile } from './parse-police-file.js';
import {
  toTransferable,
  type LookupsMessage,
  type ParseJob,
  type ParseReply,
} from './parse-messages.js';

let lookups: PlacementLookups | null = null;

parentPort?.on('message', (data: LookupsMessage | ParseJob) => {
  if ('lookups' in data) {
    lookups = data.lookups;
    return;
  }
  const job = data;
  let reply: ParseReply;
  try {
    if (!lookups) throw new Error('the parse worker got a file before the lookups');
    const parsed = parsePoliceFile(job.path, job.baseName, job.bytes, job.hash, {
      force: job.force,
      lookups,
    });
    reply = { id: job.id, ok: true, parsed: toTransferable(parsed) };
  } catch (error) {
    const inputError = error instanceof InputError;
    const message =
      error instanceof Error
        ? inputError
          ? error.message
          : (error.stack ?? error.message)
        : String(error);
    reply = { id: job.id, ok: false, inputError, message };
  }
  // The staged bytes move to the main thread without a copy.
  parentPort?.postMessage(reply, reply.ok ? [reply.parsed.staged.buffer as ArrayBuffer] : []);
});
