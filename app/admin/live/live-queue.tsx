'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useErrorText } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';
import { FigureTile } from '../dashboard/figure-tile';
import { useFigures } from '../dashboard/use-figures';
import { Table } from '../../_components/table';

const REFRESH_MS = 5_000;

/** The current time, once a second: waits tick between two refreshes of the queue. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const STATUS_TONE: Record<string, string> = {
  available: 'bg-green-100 text-green-900',
  wrap_up: 'bg-amber-100 text-amber-900',
  away: 'bg-slate-200 text-slate-800',
  offline: 'bg-slate-100 text-slate-600',
};

/**
 * The supervisor's view: chats of both classes waiting now, in routing order (their wait ticking
 * against their class's target, whom each is offered to), counts per class, and the
 * operators with status, capacity and load; refreshed every 5 seconds.
 */
export function LiveQueue() {
  const t = useTranslations('dashboard.live');
  const status = useTranslations('operator.status');
  const format = useFormatter();
  const figures = useFigures();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const live = useQuery({ ...trpc.metrics.live.queryOptions(), refetchInterval: REFRESH_MS, refetchIntervalInBackground: false, staleTime: 0 });
  const now = useNow();
  // The server measured each wait at its own clock; add the time since that answer arrived.
  const sinceAnswer = live.data ? Math.max(0, (now - live.dataUpdatedAt) / 1000) : 0;
  const waited = (seconds: number) => figures.duration(Math.floor(seconds + sinceAnswer));

  if (!live.data) {
    return live.isError ? <p className="text-red-700">{errorText(live.error)}</p> : <div className="grid min-h-64 place-items-center rounded-lg border border-dashed border-slate-300 text-slate-500">{t('loading')}</div>;
  }
  const { summary, waiting, operators, byClass } = live.data;

  return (
    <div className="flex flex-col gap-6" data-testid="live-queue">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="live-summary">
        <FigureTile testId="live-waiting" label={t('summary.waiting')} value={String(summary.waiting)} tone={summary.waiting > 0 && summary.freeSlots === 0 ? 'alert' : 'plain'} />
        <FigureTile testId="live-longest" label={t('summary.longest')} value={summary.waiting > 0 ? waited(summary.longestWaitSeconds) : figures.duration(null)} />
        <FigureTile testId="live-available" label={t('summary.available')} value={String(summary.available)} detail={t('summary.activeChats', { count: summary.activeChats })} />
        <FigureTile testId="live-free-slots" label={t('summary.freeSlots')} value={String(summary.freeSlots)} />
      </dl>
      <ul className="-mt-3 flex flex-col gap-1 text-sm" data-testid="live-by-class">
        {byClass.map((c) => (
          <li key={c.class} data-testid={`live-class-${c.class}`} className={c.overTarget > 0 ? 'text-red-800' : 'text-slate-700'}>
            <span className="font-semibold">{t(`classes.${c.class}`)}: </span>
            {t('classLine', {
              waiting: c.waiting,
              longest: c.waiting > 0 ? waited(c.longestWaitSeconds) : figures.duration(null),
              target: figures.duration(c.targetSeconds),
              over: c.overTarget,
              available: c.available,
              free: c.freeSlots,
            })}
          </li>
        ))}
      </ul>
      <p className="-mt-3 text-xs text-slate-500" aria-live="off">
        {live.isError ? <span className="text-red-700">{t('stale', { error: errorText(live.error) })} </span> : null}
        {t('updated', { time: format.dateTime(live.dataUpdatedAt, { timeStyle: 'medium' }), seconds: REFRESH_MS / 1000 })}
      </p>

      <section className="min-w-0 rounded-lg border border-slate-200 bg-white" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" className="p-3 pb-2 text-lg font-semibold">
          {t('waitingTitle')}
        </h2>
        {waiting.length === 0 ? (
          <p className="px-3 pb-3 text-slate-500" data-testid="live-waiting-empty">
            {t('waitingEmpty')}
          </p>
        ) : (
          <Table testId="live-waiting-table" columns={[{ label: t('columns.waited') }, { label: t('columns.class') }, { label: t('columns.dealer') }, { label: t('columns.topic') }, { label: t('columns.offeredTo') }]}>
                {waiting.map((chat) => (
                  <tr key={chat.id} className="border-t border-slate-100" data-testid="live-waiting-row" data-class={chat.class}>
                    <td className={`whitespace-nowrap p-2 font-semibold tabular-nums ${chat.overTarget || chat.waitSeconds + sinceAnswer > chat.targetSeconds ? 'text-red-700' : ''}`}>
                      {waited(chat.waitSeconds)}
                      <div className="text-xs font-normal text-slate-500">
                        {t('target', { target: figures.duration(chat.targetSeconds) })} · {t('since', { time: format.dateTime(chat.createdAt, { timeStyle: 'short' }) })}
                      </div>
                    </td>
                    <td className="p-2">
                      <span className={`rounded px-1.5 py-0.5 text-xs ${chat.class === 'subscriber' ? 'bg-sky-100 text-sky-900' : 'bg-violet-100 text-violet-900'}`}>{t(`classBadge.${chat.class}`)}</span>
                    </td>
                    <td className="p-2">
                      {chat.class === 'subscriber' ? (
                        <>
                          {t('subscriberChat')}
                          <div className="text-xs text-slate-500">{chat.visitor ?? t('guest')}</div>
                        </>
                      ) : (
                        <>
                          {chat.dealerName}
                          {chat.pointOfSale && <div className="text-xs text-slate-500">{chat.pointOfSale}</div>}
                        </>
                      )}
                    </td>
                    <td className="p-2">{chat.topic || '—'}</td>
                    <td className="p-2">{chat.offeredToName ?? <span className="text-slate-500">{t('offeredToNobody')}</span>}</td>
                  </tr>
                ))}
              </Table>
        )}
      </section>

      <section className="min-w-0 rounded-lg border border-slate-200 bg-white" aria-labelledby="operators-heading">
        <h2 id="operators-heading" className="p-3 pb-2 text-lg font-semibold">
          {t('operatorsTitle')}
        </h2>
        {operators.length === 0 ? (
          <p className="px-3 pb-3 text-slate-500">{t('operatorsEmpty')}</p>
        ) : (
          <Table testId="live-operators" columns={[{ label: t('columns.operator') }, { label: t('columns.status') }, { label: t('columns.load') }, { label: t('columns.freeSlots'), className: 'p-2 text-right font-medium' }]}>
                {operators.map((o) => (
                  <tr key={o.id} className="border-t border-slate-100" data-testid="live-operator" data-status={o.status}>
                    <td className="p-2">{o.name}</td>
                    <td className="p-2">
                      <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[o.status] ?? ''}`}>{status(o.status)}</span>
                    </td>
                    <td className="p-2">
                      <LoadBar load={o.load} capacity={o.capacity} label={t('load', { load: o.load, capacity: o.capacity })} />
                    </td>
                    <td className="p-2 text-right tabular-nums">{o.status === 'available' ? Math.max(0, o.capacity - o.load) : '—'}</td>
                  </tr>
                ))}
              </Table>
        )}
      </section>
    </div>
  );
}

function LoadBar({ load, capacity, label }: { load: number; capacity: number; label: string }) {
  const share = capacity > 0 ? Math.min(1, load / capacity) : 1;
  return (
    <div className="flex items-center gap-2" data-testid="live-load">
      <div className="h-2 w-20 overflow-hidden rounded bg-slate-100" aria-hidden="true">
        <div className={`h-full ${share >= 1 ? 'bg-red-500' : 'bg-brand-600'}`} style={{ width: `${share * 100}%` }} />
      </div>
      <span className="whitespace-nowrap tabular-nums">{label}</span>
    </div>
  );
}
