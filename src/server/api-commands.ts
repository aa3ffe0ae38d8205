/**
 * The commands that read, mounted as JSON endpoints: `lantern trends --area X --period 2025` is
 * `GET /api/trends?area=X&period=2025`, with the same schemas, the same checks and the same
 * document as `--json`. A parameter the command does not take is refused with the ones it does;
 * options that name files on the server (settings files, output files) are not taken at all.
 */
import type { Context, Hono } from 'hono';

import type { AnyCommand, OptionSpec } from '../commands/definition.js';
import { COMMANDS } from '../commands/registry.js';
import { execute, readInput } from '../commands/runtime.js';
import { didYouMean } from '../domain/suggest.js';
import { ForbiddenError, InputError } from '../errors.js';
import type { ServerContext } from './context.js';
import { recordRequestUse, useOf } from './audit-use.js';
import { DocumentCache, requestKey } from './document-cache.js';
import { apiText, problemOf } from './http-errors.js';
import { forRequest } from './caller.js';
import { route } from './permissions.js';

/** Inputs fixed over HTTP, by command: a GET never saves an assessment. */
const FIXED: Record<string, Record<string, unknown>> = { assess: { noSave: true } };

/**
 * The commands served as GET endpoints: every one that only reads, and assess without saving;
 * not those that take files by name (`minutes extract FILE`): no caller names the server's files.
 */
export function apiCommands(): AnyCommand[] {
  return COMMANDS.filter(
    (c) =>
      c.positionals === undefined && (c.store === 'read' || c.store === 'none' || c.name in FIXED),
  );
}

/** `areas check` → `/api/areas/check`. */
export function apiPath(command: AnyCommand): string {
  return `/api/${command.name.replaceAll(' ', '/')}`;
}

/** The options a caller may give over HTTP: not those fixed, not those naming the server's files. */
export function apiOptions(command: AnyCommand): [string, OptionSpec][] {
  const fixed = FIXED[command.name] ?? {};
  return (Object.entries(command.options) as [string, OptionSpec][]).filter(
    ([key, spec]) => !spec.local && !(key in fixed),
  );
}

export function mountCommands(
  app: Hono,
  ctx: ServerContext,
  cache: DocumentCache = new DocumentCache(),
): void {
  for (const command of apiCommands()) {
    route(app, 'get', apiPath(command), 'read', async (c) => {
      const query = c.req.queries();
      const rctx = forRequest(c, ctx);
      const key = requestKey(c.req.path, query, rctx.scope, ctx.clock());
      const kept = cache.get(key);
      // An answer kept is still a read: a restricted dataset's is recorded each time it is served.
      if (kept !== undefined) await recordRequestUse(rctx, useOf(command.name, keptInput(query)));
      const headers = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
      if (kept?.gzip && /\bgzip\b/u.test(c.req.header('Accept-Encoding') ?? ''))
        return c.body(kept.gzip, 200, { ...headers, 'Content-Encoding': 'gzip' });
      if (kept !== undefined) return c.body(kept.json, 200, headers);
      const generation = cache.current;
      try {
        const answer = new TextEncoder().encode(
          apiText(JSON.stringify(await runForRequest(rctx, command, query))),
        ) as Uint8Array<ArrayBuffer>;
        cache.keep(key, answer, generation);
        return c.body(answer, 200, headers);
      } catch (error) {
        return errorAnswer(c, error);
      }
    });
  }
}

/**
 * Runs a command for one request on a session of the server's store: its raw input from query
 * parameters (a repeated one for a list option), checked by the command's own schemas. Returns
 * the command's document (what `text` prints) and its input.
 */
export async function runCommandFor(
  ctx: ServerContext,
  command: AnyCommand,
  query: Record<string, string[]>,
): Promise<{ document: unknown; input: Record<string, unknown> }> {
  const input = readInput(command, rawInput(command, query), (key) => key, false);
  Object.assign(input, FIXED[command.name] ?? {});
  const db = command.store === 'none' ? undefined : await ctx.store.session();
  const run = () =>
    execute(command, input, {
      storePath: ctx.storePath,
      hashKeyFile: ctx.hashKeyFile,
      scope: ctx.scope,
      clock: ctx.clock,
      env: ctx.env,
      served: true,
      ...(db ? { db } : {}),
    });
  let document: unknown;
  try {
    // One transaction for all of the command's queries: they read one snapshot of the store, so
    // an import committing meanwhile is seen in all of them or none (never a mixture).
    document = db ? await db.transaction(run) : await run();
  } catch (error) {
    db?.close();
    // A refusal is recorded with every other (refusal-audit.ts), at most one a minute of its kind.
    if (!(error instanceof ForbiddenError))
      await recordRequestUse(ctx, useOf(command.name, input), error).catch(() => {});
    throw error;
  }
  db?.close();
  await recordRequestUse(ctx, useOf(command.name, input));
  return { document, input };
}

/** The command's answer over HTTP: the document `--json` prints. */
export async function runForRequest(
  ctx: ServerContext,
  command: AnyCommand,
  query: Record<string, string[]>,
): Promise<unknown> {
  const { document, input } = await runCommandFor(ctx, command, query);
  return command.json ? command.json(document, input) : document;
}

/** Query parameters as the raw input of the command's options, or a refusal naming the stranger. */
export function rawInput(
  command: AnyCommand,
  query: Record<string, string[]>,
): Record<string, unknown> {
  const options = apiOptions(command);
  const known = new Set(options.map(([key]) => key));
  for (const name of Object.keys(query)) {
    if (known.has(name)) continue;
    const accepted = [...known];
    throw new InputError(
      `${command.name} takes no parameter '${name}'${didYouMean(name, accepted)}; it takes ${
        accepted.length > 0 ? accepted.join(', ') : 'none'
      } (GET /api/openapi.json describes each)`,
      { field: name },
    );
  }
  const raw: Record<string, unknown> = {};
  for (const [key, spec] of options) {
    const values = query[key];
    if (values === undefined) continue;
    // A parameter that takes one value, given twice, is refused: which one was meant is a guess,
    // and the grant checked, the answer and the audit row must all be of the same one.
    if (spec.kind !== 'strings' && values.length > 1)
      throw new InputError(
        `'${key}' is given ${values.length} times (${values
          .slice(0, 5)
          .map((v) => `'${v.slice(0, 60)}'`)
          .join(
            ', ',
          )}${values.length > 5 ? ', …' : ''}); ${command.name} takes one ${key}: give it once`,
        { field: key },
      );
    raw[key] = spec.kind === 'strings' ? values : values[0];
  }
  return raw;
}

/** A handler's answer for an error, as JSON with its status. */
export function errorAnswer(c: Context, error: unknown) {
  const problem = problemOf(error);
  return c.json(problem.body, problem.status);
}

/** What the audit row of a kept answer needs from its query: the dataset and the area. */
function keptInput(query: Record<string, string[]>): Record<string, unknown> {
  // A kept answer's query passed rawInput, so each of these was given once at most.
  const one = (k: string) => query[k]?.[0];
  return { dataset: one('dataset'), area: one('area'), within: one('within') };
}
