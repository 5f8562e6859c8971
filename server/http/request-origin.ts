/**
 * Cross-site request forgery: a state change (any method but GET, HEAD, OPTIONS) is accepted only
 * from the app's own origins. Browsers send `Origin` on every cross-site POST and `Sec-Fetch-Site`
 * on every request, whatever the content type (a multipart form or text/plain body needs no
 * preflight, so SameSite=Lax cookies alone do not stop it). A client that sends neither is not a
 * browser acting for a victim (curl, the benchmarks) and is let through.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type OriginVerdict = { allowed: true } | { allowed: false; origin: string };

export function checkRequestOrigin(input: { method: string; origin: string | undefined; fetchSite: string | undefined; ownOrigins: readonly string[] }): OriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { allowed: true };
  if (input.origin !== undefined) {
    return input.ownOrigins.includes(input.origin.toLowerCase()) ? { allowed: true } : { allowed: false, origin: input.origin };
  }
  if (input.fetchSite !== undefined && input.fetchSite !== 'same-origin' && input.fetchSite !== 'none') {
    return { allowed: false, origin: `(Sec-Fetch-Site: ${input.fetchSite})` };
  }
  return { allowed: true };
}

/**
 * The origins a state change may come from: APP_URL and ALLOWED_ORIGINS; without APP_URL, also the
 * origin the browser addressed (a tablet on the shop's network reaches the app by its address).
 */
export function ownOrigins(config: { appUrl: string | undefined; allowedOrigins: readonly string[] }, addressed: string | undefined): string[] {
  const origins = [...config.allowedOrigins];
  if (config.appUrl) origins.push(new URL(config.appUrl).origin.toLowerCase());
  else if (addressed) origins.push(addressed.toLowerCase());
  return origins;
}
