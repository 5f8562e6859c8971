'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useLocale } from 'next-intl';
import { useState } from 'react';
import superjson from 'superjson';
import { z } from 'zod';
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

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const locale = useLocale();
  // zod's own messages in the form follow the UI language.
  z.config(locale === 'en' ? z.locales.en() : z.locales.uk());
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          // Subscriptions over server-sent events; the browser's EventSource reconnects by itself
          // and tRPC sends the last event id, so nothing is lost across a drop.
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: '/api/trpc', transformer: superjson }),
          false: httpBatchLink({ url: '/api/trpc', transformer: superjson }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
