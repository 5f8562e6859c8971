import type { ErrorParams } from '@/server/errors/domain-error';

/** Request bodies larger than this are refused with 413 before anything parses them. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes`);
  }
}

/**
 * Reads the body with a hard limit (also for chunked uploads without Content-Length) and returns
 * an equivalent request whose body is the buffered bytes.
 */
export async function withLimitedBody(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<Request> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return req;
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await req.body.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit);
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
}

/**
 * An error answer of a route handler, in the shape tRPC's errors have: the code, a message key
 * with its parameters for the UI to say in its language, and an English message for logs and API clients.
 */
export function jsonError(
  status: number,
  code: string,
  message: string,
  ref: { messageKey: string; params?: ErrorParams },
  init?: { headers?: HeadersInit; extra?: Record<string, unknown> },
): Response {
  return Response.json({ error: { code, messageKey: ref.messageKey, params: ref.params ?? {}, message, ...init?.extra } }, { status, headers: init?.headers });
}

export function tooLargeResponse(limit: number): Response {
  const kb = Math.round(limit / 1024);
  return jsonError(413, 'PAYLOAD_TOO_LARGE', `The request is too large (limit ${kb} KB).`, { messageKey: 'errors.requestTooLarge', params: { kb } });
}
