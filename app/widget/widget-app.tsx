'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { CHAT_LIMITS } from '@/server/chat/chat-limits';
import type { WidgetChatDto } from '@/server/widget/schemas';
import { useErrorText } from '../_components/error-text';
import { queuePlaceFromEvent } from '../_components/chat/queue-outlook';
import { ChatPanel, type ChatLive } from './chat-panel';
import { ProveForm } from './prove-form';
import { RequestForm } from '../_components/requests/request-form';
import { StatusNotice } from './status-notice';
import { unavailable } from './widget-availability';
import { hostOriginOf, parseLoaderMessage, postToLoader } from './widget-bridge';
import { readLastEventId, readToken, TOKEN_KEY, writeLastEventId, writeToken } from './widget-token';
import { useWidgetTRPC } from './widget-trpc';

const TYPING_SHOW_MS = 6000;
const codeOf = (error: unknown) => (error as { data?: { code?: string } } | null)?.data?.code;

/**
 * The subscriber's chat, inside the loader's frame (or opened on its own). Who is chatting: a guest
 * asks at once, a subscriber proves a number (SMS or e-mail code), the self-service portal's token
 * proves it silently. Then the conversation, kept across reloads and tabs by the token in this
 * frame's localStorage, and followed live through the widget's feed.
 */
