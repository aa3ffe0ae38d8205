/**
 * Serving a store over HTTP until the process is told to stop: the store stays open (one
 * instance, a session per request), and the address is printed for a person to open.
 */
import { serve as listen } from '@hono/node-server';

import type { Deps } from '../commands/definition.js';
import { removeServingNote, writeServingNote } from '../usecases/serving-note.js';
import { needsFirstAdmin } from '../usecases/users.js';
import { createApp } from './app.js';
import { answerClientError } from './client-error.js';
import { WriterSlot } from './context.js';
import { removeAbandonedUploads } from './imports.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** Resolves when the server should stop (the CLI: SIGINT or SIGTERM). */
  until: Promise<unknown>;
}

export interface Served {
  url: string;
  host: string;
  port: number;
}

/** Serves until `until` resolves; tells `deps.say` the address as soon as it listens. */
export async function serveStore(deps: Deps, options: ServeOptions): Promise<Served> {
  // The files of uploads a killed server was importing: never imported, and no one else's to keep.
  const abandoned = await removeAbandonedUploads(deps.env);
  if (abandoned > 0)
    deps.say(
      `Removed ${abandoned} upload folder(s) left by a Lantern server that was stopped while importing them: upload those files again (any it had stored are recognised as already imported).`,
    );
  const writer = new WriterSlot();
  const app = createApp({
    store: deps.db,
    storePath: deps.storePath,
    hashKeyFile: deps.hashKeyFile,
    scope: deps.scope,
    clock: deps.clock,
    env: deps.env,
    writer,
  });
  const server = await new Promise<ReturnType<typeof listen>>((resolve, reject) => {
    const s = listen({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  server.on('clientError', answerClientError);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  const local =
    options.host === '127.0.0.1' || options.host === 'localhost' || options.host === '::1';
  // A command refused because this server holds the store says so, and where it answers.
  writeServingNote(deps.storePath, url);
  const session = await deps.db.session();
  const open = await needsFirstAdmin(session).finally(() => session.close());
  deps.say(
    [
      `Lantern is serving ${deps.storePath} at ${url}`,
      !open
        ? 'Sign-in is required: each user sees what their grants allow, and anyone else only the sign-in page.'
        : local
          ? 'This store has no user accounts, so whoever opens the address sees all of it: it listens on 127.0.0.1 (this computer) only. To share it, add an admin (lantern users add --admin) and grant each user their areas, then give ⟨host⟩.'
          : `WARNING: this store has no user accounts and listens on ${options.host}: anyone who can reach this computer can read all of it. Add an admin first (lantern users add --admin).`,
      ...(open
        ? [
            `Set-up is open: to create the first admin, open ${local ? url : `http://localhost:${port}/`}setup in a browser on this computer (only this computer may), or run lantern users add --admin.`,
          ]
        : []),
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  await options.until;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections would hold the close open: the dashboard's event streams, say.
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
  // An upload's import goes on after its answer: the store is closed only once it has ended, so
  // that its files are stored or refused whole and it says so (closed under it, it failed with
  // "instance closed" and told nobody which files it had stored). An upload still being received
  // was cut off with its connection and lets the slot go at once; an import is waited for.
  // A tenth of a second lets a write about to end go without a word (an upload cut off with its
  // connection lets the slot go at once); a second let a short import end unannounced, so that
  // whether the stop said it waited depended on how busy the machine was.
  const idle = writer.idle();
  const settled = await Promise.race([
    idle.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 100).unref()),
  ]);
  const running = writer.running;
  if (!settled && running) {
    deps.say(
      `Stopping: waiting for the import of ${running.what} (started at ${running.since.toISOString().slice(0, 19).replace('T', ' ')} UTC) to finish; stop again to end it at once (each file it has not yet stored is left out whole).`,
    );
    await idle;
    deps.say('The import has finished.');
  }
  removeServingNote(deps.storePath);
  return { url, host: options.host, port };
}
