/**
 * `lantern fetch --force F --archive YYYY-MM`: the force's files from a police.uk monthly
 * archive, streamed, then imported through the same path as files (idempotent: months already
 * held with the same content add nothing; republished months replace).
 */
import { basename } from 'node:path';

import { forceFilesFromArchive, type ArchiveProgress } from '../acquire/archive-stream.js';
import { forceById } from '../domain/forces.js';
import { parseMonth } from '../domain/month.js';
import { InputError } from '../errors.js';
import type { Db } from '../store/db.js';
import { boundaryGaps } from './boundary-gaps.js';
import {
  importPoliceSources,
  type ImportOptions,
  type ImportReport,
} from './import-police-data.js';

export const DEFAULT_ARCHIVE_URL = 'https://data.police.uk/data/archive/';

export interface ArchiveFetchRequest {
  force: string;
  month: string;
  archiveUrl?: string;
  onDownload?: (p: ArchiveProgress) => void;
  /** How long the server may send nothing before the download is given up (default 60 s). */
  idleTimeoutMs?: number;
  importOptions?: ImportOptions;
}

export interface ArchiveFetchReport extends ImportReport {
  url: string;
  force: string;
  entriesInArchive: number;
}

export async function fetchArchive(
  db: Db,
  request: ArchiveFetchRequest,
): Promise<ArchiveFetchReport> {
  const month = parseMonth(request.month, '⟨month⟩');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(request.force)) {
    throw new InputError(
      `⟨force⟩: "${request.force}" is not a police.uk force id (e.g. hertfordshire)`,
    );
  }
  if (!forceById(request.force)) {
    throw new InputError(`⟨force⟩: "${request.force}" is not a force that publishes on police.uk`);
  }
  const base = (request.archiveUrl ?? DEFAULT_ARCHIVE_URL).replace(/\/?$/u, '/');
  const url = new URL(`${month}.zip`, base).toString();
  const { entries, seen } = await forceFilesFromArchive(url, request.force, {
    onProgress: request.onDownload,
    idleTimeoutMs: request.idleTimeoutMs,
  });
  if (entries.length === 0) {
    throw new InputError(
      `${url}: the archive holds no files of force "${request.force}" (${seen} entries read)`,
    );
  }
  const imported = await importPoliceSources(
    db,
    {
      sources: entries.map((e) => ({
        path: `${url}!${e.name}`,
        baseName: basename(e.name),
        read: async () => e.bytes,
      })),
      problems: [],
      close: () => undefined,
    },
    request.importOptions,
  );
  const gaps = imported.storageError === undefined ? { boundaryGaps: await boundaryGaps(db) } : {};
  return { ...imported, ...gaps, url, force: request.force, entriesInArchive: seen };
}
