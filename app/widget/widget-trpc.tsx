'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { EventSource } from 'eventsource';
import { useState } from 'react';
import superjson from 'superjson';
import type { WidgetRouter } from '@/server/trpc/widget-router';
import { readToken } from './widget-token';

export const { TRPCProvider: WidgetTRPCProvider, useTRPC: useWidgetTRPC } = createTRPCContext<WidgetRouter>();

export const WIDGET_TRPC_URL = '/api/widget/trpc';

/** The bearer header of the current session, read at each call (a new session replaces the token). */
export function bearer(): Record<string, string> {
  const token = readToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * The widget's own client, separate from the staff's (app/_components/trpc-provider.tsx): calls
 * carry the bearer token, never a cookie. The browser's EventSource cannot send a header, so the
 * feed uses tRPC's httpSubscriptionLink with the `eventsource` package's EventSource, which reads
 * the stream with fetch (and so can send Authorization) and keeps tRPC's reconnection with the
 * last event id.
 */
function makeClient() {
  return createTRPCClient<WidgetRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: WIDGET_TRPC_URL,
          transformer: superjson,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, credentials: 'omit', headers: { ...init?.headers, ...bearer() } }),
          }),
        }),
        false: httpBatchLink({ url: WIDGET_TRPC_URL, transformer: superjson, headers: bearer, fetch: (input, init) => fetch(input, { ...init, credentials: 'omit' }) }),
      }),
    ],
  });
}

export function WidgetTRPCReactProvider({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } } }));
  const [client] = useState(makeClient);
  return (
    <QueryClientProvider client={queryClient}>
      <WidgetTRPCProvider trpcClient={client} queryClient={queryClient}>
        {children}
      </WidgetTRPCProvider>
    </QueryClientProvider>
  );
}
