'use client';

import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/trpc/root';

/**
 * The app's tRPC procedures for the subscriber's side of written requests (submit, the private
 * link), called without a cookie: the public form, the widget's frame and the link page are not
 * signed in, and what proves who writes is the widget session's token or the link's token.
 */
let client: ReturnType<typeof makeClient> | undefined;

function makeClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, fetch: (input, init) => fetch(input, { ...init, credentials: 'omit' }) })],
  });
}

export function requestsClient() {
  client ??= makeClient();
  return client;
}

/** A chosen file as the procedures take it: its name and its bytes in base64. */
export async function toUpload(file: File): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { fileName: file.name, contentBase64: btoa(binary) };
}
