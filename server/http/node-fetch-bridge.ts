import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * More than any route takes (a 10 MB file in a multipart form, with room for the form around it).
 * A body is read into memory up to this and no further: a longer one reaches the route cut just
 * past it, so the route's own, smaller limit (withLimitedBody) refuses it with its own message.
 * Reading it here, rather than handing the route a stream made from Node's, keeps web-stream
 * adapters (and their failures when a client goes away) out of the path.
 */
export const MAX_REQUEST_BODY_BYTES = 11 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => resolve(new Uint8Array(Buffer.concat(chunks, Math.min(size, MAX_REQUEST_BODY_BYTES + 1))));
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        finish();
      }
    });
    req.once('end', finish);
    req.once('error', reject);
  });
}

/** Node's request headers as Fetch API Headers. */
export function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * Node's request as the Fetch API Request a route handler takes, its body read at once (see
 * MAX_REQUEST_BODY_BYTES). The request's signal aborts when the client goes away early.
 */
export async function toFetchRequest(req: IncomingMessage, res: ServerResponse, base: string): Promise<Request> {
  const headers = headersOf(req);
  const controller = new AbortController();
  // Only a client that left before its answer was written aborts (an abort costs an exception).
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit = { method: req.method, headers, signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') init.body = await readBody(req);
  return new Request(new URL(req.url ?? '/', base), init);
}

/** Writes a Fetch API Response to Node's response; an event stream is passed on as it comes. */
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
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  const reader = response.body.getReader();
  res.once('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      res.write(value);
    }
  } catch {
    // The client went away mid-stream: nothing to do.
  }
  res.end();
}
