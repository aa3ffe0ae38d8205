/**
 * Imports by upload: `POST /api/imports` takes the files (police.uk zip, CSV, CSV.gz, partner
 * CSV or XLSX) as a multipart form with the `import` command's options as fields, and runs that
 * command on them exactly as `lantern import` would: the same checks, the same report. The
 * answer comes at once (202, with where to watch); the import's progress, then its report, are
 * a server-sent-event stream. One import at a time: a second is refused, naming the first.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';

import { importCommand } from '../commands/import.js';
import { execute, readInput } from '../commands/runtime.js';
import type { Actor } from '../domain/access.js';
import { didYouMean } from '../domain/suggest.js';
import { oneLine } from '../domain/terminal-text.js';
import { InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { removeAbandonedFolders, scratchFolder } from '../scratch-folders.js';
import { apiOptions } from './api-commands.js';
import { recordRequestUse, useOf } from './audit-use.js';
import { actorOf as callerName, forRequest, type RequestCaller } from './caller.js';
import { readForm } from './form-body.js';
import type { RunningWrite, ServerContext } from './context.js';
import { apiText, problemOf } from './http-errors.js';
import { route } from './permissions.js';
import type { ImportEvent, ImportRun } from './import-runs.js';
import { ImportRuns } from './import-runs.js';
import { refusalResponses, type ExtraOperation } from './openapi.js';

/**
 * The largest upload taken, in MiB (LANTERN_MAX_UPLOAD_MIB): the form is held in memory. The
 * files are saved while they import in a folder of their own under LANTERN_UPLOAD_DIR (the
 * system's temporary folder by default), readable by this user only, and removed afterwards.
 */
const DEFAULT_MAX_UPLOAD_MIB = 256;

/**
 * An upload's folder is `lantern-upload-<process id>-XXXXXX`: the process that made it is named,
 * so that a server started later removes the folders of one that was killed mid-import
 * (removeAbandonedUploads), which no one else would (QA: a partner's files left in /tmp).
 */
const UPLOAD_PREFIX = 'lantern-upload-';

/** Where uploads are saved while they import. */
function uploadRoot(env: Readonly<Record<string, string | undefined>>): string {
  return env.LANTERN_UPLOAD_DIR || tmpdir();
}

/**
 * Removes the upload folders left by a server that is no longer running (killed while it
 * imported: SIGKILL, the machine's power); returns how many. Folders of a running process (another
 * server on the same folder, or this one) are left alone.
 */
export function removeAbandonedUploads(
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  return removeAbandonedFolders(UPLOAD_PREFIX, uploadRoot(env));
}

/** What the writer's slot says while an upload is received, before its files are known. */
const RECEIVING = 'an upload being received';

/** Told when an import has committed something: caches of what the store held are stale. */
export type OnImported = () => void;

