/**
 * The progress bar of a long import, drawn on stderr only when a person is watching
 * (stdout is a terminal and the output is not JSON).
 */
import cliProgress from 'cli-progress';

import type { ProgressEvent } from '../commands/definition.js';
import type { ImportProgress } from '../usecases/import-police-data.js';

export function importProgressBar(enabled: boolean): {
  onProgress: (event: ImportProgress) => void;
  stop: () => void;
} {
  if (!enabled) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: 'importing [{bar}] {value}/{total} files  {file}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (event) => {
      if (event.phase === 'start') {
        bar.start(event.total, 0, { file: '' });
        started = true;
      } else if (started && event.phase === 'done') {
        bar.increment(1, { file: event.path.split(/[/!]/u).pop() ?? '' });
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** A bar for any command's progress events, drawn only when a person is watching. */
export function progressBar(enabled: boolean): {
  update: (event: ProgressEvent) => void;
  stop: () => void;
} {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: '[{bar}] {value}/{total}  {label}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (event) => {
      if (event.phase === 'start') {
        bar.start(event.total ?? 0, 0, { label: event.label ?? '' });
        started = true;
      } else if (started && event.phase === 'step') {
        bar.increment(1, { label: event.label ?? '' });
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
