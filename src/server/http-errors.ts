/**
 * Errors as HTTP answers, in one place: the server's side of src/errors.ts, as cli/report-error.ts
 * is the terminal's. A person's mistake is a 4xx that says what to change; anything else is a 500
 * that shows no internals (the server's log has them).
 */
import { errorType, type InputError } from '../errors.js';
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
  const type = errorType(error);
  switch (type) {
    case 'not-found':
      return answer(404, type);
    case 'forbidden':
      return answer(403, type);
    case 'conflict':
      return answer(409, type);
    case 'bad-input':
      return answer(400, type, (error as InputError).field);
    case 'source-unavailable':
    case 'storage':
      return answer(503, type);
    case 'configuration':
      log(`lantern serve: configuration problem: ${message}`);
      return answer(500, type);
    case 'unexpected':
      break;
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
