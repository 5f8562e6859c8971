import { BlockList, isIP } from 'node:net';

/** The header the front door writes and what reads it: below server/trpc, which reads it too. */
export { CLIENT_ADDRESS_HEADER, clientIp } from '@/server/auth/client-ip';

/** `::ffff:192.0.2.1` (IPv4 on a dual-stack socket) is 192.0.2.1. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped?.[1] ?? trimmed).toLowerCase();
}

export interface TrustedProxies {
  has(address: string): boolean;
}

/**
 * TRUSTED_PROXIES: a comma-separated list of addresses and CIDR ranges (IPv4 or IPv6) of the
 * reverse proxies in front of the app. Default none: forwarded headers are then ignored.
 */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const blocks = new BlockList();
  let any = false;
  for (const raw of (list ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address, prefix] = raw.split('/');
    const normalised = normaliseAddress(address ?? '');
    const family = isIP(normalised);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(normalised, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`TRUSTED_PROXIES: "${raw}" has a bad prefix length`);
      blocks.addSubnet(normalised, bits, type);
    }
    any = true;
  }
  return {
    has(address: string) {
      if (!any) return false;
      const normalised = normaliseAddress(address);
      const family = isIP(normalised);
      return family !== 0 && blocks.check(normalised, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * The client behind a chain of proxies: the socket's peer unless it is a trusted proxy; then
 * X-Forwarded-For read from the right, skipping trusted proxies, up to the first address that is
 * not one (anything left of it was written by the client and may be made up).
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let client = normaliseAddress(socketAddress ?? '') || 'unknown';
  if (!trusted.has(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map(normaliseAddress).filter((hop) => isIP(hop) !== 0);
  for (const hop of hops.reverse()) {
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}
