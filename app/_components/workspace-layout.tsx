import { pageActor } from '../_lib/guard';
import { LiveShell } from './live/live-shell';
import { TRPCReactProvider } from './trpc-provider';

/**
 * The layout of every signed-in workspace (dealer, operator, back office, admin, applications,
 * packages): the tRPC client and query cache that their client components use, and for operators
 * and dealers the live shell (one realtime stream, an operator's offers, the unread count in the
 * title). Public pages (sign-in, /verify, the subscriber's link) stay outside and download none of it.
 */
export async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor();
  return (
    <TRPCReactProvider>
      <LiveShell role={actor?.role ?? null} myId={actor?.id ?? null}>
        {children}
      </LiveShell>
    </TRPCReactProvider>
  );
}