export function mountImports(app: Hono, ctx: ServerContext, onImported: OnImported = () => {}) {
  const runs = new ImportRuns();
  /** The uploads being received, which hold the writer's slot until an import takes it. */
  const receiving = new WeakSet<Context>();
  const maxMiB = Number(ctx.env.LANTERN_MAX_UPLOAD_MIB) || DEFAULT_MAX_UPLOAD_MIB;

  route(app, 'get', '/api/imports/current', 'read', (c) => {
    const running = ctx.writer.running;
    if (!running) return c.json({ running: false });
    // Whose files, and how far they are, only to the one who uploaded them (or an admin).
    return c.json(
      seesImport(c.get('caller'), running.by)
        ? {
            running: true,
            what: running.what,
            since: running.since.toISOString(),
            progress: running.events,
          }
        : { running: true, what: ANOTHER_USERS, since: running.since.toISOString() },
    );
  });

  route(
    app,
    'post',
    '/api/imports',
    'import',
    // The writer's slot is taken before a byte is read: an upload sent while another is received
    // or imports is refused at once, not after it has been held whole in memory. The slot is
    // handed to the import, or let go when the upload is refused (too large, unreadable).
    async (c, next) => {
      const slot = ctx.writer.take(RECEIVING, ctx.clock(), uploader(c.get('caller')));
      if ('busy' in slot) return busy(c, ctx);
      receiving.add(c);
      try {
        await next();
      } finally {
        if (receiving.delete(c)) ctx.writer.release();
      }
    },
    bodyLimit({
      maxSize: maxMiB * 2 ** 20,
      onError: (c) =>
        c.json(
          {
            error: {
              type: 'too-large',
              message: `The upload is larger than ${maxMiB} MiB, the most this server takes at once; upload the files a few at a time, or import them on the server with 'lantern import'.`,
            },
          },
          413,
        ),
    }),
    async (c) => {
      let form: Record<string, string | File | (string | File)[]>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch {
        return problem(c, new InputError('The upload is not a readable multipart form'));
      }
      let files: File[];
      let input: Record<string, unknown>;
      try {
        files = uploadedFiles(form);
        input = readInput(
          importCommand,
          { ...formOptions(form), paths: ['upload'] },
          (k) => k,
          false,
        );
      } catch (error) {
        return problem(c, error);
      }
      const slot = ctx.writer.running as RunningWrite;
      slot.what = files.map((f) => safeName(f.name) || 'a file').join(', ');
      const run = runs.start(slot.what, slot.since, slot.by);
      let dir: string;
      try {
        dir = await scratchFolder(UPLOAD_PREFIX, uploadRoot(ctx.env));
      } catch (error) {
        // The slot is let go as the upload is refused (above).
        runs.tell(run, { event: 'failed', data: problemOf(error).body });
        return problem(c, error);
      }
      // The import runs after the answer: the caller watches its events.
      // Its last event is told once the files are gone and the next import may start.
      const caller = forRequest(c, ctx);
      // The import has the slot now, and lets it go when it ends.
      receiving.delete(c);
      void importUpload(caller, runs, run, slot, dir, files, input).then((last) => {
        ctx.writer.release();
        onImported();
        runs.tell(run, last);
      });
      return c.json({ id: run.id, events: `/api/imports/${run.id}/events` }, 202);
    },
  );

  // The imports the store holds, and one taken out (`lantern imports list` / `imports remove`).
  route(app, 'get', '/api/imports/held', 'import', async (c) => {
    const rctx = forRequest(c, ctx);
    try {
      const { listImports } = await import('../usecases/held-imports.js');
      const db = await ctx.store.session();
      try {
        return c.json(await listImports(db, requestActor(c), rctx.scope, ctx.clock()));
      } finally {
        db.close();
      }
    } catch (error) {
      return problem(c, error);
    }
  });

  route(app, 'post', '/api/imports/held/:id/remove', 'import', async (c) => {
    const id = c.req.param('id') ?? '';
    let form: Record<string, string | File>;
    try {
      form = await readForm(c);
      const unknown = Object.keys(form).filter((k) => !REMOVE_FIELDS.includes(k));
      if (unknown.length > 0)
        throw new InputError(
          `A removal takes no field '${unknown[0]}'${didYouMean(unknown[0] as string, REMOVE_FIELDS)}; it takes ${REMOVE_FIELDS.join(', ')}`,
          { field: unknown[0] as string },
        );
      if (isTrue(form.erase))
        throw new InputError(
          `'erase' is not done over HTTP: the store's file cannot be rewritten while the server holds it. Remove the import here, then stop the server and run: lantern imports remove --id ${oneLine(id)} --erase --yes`,
          { field: 'erase' },
        );
    } catch (error) {
      return problem(c, error);
    }
    const slot = ctx.writer.take(
      `the removal of import ${oneLine(id)}`,
      ctx.clock(),
      uploader(c.get('caller')),
    );
    if ('busy' in slot) return busy(c, ctx);
    const rctx = forRequest(c, ctx);
    try {
      const { removeImport } = await import('../usecases/held-imports.js');
      const db = await ctx.store.session();
      try {
        const { report } = await removeImport(
          db,
          requestActor(c),
          rctx.scope,
          {
            id,
            yes: isTrue(form.yes),
            erase: false,
            reason:
              typeof form.reason === 'string' && form.reason.trim() !== ''
                ? form.reason.trim()
                : null,
          },
          ctx.clock(),
        );
        // What the server kept of earlier answers counted the removed rows.
        onImported();
        return c.json(report);
      } finally {
        db.close();
      }
    } catch (error) {
      return problem(c, error);
    } finally {
      ctx.writer.release();
    }
  });

  route(app, 'get', '/api/imports/:id/events', 'import', (c) => {
    const found = runs.get(c.req.param('id') ?? '');
    // Another user's import is not there for this caller: its report names their files and counts.
    const run = found && seesImport(c.get('caller'), found.by) ? found : undefined;
    if (!run) {
      return c.json(
        {
          error: {
            type: 'not-found',
            message: `No import ${c.req.param('id')} on this server (it keeps the last few after they finish); GET /api/imports/current says what is importing`,
          },
        },
        404,
      );
    }
    return streamSSE(c, async (stream) => {
      let id = 0;
      const queue: ImportEvent[] = [];
      let wake: (() => void) | undefined;
      const stop = runs.watch(run, (event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(stop);
      try {
        for (;;) {
          const event = queue.shift();
          if (event === undefined) {
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          await stream.writeSSE({
            event: event.event,
            data: apiText(JSON.stringify(event.data)),
            id: String(id++),
          });
          if (event.event !== 'progress' || stream.aborted) break;
        }
      } finally {
        stop();
      }
    });
  });
}

/**
 * Saves the files, runs `import` on them (telling the run its progress) and removes the files;
 * returns the last event, the report or the failure.
 */
async function importUpload(
  ctx: ServerContext,
  runs: ImportRuns,
  run: ImportRun,
  slot: RunningWrite,
  dir: string,
  files: File[],
  input: Record<string, unknown>,
): Promise<ImportEvent> {
  let db: Db | undefined;
  try {
    const paths = await saveFiles(dir, files);
    db = await ctx.store.session();
    const document = await execute(
      importCommand,
      { ...input, paths },
      {
        storePath: ctx.storePath,
        hashKeyFile: ctx.hashKeyFile,
        scope: ctx.scope,
        clock: ctx.clock,
        env: ctx.env,
        db,
        progress: (event) => {
          slot.events.push(event);
          runs.tell(run, { event: 'progress', data: event });
        },
      },
    );
    const report = importCommand.json
      ? importCommand.json(document as never, input as never)
      : document;
    await recordRequestUse(ctx, useOf('import', { ...input, paths: auditedNames(files) }));
    return { event: 'report', data: withoutFolder(report, dir) };
  } catch (error) {
    await recordRequestUse(
      ctx,
      useOf('import', { ...input, paths: auditedNames(files) }),
      error,
    ).catch(() => {});
    const { body } = problemOf(error);
    return {
      event: 'failed',
      data: { error: { ...body.error, message: withoutFolder(body.error.message, dir) } },
    };
  } finally {
    db?.close();
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The fields a removal takes (urlencoded or multipart form). */
const REMOVE_FIELDS = ['yes', 'reason', 'erase'];

/** A form's yes: "true", "yes", "on" or "1". */
function isTrue(value: string | File | undefined): boolean {
  return (
    typeof value === 'string' && ['true', 'yes', 'on', '1'].includes(value.trim().toLowerCase())
  );
}

/** Who acts, for the use cases of access: the signed-in user, or the store's owner. */
function requestActor(c: Context): Actor {
  const caller = c.get('caller');
  return caller?.kind === 'user'
    ? { name: callerName(caller), user: caller.user }
    : { name: callerName(caller), user: null };
}

/** The uploaded files, or a refusal saying how to send them. */
function uploadedFiles(form: Record<string, string | File | (string | File)[]>): File[] {
  const given = form.file;
  const list = given === undefined ? [] : Array.isArray(given) ? given : [given];
  const files = list.filter((f): f is File => typeof f !== 'string');
  if (files.length === 0) {
    throw new InputError(
      "Upload at least one file, as a form field named 'file' (multipart/form-data): police.uk zip, CSV or CSV.gz files, or a partner dataset's CSV or XLSX with the field 'dataset'",
      { field: 'file' },
    );
  }
  return files;
}

/** The form's other fields as the import command's raw options; a field it does not take is refused. */
function formOptions(form: Record<string, string | File | (string | File)[]>) {
  const known = new Set(apiOptions(importCommand).map(([key]) => key));
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form)) {
    if (name === 'file') continue;
    if (!known.has(name)) {
      const accepted = ['file', ...known];
      throw new InputError(
        `An upload takes no field '${name}'${didYouMean(name, accepted)}; it takes ${accepted.join(', ')}`,
        { field: name },
      );
    }
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last !== 'string') {
      throw new InputError(`The field '${name}' takes text, not a file`, { field: name });
    }
    raw[name] = last;
  }
  return raw;
}

/**
 * Writes the files into the upload's own folder under names made safe here: the client's name is
 * kept only as letters, digits, '.', '-' and '_' (police.uk names, which say a file's month and
 * force, survive), never as a path. Two files of the same name go in numbered sub-folders.
 */
async function saveFiles(dir: string, files: File[]): Promise<string[]> {
  const used = new Set<string>();
  const paths: string[] = [];
  for (const [i, file] of files.entries()) {
    const name = safeName(file.name) || `upload-${i + 1}`;
    let folder = dir;
    if (used.has(name)) {
      folder = join(dir, String(i + 1));
      await mkdir(folder);
    }
    used.add(name);
    const path = join(folder, name);
    await writeFile(path, new Uint8Array(await file.arrayBuffer()), { flag: 'wx', mode: 0o600 });
    paths.push(path);
  }
  return paths;
}

/** The last part of a client's file name, with anything but [A-Za-z0-9._-] made '_'; no leading dot. */
export function safeName(name: string): string {
  const last = name.split(/[/\\]/u).pop() ?? '';
  return last
    .replace(/[^A-Za-z0-9._-]+/gu, '_')
    .replace(/^[.]+/u, '')
    .slice(-120);
}

/** The most characters of a file's name, and the most names, an upload's audit row keeps. */
const AUDITED_NAME_LENGTH = 120;
const AUDITED_NAMES = 20;

/**
 * The uploaded files' names as the audit log keeps them: the client's own (the last part of it),
 * each on one line with its control characters shown (a newline in a name would otherwise print
 * as a forged row of `lantern audit`) and clipped, and at most AUDITED_NAMES of them (the log's
 * rows are never removed, so a 5 MB name would be kept, and shown, for ever).
 */
export function auditedNames(files: readonly { name: string }[]): string[] {
  const names = files.slice(0, AUDITED_NAMES).map((f) => {
    const name = oneLine(f.name.split(/[/\\]/u).pop() ?? '');
    return name.length > AUDITED_NAME_LENGTH
      ? `${name.slice(0, AUDITED_NAME_LENGTH - 1)}…`
      : name || 'a file';
  });
  const more = files.length - names.length;
  return more > 0 ? [...names, `and ${more} more`] : names;
}

/** The report with the upload folder taken out of every path: a person sees their file names. */
function withoutFolder<T>(value: T, dir: string): T {
  const inJson = JSON.stringify(`${dir}/`).slice(1, -1);
  return JSON.parse(JSON.stringify(value).split(inJson).join('')) as T;
}

/** Who started an upload: the user's id, or null for the store's owner. */
function uploader(caller: RequestCaller): string | null {
  return caller.kind === 'user' ? caller.user.id : null;
}

/** Whether the caller may see an import's files and report: its uploader's, or an admin. */
export function seesImport(caller: RequestCaller, by: string | null): boolean {
  if (caller.kind === 'owner') return true;
  if (caller.kind !== 'user') return false;
  return caller.user.role === 'admin' || caller.user.id === by;
}

export const ANOTHER_USERS = "another user's upload";

function busy(c: Context, ctx: ServerContext) {
  const running = ctx.writer.running;
  const what = running
    ? `${seesImport(c.get('caller'), running.by) ? running.what : ANOTHER_USERS}, started at ${running.since.toISOString().slice(0, 19).replace('T', ' ')} UTC`
    : 'another import';
  return c.json(
    {
      error: {
        type: 'busy',
        message: `An import is already running (${what}); one import runs at a time. Upload again when it has finished (GET /api/imports/current says what is importing).`,
      },
    },
    409,
  );
}

function problem(c: Context, error: unknown) {
  const { body, status } = problemOf(error);
  return c.json(body, status);
}

/** The import routes in the OpenAPI document. */
export const importOperations: ExtraOperation[] = [
  {
    path: '/api/imports',
    method: 'post',
    operation: {
      operationId: 'import-upload',
      summary:
        'Imports uploaded files exactly as `lantern import` does; the answer says where to watch its progress and report',
      tags: ['Get data in'],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                file: {
                  type: 'array',
                  items: { type: 'string', format: 'binary' },
                  description:
                    'police.uk zip, CSV or CSV.gz files; with dataset, partner CSV or XLSX files',
                },
                ...Object.fromEntries(
                  apiOptions(importCommand).map(([key, spec]) => [
                    key,
                    {
                      type: spec.kind === 'boolean' ? 'boolean' : 'string',
                      description: spec.description,
                    },
                  ]),
                ),
              },
              required: ['file'],
            },
          },
        },
      },
      responses: {
        '202': {
          description:
            'Importing: `events` is the server-sent-event stream of its progress and report',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { id: { type: 'string' }, events: { type: 'string' } },
              },
            },
          },
        },
        '400': { description: 'No file, or a field the import does not take' },
        '409': {
          description: 'Another import is running: the message names it and when it started',
        },
        '413': { description: 'The upload is larger than the server takes' },
        ...refusalResponses(),
      },
    },
  },
  {
    path: '/api/imports/current',
    method: 'get',
    operation: {
      operationId: 'import-current',
      summary: 'What is importing now, since when, and its progress so far',
      tags: ['Get data in'],
      responses: {
        '200': {
          description: '{running: false} or {running, what, since, progress}',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...refusalResponses(),
      },
    },
  },
  {
    path: '/api/imports/held',
    method: 'get',
    operation: {
      operationId: 'imports-list',
      summary:
        'The imports the store holds, as `lantern imports list --json` gives them: id, file, dataset, force or districts, months held, records, when and by whom',
      tags: ['Get data in'],
      responses: {
        '200': {
          description: 'The imports, police.uk first',
          content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
        },
        ...refusalResponses(),
      },
    },
  },
  {
    path: '/api/imports/held/{id}/remove',
    method: 'post',
    operation: {
      operationId: 'imports-remove',
      summary:
        'Takes one import out whole, as `lantern imports remove` does: refused unless `yes`; its months become missing; the answer names the saved assessments and plans that used them. Not `erase` (the server holds the file): run that on the command line',
      tags: ['Get data in'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: {
        required: false,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              properties: {
                yes: { type: 'string', description: 'true: remove it (else nothing is removed)' },
                reason: { type: 'string', description: 'why, kept in the audit log' },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'What was removed: the document of `lantern imports remove --json`',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        '400': { description: 'Not confirmed (the message says what would go), or a bad field' },
        '404': { description: 'The store holds no such import' },
        '409': { description: 'An import or another removal is running' },
        ...refusalResponses(),
      },
    },
  },
  {
    path: '/api/imports/{id}/events',
    method: 'get',
    operation: {
      operationId: 'import-events',
      summary:
        "An import's events as server-sent events: `progress` (each file), then one `report` (the document of `lantern import --json`) or `failed` ({error}); a late watcher is told everything from the start",
      tags: ['Get data in'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'text/event-stream' },
        '404': { description: 'No such import on this server' },
        ...refusalResponses(),
      },
    },
  },
];
