/**
 * The OpenAPI 3.1 document of the API, generated from the same definitions and zod schemas the
 * endpoints check their parameters with (`GET /api/openapi.json`): a parameter cannot be
 * documented one way and checked another.
 */
import { z } from 'zod';

import { renderOptionRefs } from '../domain/option-ref.js';
import { LANTERN_VERSION } from '../version.js';
import type { AnyCommand } from '../commands/definition.js';
import { apiCommands, apiOptions, apiPath } from './api-commands.js';
import { SESSION_COOKIE } from './caller.js';

/** Routes that are not commands, described by hand next to their handlers. */
export interface ExtraOperation {
  path: string;
  method: 'get' | 'post';
  operation: Record<string, unknown>;
}

export const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        message: { type: 'string', description: 'What was wrong and what to do, for a person' },
        field: { type: 'string', description: 'The parameter at fault, when there is one' },
      },
      required: ['type', 'message'],
    },
  },
};

/** An error answer's body, as every /api route gives it (http-errors.ts, caller.ts). */
export const errorContent = { 'application/json': { schema: ERROR_SCHEMA } };

/**
 * The answers every route that needs a caller may give besides its own: no token or session
 * (401), a role or grant that does not open what was asked (403), and a failure of the server or
 * its store (503, 500). Each is the same JSON error; a client generated from this document knows
 * them all (QA: 62 of 152 answers to the partners' roles were a 403 the document did not list).
 */
export function refusalResponses(): Record<string, unknown> {
  return {
    '401': {
      description:
        'No API token (Authorization: Bearer lnt_…) or session was given, or it is not accepted',
      content: errorContent,
    },
    '403': {
      description:
        "The caller's role or grants do not open this (an area not granted, or granted as totals only; a dataset not opened): the message says whom to ask",
      content: errorContent,
    },
    default: {
      description:
        'Another failure: 409 the store is changing, 503 the store or a source cannot be reached, 500 unexpected (logged on the server)',
      content: errorContent,
    },
  };
}

/** What a command's 200 answer is: its `--json` document, an object unless it says otherwise. */
function answerSchema(command: AnyCommand): Record<string, unknown> {
  return command.jsonSchema ?? { type: 'object' };
}

export function openApiDocument(extra: readonly ExtraOperation[] = []): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const param = (text: string) => renderOptionRefs(text, (key) => `'${key}'`);
  for (const command of apiCommands()) {
    paths[apiPath(command)] = {
      get: {
        operationId: command.name.replaceAll(' ', '-'),
        summary: param(command.summary),
        ...(command.description ? { description: param(command.description) } : {}),
        tags: [command.task],
        parameters: queryParameters(command),
        responses: {
          '200': {
            description: `The document \`lantern ${command.name} --json\` prints`,
            content: { 'application/json': { schema: answerSchema(command) } },
          },
          '400': {
            description: 'A parameter was wrong: the message says which and what is accepted',
            content: errorContent,
          },
          '404': {
            description: 'The area, dataset or category asked for is not in the store',
            content: errorContent,
          },
          ...refusalResponses(),
        },
      },
    };
  }
  for (const { path, method, operation } of extra)
    paths[path] = { ...paths[path], [method]: operation };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lantern',
      version: LANTERN_VERSION,
      description:
        "Community-safety intelligence for a partnership: each GET endpoint is a Lantern command that reads the store, with the command's options as query parameters (a repeated parameter for a list).",
    },
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token: lantern tokens create (it only reads)',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The session of a user signed in to the dashboard',
        },
      },
    },
    // Either; a store with no accounts yet is served to its owner on this computer without them.
    security: [{ bearerAuth: [] }, { session: [] }],
  };
}

/** A command's options as the query parameters of its endpoint. */
export function queryParameters(command: AnyCommand): Record<string, unknown>[] {
  const param = (text: string) => renderOptionRefs(text, (key) => `'${key}'`);
  return apiOptions(command).map(([key, spec]) => ({
    name: key,
    in: 'query',
    required: !spec.schema.safeParse(undefined).success,
    description:
      param(spec.description) + (spec.defaultText ? ` (default: ${spec.defaultText})` : ''),
    schema: jsonSchema(spec.schema),
    ...(spec.kind === 'strings' ? { explode: true } : {}),
  }));
}

/** The schema of what a caller sends (before the command converts it), as JSON Schema. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json: Record<string, unknown> = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  delete json.$schema;
  return json;
}
