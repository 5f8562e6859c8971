import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, type TrustedProxies } from './client-address';
import { checkRequestOrigin, ownOrigins } from './request-origin';
import { apiHeaders, isWidgetPage, newNonce, securityHeaders, WIDGET_LOCALE_HEADER } from './security-headers';

export interface FrontDoorConfig {
  trustedProxies: TrustedProxies;
  appUrl: string | undefined;
  allowedOrigins: readonly string[];
  /** Sites whose pages may frame the subscriber's chat (/widget): WIDGET_ORIGINS. */
  widgetOrigins?: readonly string[];
  dev: boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Forwarded headers a client could make up; kept only when a trusted proxy wrote them. */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

/**
 * Every request passes here before Next.js or any handler sees it: the client's real address,
 * a path that decodes, the browser-protection headers, and the cross-site check on state changes.
 */
export function createFrontDoor(config: FrontDoorConfig, next: Handler): Handler {
  return (req, res) => {
    const socketAddress = req.socket.remoteAddress;
    const behindProxy = socketAddress !== undefined && config.trustedProxies.has(socketAddress);
    const forwardedFor = header(req, 'x-forwarded-for');
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(socketAddress, forwardedFor, config.trustedProxies);
    if (!behindProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name];

    const https = Boolean((req.socket as TLSSocket).encrypted) || (behindProxy && header(req, 'x-forwarded-proto') === 'https');
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    // API answers are data, never a page: they get a fixed policy and no nonce.
    const page = !pathname.startsWith('/api/');
    const headers = page ? securityHeaders({ pathname, nonce: newNonce(), https, dev: config.dev, widgetOrigins: config.widgetOrigins }) : apiHeaders(https);
    for (const name in headers) res.setHeader(name, headers[name] as string);
    // Next.js takes the nonce for its scripts from this request header.
    if (page) req.headers['content-security-policy'] = headers['content-security-policy'];
    else delete req.headers['content-security-policy'];
    delete req.headers[WIDGET_LOCALE_HEADER];
    if (page && isWidgetPage(pathname)) req.headers[WIDGET_LOCALE_HEADER] = widgetLocale(req.url ?? '/');

    if (!decodes(pathname)) {
      return refuse(req, res, 400, 'BAD_REQUEST', 'The address is malformed.', 'errors.malformedAddress');
    }

    const host = header(req, behindProxy ? 'x-forwarded-host' : 'host') ?? header(req, 'host');
    const addressed = host ? `${https ? 'https' : 'http'}://${host}` : undefined;
    const verdict = checkRequestOrigin({
      method: req.method ?? 'GET',
      origin: header(req, 'origin'),
      fetchSite: header(req, 'sec-fetch-site'),
      ownOrigins: ownOrigins(config, addressed),
    });
    if (!verdict.allowed) {
      return refuse(req, res, 403, 'FORBIDDEN', 'Cross-site request refused: this action may be taken only from the app’s own pages.', 'errors.crossSite');
    }
    return next(req, res);
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function widgetLocale(url: string): string {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('locale') === 'en' ? 'en' : 'uk';
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The refusal in jsonError's shape (server/http/limited-body.ts): code, message key, English text. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, messageKey: string): void {
  req.resume();
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: { code, messageKey, params: {}, message } }));
}
