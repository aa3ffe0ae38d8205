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
