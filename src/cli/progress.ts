/**
 * The progress bar of long work (an import, a fetch), drawn on stderr only when a person is
 * watching (stdout is a terminal and the output is not JSON). The bar's library is loaded only
 * then: a usage error, a pipe or a test never waits for it.
 */
import type { ProgressEvent } from '../commands/definition.js';

/** A bar for any command's progress events, drawn only when a person is watching. */
export async function progressBar(enabled: boolean): Promise<{
  update: (event: ProgressEvent) => void;
  stop: () => void;
}> {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: '{doing}[{bar}] {value}/{total}{unit}  {label}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (event) => {
      if (event.phase === 'start') {
        bar.start(event.total ?? 0, 0, {
          label: event.label ?? '',
          doing: event.doing ? `${event.doing} ` : '',
          unit: event.unit ? ` ${event.unit}` : '',
        });
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
