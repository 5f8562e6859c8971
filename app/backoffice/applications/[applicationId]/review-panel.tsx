'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { IdentificationSummary } from '../../../_components/application/identification-form';
import { OutcomeBanner } from '../../../_components/application/outcome-banner';
import { APPLICATION_STATUS_TONE, STATUS_TONES } from '../../../_components/status-colours';
import { PackageLink } from '../../../_components/application/package-link';
import { TemplateForm } from '../../../_components/application/template-form';
import { useText } from '../../../_components/application/use-text';
import { MessageList } from '../../../_components/chat/message-list';
import { useErrorText } from '../../../_components/error-text';
import { Panel } from '../../../_components/panel';
import { ListSkeleton } from '../../../_components/skeleton';
import { useTRPC } from '../../../_components/trpc-provider';
import { auditActionLabel } from '@/server/audit/audit-actions';
import { findTemplate } from '@/templates';
import type { ReviewDto } from '@/server/backoffice/review';
import { DecisionPanel } from './decision-panel';

/** The SIM-swap guard as the back office weighs it: who got the notice, where the confirmation went, and what settled it. */
function ConfirmationPanel({ confirmation, when }: { confirmation: ReviewDto['confirmation']; when: (date: Date) => string }) {
  const g = useTranslations('simGuard.backoffice');
  const d = useTranslations('simGuard.dealer');
  const { via } = confirmation;
  const to = confirmation.confirmTo.map((r) => (r.channel === 'email' ? d('byEmail', { to: r.recipient }) : d('bySms', { to: r.recipient }))).join(d('and'));
  return (
    <Panel title={g('title')}>
      <ul className="text-sm" data-testid="confirmation-channel" data-mode={confirmation.mode ?? ''} data-via={via?.kind ?? ''}>
        {confirmation.notice && <li>{g('notice', { number: confirmation.notice })}</li>}
        {to && <li>{g('confirmTo', { to })}</li>}
        {confirmation.waitingPeriodEndsAt && <li>{g('noContact', { date: when(confirmation.waitingPeriodEndsAt) })}</li>}
        <li className={via ? 'font-medium text-green-800' : 'text-amber-900'} data-testid="confirmed-via">
          {via?.kind === 'sms'
            ? g('viaSms', { to: via.recipient ?? '•••', date: when(via.at) })
            : via?.kind === 'email'
              ? g('viaEmail', { to: via.recipient ?? '•••', date: when(via.at) })
              : via?.kind === 'waitingPeriod'
                ? g('viaWaiting', { date: when(via.at) })
                : g('notYet')}
        </li>
      </ul>
    </Panel>
  );
}

