'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { RequestDetailDto } from '@/server/requests/schemas';
import { useErrorText } from '../../../_components/error-text';
import { useNow } from '../../../_components/live/offer-layer';
import { Panel } from '../../../_components/panel';
import { DueTime, RequestStatusBadge, SlaFlag } from '../../../_components/requests/request-badges';
import { ListSkeleton } from '../../../_components/skeleton';
import { useTRPC } from '../../../_components/trpc-provider';
import { RequestComposer } from './request-composer';
import { StaffAttachment } from './staff-attachment';

/** One request: who and what, the promised times, the conversation with internal notes marked, and every action of the back office. */
export function RequestWorkspace({ requestId, myId }: { requestId: string; myId: string }) {
  const t = useTranslations('requests.detail');
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const now = useNow();
  const [notice, setNotice] = useState<string | null>(null);
  const detail = useQuery({ ...trpc.backoffice.requests.get.queryOptions({ id: requestId }), refetchInterval: 15_000 });
  const refresh = async () => {
    setNotice(null);
    await queryClient.invalidateQueries({ queryKey: trpc.backoffice.requests.pathKey() });
  };
  const handlers = { onSuccess: refresh, onError: (e: unknown) => setNotice(errorText(e)) };
  const claim = useMutation(trpc.backoffice.requests.claim.mutationOptions(handlers));
  const setWaiting = useMutation(trpc.backoffice.requests.setWaiting.mutationOptions(handlers));
  const resolve = useMutation(trpc.backoffice.requests.resolve.mutationOptions(handlers));
  const close = useMutation(trpc.backoffice.requests.close.mutationOptions(handlers));

  if (detail.isError) return <p className="text-red-700">{errorText(detail.error)}</p>;
  if (!detail.data) return <ListSkeleton rows={6} testId="request-skeleton" />;
  const r: RequestDetailDto = detail.data;
  const when = (date: Date) => format.dateTime(new Date(date), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Kyiv' });
  const live = r.status !== 'resolved' && r.status !== 'closed';
  const busy = claim.isPending || setWaiting.isPending || resolve.isPending || close.isPending;

  return (
    <div className="flex flex-col gap-4" data-testid="request-detail" data-status={r.status} data-sla={r.sla}>
      <Link href="/backoffice/requests" className="self-start text-sm text-brand-700 underline">
        {t('back')}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold" data-testid="workspace-title">
          {t('title', { number: r.number })}
        </h1>
        <RequestStatusBadge status={r.status} />
        <SlaFlag flag={r.sla === 'late' ? 'late' : r.sla === 'atRisk' ? 'atRisk' : 'onTime'} />
      </header>
      {r.mergedInto && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          <Link href={`/backoffice/requests/${r.mergedInto.id}`} className="underline">
            {t('mergedInto', { number: r.mergedInto.number })}
          </Link>
        </p>
      )}
      {notice && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {notice}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
        <div className="flex min-w-0 flex-col gap-4">
          <Panel title={t('conversation')}>
            <ol className="flex flex-col gap-2" data-testid="request-thread">
              {r.messages.map((m) => (
                <li
                  key={m.seq}
                  className={`rounded-lg border p-3 text-sm ${m.kind === 'note' ? 'border-amber-300 bg-amber-50' : m.kind === 'reply' ? 'ml-6 border-brand-200 bg-brand-50' : m.kind === 'system' ? 'border-dashed border-slate-300 bg-slate-50 text-slate-600' : 'mr-6 border-slate-200 bg-white'}`}
                  data-testid="staff-message"
                  data-kind={m.kind}
                >
                  <div className="mb-1 flex flex-wrap justify-between gap-2 text-xs text-slate-500">
                    <span className="font-medium">
                      {m.kind === 'note' && <span className="mr-1 rounded bg-amber-200 px-1 text-amber-950">{t('internal')}</span>}
                      {m.kind === 'subscriber' ? t('subscriber_') : (m.authorName ?? '—')}
                    </span>
                    <time dateTime={new Date(m.createdAt).toISOString()}>{when(m.createdAt)}</time>
                  </div>
                  {m.body && <p className="whitespace-pre-wrap break-words">{m.body}</p>}
                  {m.attachment && <StaffAttachment requestId={r.id} attachment={m.attachment} />}
                </li>
              ))}
            </ol>
          </Panel>
          {r.status !== 'closed' && !r.mergedInto && <RequestComposer request={r} onDone={refresh} />}
          {r.rating !== null && (
            <p className="text-sm" data-testid="request-rating">
              {t('rating', { score: r.rating })}
              {r.ratingComment ? ` — ${r.ratingComment}` : ''}
            </p>
          )}
        </div>
        <aside className="flex flex-col gap-4">
          <Panel title={t('details')}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">{t('subscriber')}</dt>
              <dd data-testid="request-contact">{r.msisdn ?? r.email ?? '—'}</dd>
              <dt className="text-slate-500">{t('category')}</dt>
              <dd>{locale === 'en' ? r.category.nameEn : r.category.nameUk}</dd>
              <dt className="text-slate-500">{t('created')}</dt>
              <dd>{when(r.createdAt)}</dd>
              <dt className="text-slate-500">{t('firstResponseDue')}</dt>
              <dd>{r.firstResponseAt ? `✓ ${when(r.firstResponseAt)}` : <DueTime dueAt={r.firstResponseDueAt} now={now} paused={r.status === 'waiting'} />}</dd>
              <dt className="text-slate-500">{t('resolutionDue')}</dt>
              <dd>{r.resolvedAt ? `✓ ${when(r.resolvedAt)}` : <DueTime dueAt={r.resolutionDueAt} now={now} paused={r.status === 'waiting'} />}</dd>
              <dt className="text-slate-500">{t('assignee')}</dt>
              <dd data-testid="request-assignee">{r.assigneeName ?? t('nobody')}</dd>
            </dl>
            <div className="mt-3 flex flex-wrap gap-2">
              {live && r.assigneeId !== myId && (
                <button type="button" disabled={busy} className="rounded bg-brand-600 px-3 py-1 font-medium text-white disabled:opacity-50" onClick={() => claim.mutate({ id: r.id })}>
                  {t('claim')}
                </button>
              )}
              {live && r.status !== 'waiting' && (
                <button type="button" disabled={busy} className="rounded border border-slate-300 px-3 py-1" onClick={() => setWaiting.mutate({ id: r.id })}>
                  {t('waiting')}
                </button>
              )}
              {live && (
                <button type="button" disabled={busy} className="rounded border border-green-600 px-3 py-1 text-green-800" onClick={() => resolve.mutate({ id: r.id })}>
                  {t('resolve')}
                </button>
              )}
              {r.status !== 'closed' && (
                <button type="button" disabled={busy} className="rounded border border-slate-300 px-3 py-1" onClick={() => close.mutate({ id: r.id })}>
                  {t('close')}
                </button>
              )}
            </div>
            {live && <AssignForm request={r} onDone={refresh} onError={(e) => setNotice(errorText(e))} />}
          </Panel>
          <LinkPanel request={r} onDone={refresh} onError={(e) => setNotice(errorText(e))} />
        </aside>
      </div>
    </div>
  );
}

function AssignForm({ request, onDone, onError }: { request: RequestDetailDto; onDone: () => Promise<void>; onError: (e: unknown) => void }) {
  const t = useTranslations('requests.detail');
  const trpc = useTRPC();
  const assignees = useQuery(trpc.backoffice.requests.assignees.queryOptions(undefined, { staleTime: 300_000 }));
  const assign = useMutation(trpc.backoffice.requests.assign.mutationOptions({ onSuccess: onDone, onError }));
  const [to, setTo] = useState('');
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (to) assign.mutate({ id: request.id, assigneeId: to });
      }}
    >
      <label className="flex flex-col gap-1">
        {t('assignTo')}
        <select value={to} onChange={(e) => setTo(e.target.value)} className="max-w-48 rounded border border-slate-300 px-2" data-testid="request-assign-to">
          <option value="">…</option>
          {(assignees.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!to || assign.isPending} className="rounded border border-slate-300 px-3 py-1">
        {t('assign')}
      </button>
    </form>
  );
}

