/**
 * What the remote sources' clients (data.police.uk, the ONS Open Geography Portal) share about a
 * request that went wrong: a server's Retry-After read as seconds, a network failure named in a
 * few words, and which failures mean the host cannot be reached at all (tried once more, then
 * reported, rather than retried for minutes).
 */

/** Retry-After as seconds (a number, or an HTTP date); 0 when absent or unreadable. */
export function retryAfterSeconds(header: string | null): number {
  if (header === null || header.trim() === '') return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, (at - Date.now()) / 1000) : 0;
}

/** No route, no such host, nothing listening: one more try, then say so. */
export const UNREACHABLE: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** A failed fetch in a few words: its error code, or "no answer within N s" for a timeout. */
export function networkProblem(error: unknown, timeoutMs: number): string {
  const e = error as {
    name?: string;
    cause?: { code?: string; message?: string };
    message?: string;
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `no answer within ${timeoutMs / 1000} s`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

/** Full-jitter exponential backoff before retry `attempt` (1, 2, …); a Retry-After is a floor. */
export function backoffMs(attempt: number, baseMs: number, retryAfterS = 0): number {
  const cap = baseMs * 2 ** (attempt - 1);
  return Math.max(retryAfterS * 1000, Math.random() * cap);
}

/** An answer larger than a client reads: the source is not answering as it should. */
export class AnswerTooLarge extends Error {
  override readonly name = 'AnswerTooLarge';
}

const MIB = 2 ** 20;

/**
 * A response's body as text, read up to `maxBytes` (inflated, when the server compressed it): a
 * larger answer, said by its Content-Length or found while reading, throws AnswerTooLarge at
 * once and stops the download (QA: an endless body, or 3 MB of gzip inflating to 3 GB, was read
 * into memory until the timeout: 1.9 GB, and again at each of seven retries).
 */
export async function bodyWithin(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AnswerTooLarge(
      `an answer larger than ${Math.round(maxBytes / MIB)} MiB, the most Lantern reads of one answer`,
    );
  const declared = Number(response.headers.get('content-length'));
  const encoded = (response.headers.get('content-encoding') ?? '') !== '';
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  // As response.text() decodes: UTF-8, a byte order mark dropped.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The start of an error answer's body (at most `maxBytes`), for the message; '' if unreadable. */
export async function bodyStart(response: Response, maxBytes = 4096): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  try {
    while (read < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      read += value.byteLength;
    }
  } catch {
    // What was read is enough to name the problem.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

/** Why an answer could not be read, in a few words (a body cut off by the timeout said as one). */
export function brokenAnswer(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `no whole answer within ${timeoutMs / 1000} s`;
  return `a broken response (${(error as Error).message})`;
}
