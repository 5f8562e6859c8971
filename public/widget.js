// @ts-check
/* global window, document, location, localStorage, HTMLScriptElement, URLSearchParams */
/*
 * Dealer Desk — the subscriber's chat loader. Embedded by one line on a page of an allowed site:
 *   <script src="https://<app>/widget.js" data-locale="uk" async></script>
 * (data-portal-token="<token>" inside the self-service portal; docs/widget.md, "Embedding").
 *
 * It shows a launcher with an unread badge and opens the chat (the app's /widget page) in an iframe
 * only when asked: nothing of the chat itself is loaded before. Plain JavaScript, no framework, no
 * imports: the whole loader is this file. The two sides talk by postMessage, each checking the
 * other's origin and window.
 */
(() => {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || !script.src) return;
  const APP = new URL(script.src, location.href).origin;
  const GLOBAL = '__dealerDeskWidget';
  // One launcher per page, however many times the snippet is pasted.
  if (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))[GLOBAL]) return;
  /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))[GLOBAL] = true;

  const locale = script.dataset.locale === 'en' ? 'en' : 'uk';
  const portalToken = script.dataset.portalToken || '';
  const TOKEN_KEY = `dealer-desk-widget:${APP}:token`;
  const POLL_MS = 30_000;
  const FROM_FRAME = 'dealer-desk-widget';
  const TO_FRAME = 'dealer-desk-loader';

  const TEXT = {
    uk: { open: 'Чат з оператором', close: 'Закрити чат', frame: 'Чат з оператором', unread: (/** @type {number} */ n) => `, непрочитаних: ${n}` },
    en: { open: 'Chat with an operator', close: 'Close the chat', frame: 'Chat with an operator', unread: (/** @type {number} */ n) => `, unread: ${n}` },
  }[locale];

  /** The host page's storage may be off (privacy modes): the badge then simply waits for the chat. */
  const store = {
    get() {
      try {
        return localStorage.getItem(TOKEN_KEY) || '';
      } catch {
        return '';
      }
    },
    /** @param {string} value */
    set(value) {
      try {
        if (value) localStorage.setItem(TOKEN_KEY, value);
        else localStorage.removeItem(TOKEN_KEY);
      } catch {
        /* storage refused: nothing to keep */
      }
    },
  };

  const host = document.createElement('div');
  host.setAttribute('data-dealer-desk-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `
<style>
  :host { all: initial; }
  .launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px;
    border: 0; border-radius: 50%; background: #1d5fd1; color: #fff; cursor: pointer; padding: 0;
    box-shadow: 0 4px 14px rgba(15, 23, 42, .3); display: flex; align-items: center; justify-content: center; }
  .launcher:hover { background: #174ea9; }
  .launcher:focus-visible { outline: 3px solid #f59e0b; outline-offset: 3px; }
  .launcher svg { width: 28px; height: 28px; }
  .badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px; box-sizing: border-box;
    border-radius: 11px; background: #dc2626; color: #fff; font: 700 12px/22px system-ui, sans-serif; text-align: center; }
  .badge[hidden] { display: none; }
  .panel { position: fixed; right: 20px; bottom: 92px; z-index: 2147483000; width: 380px; height: min(640px, calc(100vh - 112px));
    border-radius: 12px; overflow: hidden; background: #fff; box-shadow: 0 10px 40px rgba(15, 23, 42, .35); }
  .panel[hidden] { display: none; }
  .panel iframe { width: 100%; height: 100%; border: 0; display: block; }
  @media (max-width: 479.98px) {
    .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
    .open .launcher { display: none; }
  }
</style>
<div class="wrap">
  <div class="panel" hidden></div>
  <button type="button" class="launcher" aria-expanded="false">
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>
    </svg>
    <span class="badge" aria-hidden="true" hidden></span>
  </button>
</div>`;
  const wrap = /** @type {HTMLElement} */ (root.querySelector('.wrap'));
  const panel = /** @type {HTMLElement} */ (root.querySelector('.panel'));
  const launcher = /** @type {HTMLButtonElement} */ (root.querySelector('.launcher'));
  const badge = /** @type {HTMLElement} */ (root.querySelector('.badge'));

  /** @type {HTMLIFrameElement | null} */
  let frame = null;
  let open = false;
  let unread = 0;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timer;

  function render() {
    badge.hidden = unread <= 0;
    badge.textContent = unread > 99 ? '99+' : String(unread);
    launcher.setAttribute('aria-label', (open ? TEXT.close : TEXT.open) + (unread > 0 ? TEXT.unread(unread) : ''));
    launcher.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    wrap.classList.toggle('open', open);
  }

  /** @param {unknown} message */
  function post(message) {
    frame?.contentWindow?.postMessage(message, APP);
  }

  function openChat() {
    // A new frame learns it is shown from its hello; one already there is told now.
    if (frame) post({ source: TO_FRAME, type: 'opened' });
    else {
      frame = document.createElement('iframe');
      frame.title = TEXT.frame;
      frame.src = `${APP}/widget?${new URLSearchParams({ locale, host: location.origin })}`;
      frame.setAttribute('allow', 'clipboard-write');
      panel.append(frame);
    }
    open = true;
    unread = 0;
    stopPolling();
    render();
    frame?.focus();
  }

  function closeChat() {
    open = false;
    post({ source: TO_FRAME, type: 'closed' });
    render();
    startPolling();
    launcher.focus();
  }

  launcher.addEventListener('click', () => (open ? closeChat() : openChat()));
  root.addEventListener('keydown', (event) => {
    if (/** @type {KeyboardEvent} */ (event).key === 'Escape' && open) closeChat();
  });

  // Only the app's own frame is listened to: its origin and its window, nothing else on the page.
  window.addEventListener('message', (event) => {
    if (event.origin !== APP || !frame || event.source !== frame.contentWindow) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.source !== FROM_FRAME) return;
    switch (data.type) {
      case 'ready':
        // The kept token goes back too: a browser may deny the frame storage of its own.
        post({ source: TO_FRAME, type: 'hello', portalToken, open, token: store.get() || null });
        break;
      case 'token':
        if (typeof data.token === 'string' || data.token === null) store.set(data.token || '');
        break;
      case 'unread':
        if (typeof data.count === 'number' && data.count >= 0) {
          unread = open ? 0 : Math.floor(data.count);
          render();
        }
        break;
      case 'close':
        if (open) closeChat();
        break;
    }
  });

  /** While the chat is closed the badge asks the app how many messages wait unread. */
  async function refreshUnread() {
    const token = store.get();
    if (open || !token) return;
    try {
      const response = await fetch(`${APP}/api/widget/unread`, { headers: { authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store' });
      if (response.status === 401) {
        store.set('');
        unread = 0;
      } else if (response.ok) {
        const body = await response.json();
        const count = typeof body?.unread === 'number' ? body.unread : typeof body?.count === 'number' ? body.count : 0;
        unread = open ? 0 : count;
      }
      render();
    } catch {
      /* offline or the app away: try again at the next tick */
    }
  }

  function startPolling() {
    stopPolling();
    timer = setInterval(refreshUnread, POLL_MS);
    void refreshUnread();
  }
  function stopPolling() {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  }

  window.addEventListener('focus', () => void refreshUnread());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshUnread();
  });

  render();
  (document.body || document.documentElement).append(host);
  startPolling();
})();
