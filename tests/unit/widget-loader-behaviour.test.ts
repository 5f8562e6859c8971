import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

// The loader (public/widget.js) run in a small stand-in for a browser page: what it draws, when it
// makes the frame, whom it listens to and whom it tells.
const source = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'public', 'widget.js'), 'utf8');
const APP = 'https://desk.example.ua';
const SITE = 'https://www.operator.example.ua';

type Listener = (event: unknown) => void;

class FakeElement {
  attributes = new Map<string, string>();
  children: FakeElement[] = [];
  listeners = new Map<string, Listener[]>();
  classes = new Set<string>();
  classList = { toggle: (name: string, on: boolean) => (on ? this.classes.add(name) : this.classes.delete(name)) };
  hidden = false;
  textContent = '';
  title = '';
  src = '';
  dataset: Record<string, string> = {};
  contentWindow: { posted: { message: unknown; target: string }[]; postMessage: (message: unknown, target: string) => void } | null = null;
  constructor(public tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  append(child: FakeElement) {
    this.children.push(child);
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string, event: unknown = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  focus() {}
  attachShadow() {
    const parts = { '.wrap': new FakeElement('div'), '.panel': new FakeElement('div'), '.launcher': new FakeElement('button'), '.badge': new FakeElement('span') };
    const root = new FakeElement('#shadow');
    return Object.assign(root, { innerHTML: '', querySelector: (selector: keyof typeof parts) => parts[selector] });
  }
}
class FakeScript extends FakeElement {}

function page(attributes: Record<string, string> = {}, stored: Record<string, string> = {}, answer = { status: 200, body: { unread: 0 } as unknown }) {
  const script = new FakeScript('script');
  script.src = `${APP}/widget.js`;
  script.dataset = attributes;
  const frames: FakeElement[] = [];
  const hosts: (FakeElement & { querySelector?: (s: string) => FakeElement })[] = [];
  let shadow: (FakeElement & { querySelector: (s: string) => FakeElement }) | null = null;
  const storage = new Map(Object.entries(stored));
  const fetches: { url: string; headers: Record<string, string> }[] = [];
  const windowListeners = new Map<string, Listener[]>();
  const document = {
    currentScript: script,
    visibilityState: 'visible',
    body: { append: (el: FakeElement) => hosts.push(el) },
    documentElement: null,
    addEventListener: () => {},
    createElement: (tag: string) => {
      const el = new FakeElement(tag);
      if (tag === 'iframe') {
        const posted: { message: unknown; target: string }[] = [];
        el.contentWindow = { posted, postMessage: (message, target) => posted.push({ message, target }) };
        frames.push(el);
      }
      if (tag === 'div') {
        const attach = el.attachShadow.bind(el);
        el.attachShadow = () => (shadow = attach() as never) as never;
      }
      return el;
    },
  };
  const sandbox: Record<string, unknown> = {
    document,
    location: { href: `${SITE}/tariffs`, origin: SITE },
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
      removeItem: (k: string) => storage.delete(k),
    },
    HTMLScriptElement: FakeScript,
    URL,
    URLSearchParams,
    setInterval: () => 1,
    clearInterval: () => {},
    fetch: async (url: string, init: { headers: Record<string, string> }) => {
      fetches.push({ url, headers: init.headers });
      return { status: answer.status, ok: answer.status < 300, json: async () => answer.body };
    },
    addEventListener: (type: string, listener: Listener) => windowListeners.set(type, [...(windowListeners.get(type) ?? []), listener]),
  };
  sandbox.window = sandbox;
  vm.runInNewContext(source, sandbox);
  const part = (selector: string) => {
    if (!shadow) throw new Error('no shadow root');
    return shadow.querySelector(selector);
  };
  return {
    frames,
    hosts,
    storage,
    fetches,
    launcher: () => part('.launcher'),
    badge: () => part('.badge'),
    panel: () => part('.panel'),
    message: (data: unknown, origin = APP, source: unknown = frames[0]?.contentWindow) => {
      for (const listener of windowListeners.get('message') ?? []) listener({ data, origin, source });
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const TOKEN_KEY = `dealer-desk-widget:${APP}:token`;

describe('the loader on a page', () => {
  it('draws a labelled launcher and makes no frame until it is pressed', () => {
    const p = page({ locale: 'en' });
    expect(p.hosts).toHaveLength(1);
    expect(p.launcher().getAttribute('aria-label')).toBe('Chat with an operator');
    expect(p.launcher().getAttribute('aria-expanded')).toBe('false');
    expect(p.frames).toHaveLength(0);
    p.launcher().dispatch('click');
    expect(p.frames).toHaveLength(1);
    const src = new URL(p.frames[0]?.src ?? '');
    expect(src.origin + src.pathname).toBe(`${APP}/widget`);
    expect(src.searchParams.get('locale')).toBe('en');
    expect(src.searchParams.get('host')).toBe(SITE);
    expect(p.panel().hidden).toBe(false);
    expect(p.launcher().getAttribute('aria-expanded')).toBe('true');
    // Closed and opened again: the same frame.
    p.launcher().dispatch('click');
    expect(p.panel().hidden).toBe(true);
    p.launcher().dispatch('click');
    expect(p.frames).toHaveLength(1);
  });

  it('speaks Ukrainian by default', () => {
    expect(page().launcher().getAttribute('aria-label')).toBe('Чат з оператором');
  });

  it('hands the portal token only to its own frame, at the app’s origin', () => {
    const p = page({ portalToken: 'v1.+380671234567.1.mac' });
    p.launcher().dispatch('click');
    p.message({ source: 'dealer-desk-widget', type: 'ready' });
    const posted = p.frames[0]?.contentWindow?.posted ?? [];
    expect(posted).toContainEqual({ message: { source: 'dealer-desk-loader', type: 'hello', portalToken: 'v1.+380671234567.1.mac', open: true, token: null }, target: APP });
    expect(posted.every((m) => m.target === APP)).toBe(true);
  });

  it('believes only its frame at the app’s origin: the token, the unread count, "close"', () => {
    const p = page();
    p.launcher().dispatch('click');
    // Another origin, or another window of the right origin: ignored.
    p.message({ source: 'dealer-desk-widget', type: 'token', token: 'stolen' }, 'https://evil.example');
    p.message({ source: 'dealer-desk-widget', type: 'token', token: 'stolen' }, APP, {});
    expect(p.storage.has(TOKEN_KEY)).toBe(false);
    p.message({ source: 'dealer-desk-widget', type: 'token', token: 'tok-1' });
    expect(p.storage.get(TOKEN_KEY)).toBe('tok-1');

    p.message({ source: 'dealer-desk-widget', type: 'close' });
    expect(p.panel().hidden).toBe(true);
    p.message({ source: 'dealer-desk-widget', type: 'unread', count: 3 }, 'https://evil.example');
    expect(p.badge().hidden).toBe(true);
    p.message({ source: 'dealer-desk-widget', type: 'unread', count: 3 });
    expect(p.badge().hidden).toBe(false);
    expect(p.badge().textContent).toBe('3');
    expect(p.launcher().getAttribute('aria-label')).toBe('Чат з оператором, непрочитаних: 3');
    // Opening clears it.
    p.launcher().dispatch('click');
    expect(p.badge().hidden).toBe(true);
    // A frame made later gets the kept token back in its hello (its own storage may be denied).
    p.message({ source: 'dealer-desk-widget', type: 'ready' });
    expect(p.frames[0]?.contentWindow?.posted.at(-1)?.message).toMatchObject({ type: 'hello', token: 'tok-1' });
    // An ended session's null token is forgotten.
    p.message({ source: 'dealer-desk-widget', type: 'token', token: null });
    expect(p.storage.has(TOKEN_KEY)).toBe(false);
  });

  it('asks the app for the badge with the kept token while closed, and forgets a token the app refuses', async () => {
    const p = page({}, { [TOKEN_KEY]: 'tok-2' }, { status: 200, body: { unread: 2 } });
    await flush();
    expect(p.fetches).toEqual([{ url: `${APP}/api/widget/unread`, headers: { authorization: 'Bearer tok-2' } }]);
    await flush();
    expect(p.badge().textContent).toBe('2');

    const refused = page({}, { [TOKEN_KEY]: 'old' }, { status: 401, body: {} });
    await flush();
    await flush();
    expect(refused.storage.has(TOKEN_KEY)).toBe(false);
    expect(refused.badge().hidden).toBe(true);
  });

  it('asks nothing without a token', async () => {
    const p = page();
    await flush();
    expect(p.fetches).toHaveLength(0);
  });
});
