'use client';

import { lazy, Suspense } from 'react';
import { FeedProvider } from '../realtime-feed';
import { DealerTitle } from './dealer-title';

// Only operators get offers: the layer (and its sound and notifications) loads for them alone.
const OfferLayer = lazy(() => import('./offer-layer').then((m) => ({ default: m.OfferLayer })));

/**
 * For operators and dealers, one realtime stream for the whole visit (pages inside reuse it) and
 * what every one of their pages shows: an operator's offers and status, the unread count in the title.
 */
export function LiveShell({ role, myId, children }: { role: string | null; myId: string | null; children: React.ReactNode }) {
  if (!myId || (role !== 'operator' && role !== 'dealer')) return children;
  return (
    <FeedProvider>
      {role === 'operator' ? (
        <Suspense fallback={null}>
          <OfferLayer myId={myId} />
        </Suspense>
      ) : (
        <DealerTitle myId={myId} />
      )}
      {children}
    </FeedProvider>
  );
}