export function WidgetApp({ allowedOrigins }: { allowedOrigins: string[] }) {
  const t = useTranslations('widget');
  const tr = useTranslations('requests.widget');
  const locale = useLocale() === 'en' ? 'en' : 'uk';
  const trpc = useWidgetTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();

  const [ready, setReady] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [hostOrigin, setHostOrigin] = useState<string | null>(null);
  const [embedded, setEmbedded] = useState(false);
  const [shown, setShown] = useState(true);
  const [portalToken, setPortalToken] = useState('');
  const [greeted, setGreeted] = useState(false);
  const [online, setOnline] = useState(true);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  const [live, setLive] = useState<ChatLive & { typingUntil: number }>({ typing: null, typingUntil: 0, queuePlace: null, verificationAsked: false });

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    setHostOrigin(hostOriginOf(params.get('host') ?? undefined, allowedOrigins, window.location.origin));
    setEmbedded(window.parent !== window);
    setToken(readToken());
    setOnline(navigator.onLine);
    setReady(true);
    const onStorage = (e: StorageEvent) => {
      // Another tab of the same site started or ended the session.
      if (e.key !== TOKEN_KEY) return;
      setToken(e.newValue);
      void queryClient.resetQueries();
    };
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('storage', onStorage);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [allowedOrigins, queryClient]);

  // The loader: only the parent window at the host's checked origin is listened to.
  useEffect(() => {
    if (!hostOrigin) return;
    const onMessage = (event: MessageEvent) => {
      const message = parseLoaderMessage(event, hostOrigin, window.parent);
      if (!message) return;
      if (message.type === 'hello') {
        setPortalToken(message.portalToken);
        setShown(message.open);
        // The loader kept a session this frame's storage does not have (it may be denied any).
        if (message.token && !readToken()) {
          writeToken(message.token);
          setToken(message.token);
          void queryClient.resetQueries();
        }
        setGreeted(true);
      } else setShown(message.type === 'opened');
    };
    window.addEventListener('message', onMessage);
    postToLoader(hostOrigin, { type: 'ready' });
    return () => window.removeEventListener('message', onMessage);
  }, [hostOrigin, queryClient]);

  // The loader keeps the token to ask for the unread count while the chat is closed (told after
  // its hello, so that a token it kept is not forgotten before it is handed over).
  useEffect(() => {
    if (greeted) postToLoader(hostOrigin, { type: 'token', token });
  }, [greeted, hostOrigin, token]);

  const adopt = useCallback(
    (next: string | null) => {
      writeToken(next);
      setToken(next);
      void queryClient.resetQueries();
    },
    [queryClient],
  );

  const start = useMutation(trpc.session.start.mutationOptions());
  const ensureSession = useCallback(async () => {
    if (readToken()) return;
    // The embedding page's origin (checked against WIDGET_ORIGINS) is recorded with the session.
    const origin = hostOrigin && hostOrigin !== window.location.origin ? hostOrigin : undefined;
    const session = await start.mutateAsync({ locale, origin });
    writeToken(session.token);
    setToken(session.token);
  }, [start, locale, hostOrigin]);

  const me = useQuery(trpc.session.me.queryOptions(undefined, { enabled: ready && token !== null, retry: false }));
  useEffect(() => {
    if (codeOf(me.error) === 'UNAUTHORIZED') adopt(null);
  }, [me.error, adopt]);
  const visitor = me.data?.visitor ?? null;

  const status = useQuery(trpc.status.queryOptions(undefined, { refetchInterval: 60_000 }));
  const current = useQuery({
    ...trpc.chat.current.queryOptions({}, { enabled: ready && token !== null && me.isSuccess, refetchInterval: online ? 30_000 : false }),
  });
  const chat = current.data ?? null;

  // Inside the self-service portal: its signed token proves the number, no code asked.
  const fromPortal = useMutation(trpc.session.fromPortal.mutationOptions());
  const portalTried = useRef(false);
  useEffect(() => {
    if (!ready || !portalToken || portalTried.current) return;
    if (token !== null && !me.isSuccess) return;
    if (visitor?.verifiedBy) return;
    portalTried.current = true;
    void (async () => {
      await ensureSession();
      await fromPortal.mutateAsync({ token: portalToken });
      await queryClient.invalidateQueries();
    })().catch(() => undefined);
  }, [ready, portalToken, token, me.isSuccess, visitor, ensureSession, fromPortal, queryClient]);

  const proven = () => void queryClient.invalidateQueries();

  // The feed: messages, status, typing, the queue place, the operator's request to verify.
  const chatId = chat?.id ?? null;
  const [lastEventId] = useState(() => (typeof window === 'undefined' ? null : readLastEventId()));
  useSubscription(
    trpc.feed.subscriptionOptions(lastEventId ? { lastEventId } : undefined, {
      enabled: ready && token !== null && me.isSuccess,
      onStarted: () => void queryClient.invalidateQueries({ queryKey: trpc.chat.current.pathKey() }),
      onError: (error) => {
        if (codeOf(error) === 'UNAUTHORIZED') adopt(null);
      },
      onData: ({ id, data: event }) => {
        if (id) writeLastEventId(id);
        if (event.type === 'chat.message') {
          const message = { ...event.payload.message, createdAt: new Date(event.payload.message.createdAt) };
          queryClient.setQueryData(trpc.chat.current.queryKey({}), (old: WidgetChatDto | null | undefined) => {
            if (!old || old.id !== message.chatId || old.messages.some((m) => m.id === message.id)) return old;
            return { ...old, messages: [...old.messages, message].sort((a, b) => a.seq - b.seq), lastSeq: Math.max(old.lastSeq, message.seq) };
          });
          if (message.authorRole !== 'subscriber') setLive((l) => ({ ...l, typing: null }));
          return;
        }
        if (event.type === 'chat.typing') {
          if (event.payload.role !== 'subscriber') setLive((l) => ({ ...l, typing: event.payload.name, typingUntil: Date.now() + TYPING_SHOW_MS }));
          return;
        }
        if (event.type === 'queue.position') {
          setLive((l) => ({ ...l, queuePlace: queuePlaceFromEvent(event.payload) }));
          return;
        }
        if (event.type === 'chat.verificationRequested') setLive((l) => ({ ...l, verificationAsked: true }));
        if (event.type === 'chat.visitorVerified') {
          setLive((l) => ({ ...l, verificationAsked: false }));
          void queryClient.invalidateQueries({ queryKey: trpc.session.me.queryKey() });
        }
        void queryClient.invalidateQueries({ queryKey: trpc.chat.current.pathKey() });
      },
    }),
  );
  useEffect(() => {
    if (!live.typing) return;
    const timer = window.setTimeout(() => setLive((l) => ({ ...l, typing: null })), Math.max(0, live.typingUntil - Date.now()));
    return () => window.clearTimeout(timer);
  }, [live.typing, live.typingUntil]);
  useEffect(() => setLive((l) => ({ ...l, queuePlace: null, verificationAsked: false })), [chatId]);

  // Outside business hours no chat can start (the server refuses it): the notice says when it opens.
  const closed = status.data?.open === false;

  const onUnread = useCallback((count: number) => postToLoader(hostOrigin, { type: 'unread', count }), [hostOrigin]);

  // An ended chat stays on screen (its rating, its transcript) until "new chat"; one that ended
  // before this page opened shows only while it may still be rated.
  const seenOpen = useRef(new Set<string>());
  const isOpen = chat !== null && (chat.status === 'queued' || chat.status === 'active');
  if (chat && isOpen) seenOpen.current.add(chat.id);
  const showChat = chat !== null && chat.id !== dismissed && (isOpen || chat.canRate || seenOpen.current.has(chat.id));

  return (
    <div className="flex h-dvh min-h-0 flex-col" data-testid="widget" data-ready={ready && (token === null || me.isFetched)}>
      <header className="flex items-center gap-2 bg-brand-700 px-3 py-2 text-white">
        <h1 className="flex-1 truncate text-base font-semibold">{t('title')}</h1>
        {visitor && (
          <span className="truncate text-xs" data-testid="widget-visitor">
            {visitor.msisdn ? t('provenMsisdn', { msisdn: visitor.msisdn }) : visitor.email ? t('provenEmail', { email: visitor.email }) : t('guest')}
          </span>
        )}
        {embedded && (
          <button type="button" className="rounded px-2 py-1 text-xl leading-none hover:bg-white/15" aria-label={t('minimise')} title={t('minimise')} onClick={() => postToLoader(hostOrigin, { type: 'close' })}>
            <span aria-hidden="true">—</span>
          </button>
        )}
      </header>
      <main id="main" className="flex min-h-0 flex-1 flex-col">
        {!ready ? null : showChat && chat ? (
          <ChatPanel
            chat={chat}
            live={live}
            shown={shown}
            online={online}
            email={visitor?.email ?? null}
            proven={Boolean(visitor?.verifiedBy)}
            ensureSession={ensureSession}
            onProven={proven}
            onNewChat={() => setDismissed(chat.id)}
            onUnread={onUnread}
          />
        ) : (
          <div className="flex flex-col gap-4 overflow-y-auto p-3">
            {fromPortal.isPending && <p role="status">{t('portal')}</p>}
            {status.data && <StatusNotice status={status.data} />}
            {/* No operator now (closed, nobody, a long wait): a written request instead of the chat. */}
            {writing ? (
              <WrittenRequest visitor={visitor} ensureSession={ensureSession} onProven={proven} onBack={() => setWriting(false)} />
            ) : (
              status.data &&
              unavailable(status.data) && (
                <section className="flex flex-col gap-2 rounded-lg border border-brand-200 bg-brand-50 p-3" data-testid="widget-request-offer">
                  <p className="text-sm">{tr('offerHint')}</p>
                  <button type="button" className="self-start rounded bg-brand-600 px-4 py-2 font-medium text-white" onClick={() => setWriting(true)}>
                    {tr('offer')}
                  </button>
                </section>
              )
            )}
            {!writing && <p>{t('intro')}</p>}
            {closed || writing ? null : visitor?.verifiedBy ? (
              <AskForm ensureSession={ensureSession} />
            ) : (
              <>
                <section className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3" aria-labelledby="widget-guest">
                  <h2 id="widget-guest" className="font-medium">
                    {t('guestTitle')}
                  </h2>
                  <p className="text-sm text-slate-600">{t('guestHint')}</p>
                  <AskForm ensureSession={ensureSession} />
                </section>
                <section className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3" aria-labelledby="widget-prove">
                  <h2 id="widget-prove" className="font-medium">
                    {t('proveTitle')}
                  </h2>
                  <p className="text-sm text-slate-600">{t('proveHint')}</p>
                  <ProveForm ensureSession={ensureSession} onProven={proven} />
                </section>
              </>
            )}
            {(start.isError || fromPortal.isError || current.isError) && (
              <p role="alert" className="text-sm text-red-700">
                {errorText(start.error ?? fromPortal.error ?? current.error)}
              </p>
            )}
          </div>
        )}
      </main>
    </div>
  );
}

