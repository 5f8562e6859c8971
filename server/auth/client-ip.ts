/**
 * The client's address as the front door (server/http/front-door.ts) resolved it from the socket
 * and, only behind a configured proxy, from X-Forwarded-For. The front door removes any value a
 * client sends under this name, so route handlers can trust it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-dealer-desk-client-address';

/** The address rate limits count by. `unknown` only where no front door ran (unit tests calling handlers directly). */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || 'unknown';
}
