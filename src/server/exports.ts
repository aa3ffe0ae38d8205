/**
 * Exports of tables as files Excel and Power BI open: `GET /api/export/<table>.<csv|xlsx|parquet>`
 * with the same query parameters, checks and refusals as the table's JSON endpoint. A table is
 * either the store's records counted (street-records, outcomes-records, stop-search-records,
 * partner-counts: src/commands/export-tables.ts) or a command's document as tables (summary,
 * trends, compare, hotspots, assess: their `tables`). XLSX holds every table of the document
 * after a README sheet; CSV and Parquet hold one (`table=` chooses, the first by default).
 */
import type { Hono } from 'hono';

import { forRequest } from './caller.js';
import { route } from './permissions.js';
import type { AnyCommand } from '../commands/definition.js';
import { RECORD_EXPORTS } from '../commands/export-tables.js';
import type { DataTable } from '../domain/data-table.js';
import { InputError, NotFoundError } from '../errors.js';
import {
  csvFile,
  MEDIA_TYPES,
  parquetFile,
  TABLE_FORMATS,
  type TableFormat,
  xlsxFile,
} from '../usecases/table-files.js';
import { LANTERN_VERSION } from '../version.js';
import { apiCommands, errorAnswer, runCommandFor } from './api-commands.js';
import { recordRequestUse } from './audit-use.js';
import type { ServerContext } from './context.js';
import { errorContent, queryParameters, refusalResponses, type ExtraOperation } from './openapi.js';

/** Every table that can be exported, by the name its address gives. */
export function exportables(): Map<string, AnyCommand> {
  const commands = [...RECORD_EXPORTS, ...apiCommands().filter((c) => c.tables)];
  return new Map(commands.map((c) => [c.name.replaceAll(' ', '-'), c]));
}

export function mountExports(app: Hono, ctx: ServerContext): void {
  const tables = exportables();
  route(app, 'get', '/api/export/:file', 'read', async (c) => {
    try {
      const file = c.req.param('file') ?? '';
      const dot = file.lastIndexOf('.');
      const name = dot < 0 ? file : file.slice(0, dot);
      const format = (dot < 0 ? '' : file.slice(dot + 1)) as TableFormat;
      const command = tables.get(name);
      if (!command) {
        throw new NotFoundError(
          `No table '${name}' to export; the tables are ${[...tables.keys()].join(', ')}`,
        );
      }
      if (!TABLE_FORMATS.includes(format)) {
        throw new InputError(`${file}: export as ${name}.csv, ${name}.xlsx or ${name}.parquet`, {
          field: 'format',
        });
      }
      const { table: chosen, ...query } = c.req.queries();
      const { document, input } = await runCommandFor(forRequest(c, ctx), command, query);
      const all = (command.tables as NonNullable<AnyCommand['tables']>)(document, input);
      const wanted = chosen?.[chosen.length - 1];
      const table = wanted === undefined ? all[0] : all.find((t) => t.id === wanted);
      if (!table) {
        throw new InputError(
          `'table': ${name} has the tables ${all.map((t) => t.id).join(', ')}, not '${wanted}'`,
          { field: 'table' },
        );
      }
      const last = (k: string) => query[k]?.[query[k].length - 1] ?? null;
      const area = last('area') ?? last('within') ?? last('force');
      const saveAs = fileName([format === 'xlsx' ? name : table.id, area, last('period')], format);
      const headers = {
        'Content-Type': MEDIA_TYPES[format],
        'Content-Disposition': `attachment; filename="${saveAs}"`,
      };
      // A HEAD asks what the file would be (a download manager, a link checker): checked and
      // answered as the GET would be, without building the file or recording an export.
      if (c.req.method === 'HEAD') return c.body(null, 200, headers);
      const bytes = await fileOf(ctx, format, format === 'xlsx' ? all : [table]);
      await recordRequestUse(forRequest(c, ctx), {
        action: 'export',
        area,
        dataset: last('dataset') ?? name,
        detail: format === 'xlsx' ? `${name}.xlsx` : `${table.id}.${format}`,
      });
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, headers);
    } catch (error) {
      return errorAnswer(c, error);
    }
  });
}

/**
 * The name a download is saved under: the table, then the area and period asked for, so that a
 * partner's exports of several districts or years are told apart (each was "trends.csv", saved as
 * "trends (1).csv" the next time). Made of lower-case ASCII letters, digits and hyphens only (an
 * accent is dropped from its letter; a quote, slash or dot becomes a hyphen), so it needs no
 * quoting or encoding in the header and names no folder: "street-records-three-rivers-2025.csv".
 */
export function fileName(parts: readonly (string | null)[], format: TableFormat): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 60);
  const name = parts
    .filter((p): p is string => p !== null)
    .map(slug)
    .filter((p) => p !== '')
    .join('-');
  return `${name || 'export'}.${format}`;
}

async function fileOf(
  ctx: ServerContext,
  format: TableFormat,
  tables: DataTable[],
): Promise<Uint8Array> {
  const [first] = tables as [DataTable];
  if (format === 'csv') return csvFile(first);
  if (format === 'xlsx') {
    return xlsxFile(tables, { by: `Lantern ${LANTERN_VERSION}`, at: ctx.clock() });
  }
  const db = await ctx.store.session();
  try {
    return await parquetFile(db, first);
  } finally {
    db.close();
  }
}

/** The export routes in the OpenAPI document: one per table, its format a path parameter. */
export function exportOperations(): ExtraOperation[] {
  return [...exportables()].map(([name, command]) => ({
    path: `/api/export/${name}.{format}`,
    method: 'get' as const,
    operation: {
      operationId: `export-${name}`,
      summary: `${command.summary}: as CSV (UTF-8 with BOM), XLSX (with a README sheet) or Parquet`,
      tags: ['Exports'],
      parameters: [
        {
          name: 'format',
          in: 'path',
          required: true,
          schema: { type: 'string', enum: [...TABLE_FORMATS] },
        },
        ...queryParameters(command),
        {
          name: 'table',
          in: 'query',
          required: false,
          description:
            'For CSV and Parquet, which of the document’s tables (the XLSX holds them all); the first by default',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description: 'The file',
          content: Object.fromEntries(
            TABLE_FORMATS.map((f) => [
              MEDIA_TYPES[f].split(';')[0],
              { schema: { type: 'string', format: 'binary' } },
            ]),
          ),
        },
        '400': {
          description: 'A parameter was wrong: the message says which and what is accepted',
          content: errorContent,
        },
        '404': {
          description: 'No such table, or the area or dataset is not in the store',
          content: errorContent,
        },
        ...refusalResponses(),
      },
    },
  }));
}