/** The question that starts a chat: the chat is opened and the question is its first message. */
function AskForm({ ensureSession }: { ensureSession: () => Promise<void> }) {
  const t = useTranslations('widget');
  const trpc = useWidgetTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const id = useId();
  const [question, setQuestion] = useState('');
  const startChat = useMutation(trpc.chat.start.mutationOptions());
  const send = useMutation(trpc.chat.send.mutationOptions());
  const [error, setError] = useState<unknown>(null);
  const busy = startChat.isPending || send.isPending;
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const body = question.trim();
        if (!body) return;
        setError(null);
        void (async () => {
          await ensureSession();
          // The question's start is the chat's topic: the operator's queue shows it.
          const topic = body.replace(/\s+/g, ' ').slice(0, CHAT_LIMITS.maxTopicLength).trim();
          const { chatId } = await startChat.mutateAsync({ topic });
          await send.mutateAsync({ chatId, clientId: crypto.randomUUID(), body });
          setQuestion('');
          await queryClient.invalidateQueries({ queryKey: trpc.chat.current.pathKey() });
        })().catch(setError);
      }}
    >
      <label htmlFor={`${id}-question`} className="text-sm font-medium">
        {t('question')}
      </label>
      <textarea id={`${id}-question`} rows={3} required value={question} onChange={(e) => setQuestion(e.target.value)} className="rounded border border-slate-300 px-3 py-2" />
      {error !== null && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(error)}
        </p>
      )}
      <button type="submit" disabled={busy || !question.trim()} className="self-start rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
        {busy ? t('asking') : t('ask')}
      </button>
    </form>
  );
}

/** The written request inside the widget: the visitor's own session proves the number (once). */
function WrittenRequest({
  visitor,
  ensureSession,
  onProven,
  onBack,
}: {
  visitor: { msisdn: string | null; email: string | null; verifiedBy: string | null } | null;
  ensureSession: () => Promise<void>;
  onProven: () => void;
  onBack: () => void;
}) {
  const t = useTranslations('requests');
  return (
    <section className="flex flex-col gap-3" aria-labelledby="widget-request-title" data-testid="widget-request">
      <button type="button" className="self-start text-sm text-brand-700 underline" onClick={onBack}>
        {t('widget.back')}
      </button>
      <h2 id="widget-request-title" className="font-medium">
        {t('form.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('form.intro')}</p>
      <RequestForm visitor={visitor} ensureSession={ensureSession} onProven={onProven} compact />
    </section>
  );
}
