import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, withLimitedBody } from '@/server/http/limited-body';

describe('withLimitedBody', () => {
  it('passes a body under the limit through unchanged', async () => {
    const req = await withLimitedBody(new Request('http://x/', { method: 'POST', body: 'hello' }), 10);
    expect(await req.text()).toBe('hello');
  });

  it('refuses a body over the limit even when Content-Length is missing', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array(8));
        c.enqueue(new Uint8Array(8));
        c.close();
      },
    });
    await expect(withLimitedBody(new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit), 10)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('leaves GET requests alone', async () => {
    const req = new Request('http://x/');
    expect(await withLimitedBody(req, 1)).toBe(req);
  });
});