/** Form, identification and scans, signed PDF, subscriber's answer, chat and audit trail; the decision at the top. */
export function ReviewPanel({ applicationId }: { applicationId: string }) {
  const t = useTranslations('backoffice');
  const status = useTranslations('application.status');
  const text = useText();
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const review = useQuery({ ...trpc.backoffice.review.queryOptions({ applicationId }), refetchInterval: 30_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.backoffice.review.queryKey({ applicationId }) });
  if (review.isPending) return <ListSkeleton rows={8} testId="review-skeleton" />;
  if (review.isError) return <p className="text-red-700">{errorText(review.error)}</p>;
  const { application, link, claim } = review.data;
  const template = findTemplate(application.templateId);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="flex flex-col gap-4" data-testid="review" data-status={application.status}>
      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">{template ? text(template.title) : application.templateId}</h1>
          <span className={`rounded px-2 py-1 text-sm ${STATUS_TONES[APPLICATION_STATUS_TONE[application.status]].badge}`} data-testid="review-status">
            {status(application.status)}
          </span>
          {application.sensitive && <span className="rounded bg-amber-100 px-2 py-1 text-xs text-amber-900">{t('flags.sensitive')}</span>}
          {application.status === 'disputed' && <span className="rounded bg-red-100 px-2 py-1 text-xs text-red-900">{t('flags.disputed')}</span>}
        </div>
        <p className="text-sm text-slate-600">
          {application.number} · {application.dealerName}
          {application.pointOfSale ? ` · ${application.pointOfSale}` : ''} · {application.createdByName}
          {application.verifiedByName ? ` · ${t('verifiedBy', { name: application.verifiedByName })}` : ''}
        </p>
        {application.packageId && <PackageLink packageId={application.packageId} partOf />}
      </header>
      <OutcomeBanner application={application} />
      <DecisionPanel review={review.data} onChanged={refresh} />

      {application.sensitive && <ConfirmationPanel confirmation={review.data.confirmation} when={when} />}

      <Panel title={t('subscriber.title')}>
        {link ? (
          <ul className="text-sm" data-testid="subscriber-link">
            <li>{t('subscriber.sent', { date: when(link.createdAt), expires: when(link.expiresAt) })}</li>
            {link.revokedAt && <li>{t('subscriber.replaced', { date: when(link.revokedAt) })}</li>}
            <li>{link.opens > 0 && link.lastOpenedAt ? t('subscriber.opened', { count: link.opens, date: when(link.lastOpenedAt) }) : t('subscriber.notOpened')}</li>
            {link.confirmedAt && <li className="text-green-800">{t('subscriber.confirmed', { date: when(link.confirmedAt) })}</li>}
            {link.disputedAt && (
              <li className="font-medium text-red-800" data-testid="dispute">
                {t('subscriber.disputed', { date: when(link.disputedAt), ip: link.answerIp ?? '?' })}
                {link.disputeComment && <q className="ml-1">{link.disputeComment}</q>}
              </li>
            )}
            {review.data.notifications.map((n, i) => (
              <li key={i} className="text-slate-600">
                {t(`subscriber.kind.${n.kind === 'decision' ? 'decision' : n.kind === 'notice' ? 'notice' : 'request'}`)} · {n.channel} {n.recipient} · {t(`subscriber.delivery.${n.status}`)}
                {n.sentAt ? ` ${when(n.sentAt)}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">—</p>
        )}
      </Panel>

      <Panel title={t('document')}>
        <a href={`/api/applications/${application.id}/pdf`} className="font-medium text-brand-700 underline" data-testid="review-pdf">
          {t('downloadPdf')}
        </a>
        {application.pdfSha256 && <span className="ml-3 font-mono text-xs text-slate-500">sha256 {application.pdfSha256.slice(0, 16)}…</span>}
        <ul className="mt-2 text-sm">
          {application.signatures.map((s) => (
            <li key={s.party}>
              {s.signerName} · {when(s.signedAt)}
              {s.typed ? ` · ${t('typedSignature')}` : ''}
            </li>
          ))}
        </ul>
      </Panel>

      <Panel title={t('identification')}>
        {template?.parties.map((party) => {
          const found = application.identifications.find((i) => i.party === party.key);
          const scans = review.data.scans.filter((s) => s.party === party.key);
          return (
            <div key={party.key} className="mb-3" data-testid={`review-party-${party.key}`}>
              <h3 className="font-medium">{text(party.title)}</h3>
              {found ? <IdentificationSummary values={found.values} attestedByName={found.attestedByName} attestedAt={found.attestedAt} pointOfSale={found.pointOfSale} /> : <p className="text-sm text-red-700">—</p>}
              <div className="mt-2 flex flex-wrap gap-2">
                {scans.map((scan) =>
                  scan.mime.startsWith('image/') ? (
                    <a key={scan.id} href={`/api/attachments/${scan.id}`} target="_blank" rel="noopener noreferrer">
                      <img src={`/api/attachments/${scan.id}`} alt={scan.fileName} loading="lazy" className="max-h-40 rounded border border-slate-200" data-testid="review-scan" />
                    </a>
                  ) : (
                    <a key={scan.id} href={`/api/attachments/${scan.id}?download=1`} className="underline" data-testid="review-scan">
                      📄 {scan.fileName}
                    </a>
                  ),
                )}
              </div>
            </div>
          );
        })}
      </Panel>

      {template && (
        <Panel title={t('form')}>
          <TemplateForm template={template} values={application.formData} readOnly remarks={application.remarks} prefilled={application.prefilledPaths} />
        </Panel>
      )}

      <Panel title={t('chat', { topic: review.data.chatTopic ?? '—' })}>
        <div className="max-h-96 overflow-y-auto rounded bg-slate-50" data-chat-scroll>
          <MessageList messages={review.data.messages} pending={[]} myId="" readByOther={0} />
        </div>
        <a href={`/api/chats/${application.chatId}/transcript`} className="mt-2 inline-block text-sm text-brand-700 underline">
          {t('transcript')}
        </a>
      </Panel>

      <Panel title={t('audit')}>
        <ol className="text-sm" data-testid="audit-trail">
          {review.data.auditTrail.map((event) => (
            <li key={event.seq} className="border-t border-slate-100 py-1">
              <span className="text-slate-500">{when(event.at)}</span> · <span className="font-medium" data-action={event.action}>{auditActionLabel(event.action, locale === 'en' ? 'en' : 'uk')}</span> · {event.actorName ?? (event.actorRole === 'subscriber' ? t('subscriberActor') : '—')}
              {typeof event.data.from === 'string' && typeof event.data.to === 'string' && event.data.from !== event.data.to && (
                <span className="text-slate-500">
                  {' '}
                  ({status(event.data.from as never)} → {status(event.data.to as never)})
                </span>
              )}
            </li>
          ))}
        </ol>
      </Panel>
      {claim && !claim.mine && <p className="text-sm text-slate-500">{t('claimedBy', { name: claim.name })}</p>}
    </div>
  );
}
