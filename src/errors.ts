/**
 * The few error types Lantern throws on purpose. Each edge converts them in one place:
 * `cli/lantern.ts` maps them to exit codes (and, later, the server to HTTP statuses).
 * Anything else is an unexpected failure.
 */

/** The user gave input Lantern cannot use (a bad file, argument or option). Exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The option or parameter at fault, when there is one (`period`): the API returns it. */
  readonly field?: string;

  constructor(message: string, options?: { field?: string }) {
    super(message);
    if (options?.field !== undefined) this.field = options.field;
  }
}

/**
 * An edit made from a version of a record that is no longer current: someone else changed it
 * first. The message says who, when and what. Exit code 2 (HTTP 409).
 */
export class ConflictError extends InputError {}

/** The thing asked for does not exist (an unknown area, say). Exit code 2. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The caller's scope does not allow what was asked. Exit code 2. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Lantern's own configuration or bundled data is wrong or missing. Exit code 1. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** True for the errors that mean "the user asked for something wrong" rather than a bug. */
export function isUserError(error: unknown): error is InputError | NotFoundError | ForbiddenError {
  return (
    error instanceof InputError || error instanceof NotFoundError || error instanceof ForbiddenError
  );
}

/**
 * The store's file cannot be written (the disk is full, the file system read-only). What was
 * committed before is kept in the store's log and applied when the store is next opened with
 * room to write. Exit code 1.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
}

/** A remote source (data.police.uk) cannot be reached or answers with an error. Exit code 1. */
export class SourceUnavailableError extends Error {
  override readonly name = 'SourceUnavailableError';
}

/**
 * The kind of an error as the API's answers and the CLI's `--json` errors name it, so that a
 * script reading either tells them apart by the same word ("bad-input", not the class name).
 */
export type ErrorType =
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'bad-input'
  | 'source-unavailable'
  | 'storage'
  | 'configuration'
  | 'unexpected';

export function errorType(error: unknown): ErrorType {
  if (error instanceof NotFoundError) return 'not-found';
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof ConflictError) return 'conflict';
  if (error instanceof InputError) return 'bad-input';
  if (error instanceof SourceUnavailableError) return 'source-unavailable';
  if (error instanceof StorageError) return 'storage';
  if (error instanceof ConfigError) return 'configuration';
  return 'unexpected';
}
