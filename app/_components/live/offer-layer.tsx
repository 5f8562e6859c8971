'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { ChatSummary } from '@/server/chat/schemas';
import { formatDuration } from '../chat/format';
import { useErrorText } from '../error-text';
import { useFeedListener } from '../realtime-feed';
import { useTRPC } from '../trpc-provider';
import { playOfferSound, unlockOfferSound, useOfferSoundSetting } from './offer-sound';
import { useTitleCount } from './use-title-count';
import { VisitorBadge } from '../chat/chat-party';

const HEARTBEAT_MS = 15_000;
const MISSED_OFFERS_FOR_AWAY = 3;
const SHOWN_OFFERS = 3;

/**
 * Mounted once for every operator page: keeps the operator's presence alive (heartbeat), shows a
 * chat offered to them wherever they are (a banner with Accept, a chime that can be switched off,
 * the count in the tab's title, a desktop notification if they allowed it), and says so when the
 * server set them away after missed offers, with one click back.
 */
export function OfferLayer({ myId }: { myId: string }) {
  const t = useTranslations('offers');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const errorText = useErrorText();
  const consoleQuery = useQuery(trpc.operator.console.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.operator.console.pathKey() });
  const heartbeat = useMutation(trpc.operator.heartbeat.mutationOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const accept = useMutation(
    trpc.operator.accept.mutationOptions({
      onSuccess: async (_data, { chatId }) => {
        setNotice(null);
        await refresh();
        router.push(`/operator?chat=${chatId}`);
      },
      onError: (e) => setNotice(errorText(e)),
    }),
  );
  const back = useMutation(trpc.operator.setStatus.mutationOptions({ onSuccess: refresh, onError: (e) => setNotice(errorText(e)) }));
  const [soundOn, setSoundOn] = useOfferSoundSetting();

  // The server sets an operator offline when these stop (a closed laptop), on whatever page they are.
  useEffect(() => {
    const beat = () => heartbeat.mutate();
    beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one timer for the page
  }, []);

  // Browsers play sound only after the user has done something on the page.
  useEffect(() => {
    const unlock = () => unlockOfferSound();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  useFeedListener((event) => {
    if (event.type === 'queue.changed' || event.type === 'operator.status') void refresh();
    // Own read marks lower the unread count in the title.
    if (event.type === 'chat.read' && event.payload.userId === myId) void refresh();
  });

  const data = consoleQuery.data;
  const offers = (data?.queue ?? []).filter((c) => c.offeredToMe);
  const unread = (data?.chats ?? []).reduce((sum, c) => sum + c.unread, 0);
  useTitleCount(offers.length + unread);

  // A chime and a notification for each offer that was not there before.
  const seen = useRef<Set<string> | null>(null);
  const offerIds = offers.map((o) => o.id).join(',');
  useEffect(() => {
    if (!data) return;
    const current = new Set(offers.map((o) => o.id));
    const fresh = offers.filter((o) => !seen.current?.has(o.id));
    seen.current = current;
    if (fresh.length === 0) return;
    if (soundOn) playOfferSound();
    if ('Notification' in window && Notification.permission === 'granted' && document.visibilityState !== 'visible') {
      for (const offer of fresh) {
        try {
          const notification = new Notification(t('notificationTitle', { name: offer.dealerUserName ?? offer.topic ?? '' }), { body: [offer.dealerName, offer.topic].filter(Boolean).join(' · '), tag: offer.id });
          notification.onclick = () => window.focus();
        } catch {
          // Android browsers show notifications only through a service worker: the banner and chime remain.
        }
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the set of offers changes
  }, [offerIds, data !== undefined]);

  const top = useBelowHeader();
  const setAway = data?.status === 'away' && data.missedOffers >= MISSED_OFFERS_FOR_AWAY;
  if (offers.length === 0 && !setAway && !notice) return null;

  return (
    // Below the header (whatever its height), so signing out and the language stay within reach.
    <section aria-label={t('region')} style={{ top }} className="fixed right-2 z-50 flex w-[min(24rem,calc(100vw-1rem))] flex-col gap-2" data-testid="offer-layer">
      {setAway && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 shadow-lg" data-testid="away-notice">
          <p>{t('setAway', { count: data.missedOffers })}</p>
          <button type="button" className="mt-2 rounded bg-brand-600 px-3 py-1 font-medium text-white disabled:opacity-60" disabled={back.isPending} onClick={() => back.mutate({ status: 'available' })}>
            {t('back')}
          </button>
        </div>
      )}
      {offers.slice(0, SHOWN_OFFERS).map((offer) => (
        <OfferCard key={offer.id} offer={offer} pending={accept.isPending && accept.variables?.chatId === offer.id} onAccept={() => accept.mutate({ chatId: offer.id })} />
      ))}
      {offers.length > SHOWN_OFFERS && <p className="rounded-lg bg-white px-3 py-1 text-sm shadow">{t('more', { count: offers.length - SHOWN_OFFERS })}</p>}
      {offers.length > 0 && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-1 text-xs shadow">
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={soundOn} onChange={(e) => setSoundOn(e.target.checked)} data-testid="offer-sound" />
            {t('sound')}
          </label>
          <NotificationButton />
        </div>
      )}
      {notice && (
        <p role="alert" className="rounded-lg bg-red-50 p-2 text-sm text-red-800 shadow">
          {notice}
        </p>
      )}
    </section>
  );
}

function OfferCard({ offer, pending, onAccept }: { offer: ChatSummary; pending: boolean; onAccept: () => void }) {
  const t = useTranslations('offers');
  const locale = useLocale();
  const now = useNow();
  return (
    <div role="alert" className="flex items-center gap-3 rounded-lg border-2 border-brand-600 bg-white px-3 py-2 text-sm shadow-lg" data-testid="offer-banner" data-chat-id={offer.id}>
      <div className="min-w-0 flex-1">
        <div className="text-xs font-semibold text-brand-700">
          {t('offer')} · {t('waiting', { time: formatDuration((now - new Date(offer.createdAt).getTime()) / 1000, locale) })}
        </div>
        <div className="truncate font-medium">{offer.class === 'subscriber' ? <VisitorBadge chat={offer} /> : offer.dealerUserName}</div>
        <div className="truncate text-xs text-slate-600">{[offer.dealerName, offer.pointOfSale].filter(Boolean).join(' · ')}</div>
        <div className="truncate">{offer.topic || <span className="text-slate-500">{t('noTopic')}</span>}</div>
      </div>
      <button type="button" className="shrink-0 rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-60" disabled={pending} onClick={onAccept}>
        {pending ? t('accepting') : t('accept')}
      </button>
    </div>
  );
}

/** Asks for the browser's permission only when the operator clicks. */
function NotificationButton() {
  const t = useTranslations('offers');
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>('unsupported');
  useEffect(() => setPermission('Notification' in window ? Notification.permission : 'unsupported'), []);
  if (permission === 'unsupported' || permission === 'granted') return null;
  if (permission === 'denied') return <span className="text-slate-500">{t('notifyDenied')}</span>;
  return (
    <button type="button" className="text-brand-700 underline" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t('notifyEnable')}
    </button>
  );
}

/** The time now, once a second (for waiting times). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The page's top edge under the header while the header is in view, else a small margin. */
function useBelowHeader(): number {
  const [top, setTop] = useState(8);
  useEffect(() => {
    const header = document.querySelector('body > header, header');
    if (!header) return;
    const update = () => setTop(Math.max(8, header.getBoundingClientRect().bottom + 8));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(header);
    window.addEventListener('scroll', update, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', update);
    };
  }, []);
  return top;
}
