import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A body up to this size with a declared length is read at once; larger or unknown ones stream. */
const BUFFERED_BODY_BYTES = 64 * 1024;

function readSmallBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(length);
    let offset = 0;
    req.on('data', (chunk: Buffer) => {
      if (offset + chunk.length > length) {
        req.destroy();
        reject(new Error('The body is longer than its Content-Length.'));
        return;
      }
      chunk.copy(body, offset);
      offset += chunk.length;
    });
    req.once('end', () => resolve(body.subarray(0, offset)));
    req.once('error', reject);
  });
}

/**
 * Node's request as the Fetch API Request a route handler takes. A small body (a chat message,
 * a form) is read in one go; anything larger is streamed, not buffered, so the handler's own
 * limit stops it. The request's signal aborts when the client goes away.
 */
export async function toFetchRequest(req: IncomingMessage, res: ServerResponse, base: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const controller = new AbortController();
  // Only a client that left before its answer was written aborts (an abort costs an exception).
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const length = Number(req.headers['content-length'] ?? NaN);
    if (Number.isInteger(length) && length <= BUFFERED_BODY_BYTES) init.body = new Uint8Array(await readSmallBody(req, length));
    else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(new URL(req.url ?? '/', base), init);
}

/** Writes a Fetch API Response to Node's response, streaming its body with backpressure. */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res).catch(() => {
    // The client went away mid-answer: nothing to do.
  });
}
