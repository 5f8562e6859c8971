import { randomBytes } from 'node:crypto';

/**
 * Browser-protection headers for every answer (what each is for: docs/security.md). The page's
 * scripts run only with the request's nonce: Next.js reads it from the Content-Security-Policy
 * request header and puts it on the scripts it writes.
 */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The subscriber's chat (/widget) is the one page other sites may frame: the loader
 * (public/widget.js) opens it in an iframe on the pages of WIDGET_ORIGINS. Every other page
 * keeps frame-ancestors 'none' and X-Frame-Options DENY (clickjacking).
 */
export function isWidgetPage(pathname: string): boolean {
  return pathname === '/widget' || pathname.startsWith('/widget/');
}

/**
 * Request header the front door sets on the widget's page requests (and strips from every other):
 * the widget's language, from its address (?locale=en), since the host page chooses it and the
 * app's cookie is not the visitor's. Its presence also tells the root layout to leave out the
 * staff's header (app/layout.tsx).
 */
export const WIDGET_LOCALE_HEADER = 'x-dealer-desk-widget-locale';

export function contentSecurityPolicy(nonce: string, dev: boolean, frameAncestors: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and the charts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Signatures are drawn to data: URLs; previews use blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    frameAncestors.length === 0 ? "frame-ancestors 'none'" : `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/** The camera may be asked for only on an application's pages, where scans of documents are taken. */
function permissionsPolicy(pathname: string): string {
  const camera = pathname.startsWith('/applications/') ? 'camera=(self)' : 'camera=()';
  return `${camera}, microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()`;
}

export function securityHeaders(input: { pathname: string; nonce: string; https: boolean; dev: boolean; widgetOrigins?: readonly string[] }): Record<string, string> {
  const widget = isWidgetPage(input.pathname);
  const ancestors = widget ? ["'self'", ...(input.widgetOrigins ?? [])] : [];
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(input.nonce, input.dev, ancestors),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': permissionsPolicy(input.pathname),
    'cross-origin-opener-policy': 'same-origin',
  };
  // X-Frame-Options knows no list of origins; browsers that read the CSP ignore it when
  // frame-ancestors is set, so the widget's page simply goes without it.
  if (!widget) headers['x-frame-options'] = 'DENY';
  if (input.https) headers['strict-transport-security'] = 'max-age=31536000';
  return headers;
}

const API_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};
const API_HEADERS_HTTPS = { ...API_HEADERS, 'strict-transport-security': 'max-age=31536000' };

/** For /api/*: the same protections, fixed (no nonce: nothing there is a page that runs scripts). */
export function apiHeaders(https: boolean): Record<string, string> {
  return https ? API_HEADERS_HTTPS : API_HEADERS;
}
