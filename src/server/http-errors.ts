/**
 * Errors as HTTP answers, in one place: the server's side of src/errors.ts, as cli/report-error.ts
 * is the terminal's. A person's mistake is a 4xx that says what to change; anything else is a 500
 * that shows no internals (the server's log has them).
 */
import {
  ConfigError,
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  SourceUnavailableError,
  StorageError,
} from '../errors.js';
import { renderOptionRefs } from '../domain/option-ref.js';

export interface HttpProblem {
  status: 400 | 403 | 404 | 409 | 500 | 503;
  body: { error: { type: string; message: string; field?: string } };
}

/** An option named in a message (⟨timeLimit⟩) is a query parameter here: `timeLimit`. */
export function apiText(text: string): string {
  return renderOptionRefs(text, (key) => `'${key}'`);
}

export function problemOf(
  error: unknown,
  log: (text: string) => void = console.error,
): HttpProblem {
  const message = error instanceof Error ? apiText(error.message) : String(error);
  const answer = (status: HttpProblem['status'], type: string, field?: string): HttpProblem => ({
    status,
    body: { error: { type, message, ...(field ? { field } : {}) } },
  });
  if (error instanceof NotFoundError) return answer(404, 'not-found');
  if (error instanceof ForbiddenError) return answer(403, 'forbidden');
  if (error instanceof ConflictError) return answer(409, 'conflict');
  if (error instanceof InputError) return answer(400, 'bad-input', error.field);
  if (error instanceof SourceUnavailableError) return answer(503, 'source-unavailable');
  if (error instanceof StorageError) return answer(503, 'storage');
  if (error instanceof ConfigError) {
    log(`lantern serve: configuration problem: ${message}`);
    return answer(500, 'configuration');
  }
  log(`lantern serve: unexpected failure: ${error instanceof Error ? error.stack : message}`);
  return {
    status: 500,
    body: {
      error: {
        type: 'unexpected',
        message:
          'Something went wrong on the server; it has been logged. Try again, or tell the administrator.',
      },
    },
  };
}
