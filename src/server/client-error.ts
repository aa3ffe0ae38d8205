/**
 * A request Node's HTTP parser cannot take (headers or address over its 16 KB limit, a malformed
 * request line), answered in JSON as every other error is. Node's own answer was a bare
 * "431 Request Header Fields Too Large" with no body: a script building a long query saw an empty
 * answer and no reason. No route or middleware runs: the request was never read.
 */
import type { Duplex } from 'node:stream';

export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // The client went away, or an answer is already on its way: nothing more to say.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const [status, reason, body] = tooLarge
    ? ([
        431,
        'Request Header Fields Too Large',
        {
          type: 'too-large',
          message:
            "The request's address and headers are longer than the server reads (16 KB): ask for fewer items at once, or send them in several requests.",
        },
      ] as const)
    : ([
        400,
        'Bad Request',
        { type: 'bad-input', message: 'The request could not be read as HTTP.' },
      ] as const);
  const text = JSON.stringify({ error: body });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${text}`,
  );
}
