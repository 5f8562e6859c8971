'use client';

import { FeedProvider } from '../realtime-feed';
import { DealerTitle } from './dealer-title';
import { OfferLayer } from './offer-layer';

/**
 * For operators and dealers, one realtime stream for the whole visit (pages inside reuse it) and
 * what every one of their pages shows: an operator's offers and status, the unread count in the title.
 */
export function LiveShell({ role, myId, children }: { role: string | null; myId: string | null; children: React.ReactNode }) {
  if (!myId || (role !== 'operator' && role !== 'dealer')) return children;
  return (
    <FeedProvider>
      {role === 'operator' ? <OfferLayer myId={myId} /> : <DealerTitle myId={myId} />}
      {children}
    </FeedProvider>
  );
}
