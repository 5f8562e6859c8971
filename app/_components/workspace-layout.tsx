import { TRPCReactProvider } from './trpc-provider';

/**
 * The layout of every signed-in workspace (dealer, operator, back office, admin, applications,
 * packages): the tRPC client and query cache that their client components use. Public pages
 * (sign-in, /verify, the subscriber's link) stay outside and download none of it.
 */
export function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
