'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/trpc/root';
import { rereadInvalidatedFirstReads } from './late-invalidations';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  const queryClient = new QueryClient({
    defaultOptions: {
      // Point-of-sale connections are slow: keep data fresh for a while and retry calmly.
      queries: { staleTime: 30_000, retry: 2, refetchOnWindowFocus: false },
    },
  });
  rereadInvalidatedFirstReads(queryClient);
  return queryClient;
}

function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        // Subscriptions over server-sent events; the browser's EventSource reconnects by itself
        // and tRPC sends the last event id, so nothing is lost across a drop.
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/api/trpc', transformer: superjson }),
        false: httpBatchLink({ url: '/api/trpc', transformer: superjson }),
      }),
    ],
  });
}

/**
 * One query cache and client per browser tab: each workspace's layout mounts this provider (the
 * root layout does not, so public pages ship no tRPC or react-query), and moving between
 * workspaces (/dealer → /applications/…) keeps the cache. On the server, one per request.
 */
let browserClients: { queryClient: QueryClient; trpcClient: ReturnType<typeof makeTrpcClient> } | undefined;
function clients() {
  if (typeof window === 'undefined') return { queryClient: makeQueryClient(), trpcClient: makeTrpcClient() };
  browserClients ??= { queryClient: makeQueryClient(), trpcClient: makeTrpcClient() };
  return browserClients;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const [{ queryClient, trpcClient }] = useState(clients);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