/** Merge into another request (by its number), link an application (by number) or a chat. */
function LinkPanel({ request, onDone, onError }: { request: RequestDetailDto; onDone: () => Promise<void>; onError: (e: unknown) => void }) {
  const t = useTranslations('requests.detail');
  const trpc = useTRPC();
  const [into, setInto] = useState('');
  const [application, setApplication] = useState('');
  const [chatId, setChatId] = useState('');
  const merge = useMutation(trpc.backoffice.requests.merge.mutationOptions({ onSuccess: onDone, onError }));
  const link = useMutation(trpc.backoffice.requests.link.mutationOptions({ onSuccess: onDone, onError }));
  return (
    <Panel title={t('linked')}>
      <ul className="mb-3 text-sm" data-testid="request-links">
        {request.application && (
          <li>
            <Link href={`/backoffice/applications/${request.application.id}`} className="text-brand-700 underline">
              {t('linkedApplication', { number: request.application.number })}
            </Link>
          </li>
        )}
        {request.chatId && <li>{t('linkedChat', { topic: request.chatId.slice(0, 8) })}</li>}
      </ul>
      {!request.mergedInto && request.status !== 'closed' && (
        <form
          className="mb-3 flex flex-wrap items-end gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            if (into.trim()) merge.mutate({ id: request.id, into: into.trim() });
          }}
          data-testid="request-merge"
        >
          <label className="flex flex-col gap-1">
            {t('mergeInto')}
            <input value={into} onChange={(e) => setInto(e.target.value)} maxLength={40} className="w-40 rounded border border-slate-300 px-2" />
          </label>
          <button type="submit" disabled={merge.isPending} className="rounded border border-slate-300 px-3 py-1">
            {t('mergeDo')}
          </button>
        </form>
      )}
      <form
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          link.mutate({ id: request.id, applicationNumber: application.trim() || undefined, chatId: chatId.trim() || undefined });
        }}
        data-testid="request-link-form"
      >
        <label className="flex flex-col gap-1">
          {t('linkApplication')}
          <input value={application} onChange={(e) => setApplication(e.target.value)} maxLength={40} className="w-40 rounded border border-slate-300 px-2" />
        </label>
        <label className="flex flex-col gap-1">
          {t('linkChat')}
          <input value={chatId} onChange={(e) => setChatId(e.target.value)} maxLength={36} className="w-40 rounded border border-slate-300 px-2" />
        </label>
        <button type="submit" disabled={link.isPending || (!application.trim() && !chatId.trim())} className="rounded border border-slate-300 px-3 py-1">
          {t('link')}
        </button>
      </form>
    </Panel>
  );
}
