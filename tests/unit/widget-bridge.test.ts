import { describe, expect, it } from 'vitest';
import { FROM_LOADER, hostOriginOf, parseLoaderMessage } from '@/app/widget/widget-bridge';

// The frame's half of the postMessage talk (public/widget.js is the other): it believes only the
// parent window at an origin of WIDGET_ORIGINS (or the app's own).
const own = 'https://desk.example.ua';
const site = 'https://www.operator.example.ua';

describe('the host page the widget frame talks to', () => {
  it('is the ?host= origin only when WIDGET_ORIGINS (or the app itself) has it', () => {
    expect(hostOriginOf(site, [site], own)).toBe(site);
    expect(hostOriginOf(`${site}/some/page?x=1`, [site], own)).toBe(site);
    expect(hostOriginOf('HTTPS://WWW.Operator.Example.UA', [site], own)).toBe(site);
    expect(hostOriginOf(own, [], own)).toBe(own);
    expect(hostOriginOf('https://evil.example', [site], own)).toBeNull();
    expect(hostOriginOf('https://www.operator.example.ua.evil.example', [site], own)).toBeNull();
    expect(hostOriginOf('not a url', [site], own)).toBeNull();
    expect(hostOriginOf(undefined, [site], own)).toBeNull();
  });
});

describe('a message from the loader', () => {
  const parent = {} as Window;
  const other = {} as Window;
  const event = (data: unknown, origin = site, source: Window | null = parent) => ({ data, origin, source }) as unknown as MessageEvent;

  it('is read from the parent window at the host origin', () => {
    expect(parseLoaderMessage(event({ source: FROM_LOADER, type: 'hello', portalToken: 'abc', open: true }), site, parent)).toEqual({ type: 'hello', portalToken: 'abc', open: true, token: null });
    const token = 'smCTu09j2sJOFA8Qd6n65PaR9S_uweehTKp5R1cL_L8';
    expect(parseLoaderMessage(event({ source: FROM_LOADER, type: 'hello', portalToken: '', open: false, token }), site, parent)).toEqual({ type: 'hello', portalToken: '', open: false, token });
    expect(parseLoaderMessage(event({ source: FROM_LOADER, type: 'closed' }), site, parent)).toEqual({ type: 'closed' });
    expect(parseLoaderMessage(event({ source: FROM_LOADER, type: 'opened' }), site, parent)).toEqual({ type: 'opened' });
  });

  it('is ignored from another origin, another window, or of another shape', () => {
    const hello = { source: FROM_LOADER, type: 'hello', portalToken: 'abc', open: true };
    expect(parseLoaderMessage(event(hello, 'https://evil.example'), site, parent)).toBeNull();
    expect(parseLoaderMessage(event(hello, site, other), site, parent)).toBeNull();
    expect(parseLoaderMessage(event(hello), null, parent)).toBeNull();
    expect(parseLoaderMessage(event({ ...hello, source: 'someone-else' }), site, parent)).toBeNull();
    expect(parseLoaderMessage(event('hello'), site, parent)).toBeNull();
    expect(parseLoaderMessage(event({ source: FROM_LOADER, type: 'token', token: 'x' }), site, parent)).toBeNull();
    // A portal token that is not a string is dropped, not passed on.
    expect(parseLoaderMessage(event({ ...hello, portalToken: { evil: true } }), site, parent)).toEqual({ type: 'hello', portalToken: '', open: true, token: null });
    // So is a token of another shape.
    expect(parseLoaderMessage(event({ ...hello, token: 'a b"<script>' }), site, parent)).toMatchObject({ token: null });
  });
});
