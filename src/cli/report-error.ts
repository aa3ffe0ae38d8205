/** Errors to exit codes, in one place: the terminal's side of src/errors.ts. */
import {
  ConfigError,
  errorType,
  InputError,
  isUserError,
  SourceUnavailableError,
  StorageError,
} from '../errors.js';
import type { CommandContext } from './context.js';

export function reportError(ctx: CommandContext, error: unknown): number {
  const user = isUserError(error);
  const message = error instanceof Error ? error.message : String(error);
  if (ctx.json) {
    // The API's words for the kind of error (src/errors.ts errorType), not the class's name.
    const type = errorType(error);
    // The option at fault, as the API's error gives it: a script reads which to change.
    const field = error instanceof InputError ? error.field : undefined;
    ctx.out(JSON.stringify({ error: { type, message, ...(field ? { field } : {}) } }, null, 2));
  }
  if (user) {
    ctx.err(`lantern: ${message}`);
    return 2;
  }
  if (error instanceof SourceUnavailableError || error instanceof StorageError) {
    ctx.err(`lantern: ${message}`);
    return 1;
  }
  if (error instanceof ConfigError) {
    ctx.err(`lantern: configuration problem: ${message}`);
    return 1;
  }
  ctx.err(
    `lantern: unexpected failure: ${error instanceof Error ? (error.stack ?? message) : message}`,
  );
  return 1;
}
