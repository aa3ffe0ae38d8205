/**
 * Which uses of a command the audit log records, besides the changes to access that their own use
 * cases record (issue 20 item 5): an import (of police.uk files or a partner dataset), an export,
 * and any read that names a restricted dataset (`prevent`, `domestic-abuse`). Pure: the adapters
 * (cli, server) append the entry once the use is over, whatever its outcome.
 */
import type { DatasetSensitivity } from './scope.js';

export interface AuditedUse {
  action: 'import' | 'export' | 'view';
  area: string | null;
  dataset: string | null;
  detail: string | null;
}

/** The entry a command's use leaves in the audit log, or null when it leaves none. */
export function auditedUse(
  command: string,
  input: Readonly<Record<string, unknown>>,
  registry: readonly DatasetSensitivity[],
): AuditedUse | null {
  const dataset = typeof input.dataset === 'string' ? input.dataset : null;
  const area = firstText(input.area) ?? firstText(input.within);
  if (command === 'import') {
    const paths = Array.isArray(input.paths) ? input.paths.map(String) : [];
    return {
      action: 'import',
      area,
      dataset: dataset ?? 'police.uk',
      detail: paths.map(baseName).join(', ') || null,
    };
  }
  if (
    dataset !== null &&
    registry.some((d) => d.name === dataset && d.sensitivity === 'restricted')
  )
    return { action: 'view', area, dataset, detail: command };
  return null;
}

function firstText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value.join(', ');
  return null;
}

/** A path's last part: the audit log names files, not the folders of the machine they were on. */
function baseName(path: string): string {
  return path.split(/[\\/]/u).filter(Boolean).pop() ?? path;
}
