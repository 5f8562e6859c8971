'use client';

import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { formatIban } from '@/templates/validators/iban';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { Role } from '@/server/auth/roles';
import type { AppRouter } from '@/server/trpc/root';
import type { ApplicationDto } from '@/server/applications/schemas';
import { findTemplate } from '@/templates';
import { AUTHORITY_SECTION, COMPANY_SECTION, REPRESENTATIVE_PARTY } from '@/templates/legal-entity';
import { IdentificationForm, IdentificationSummary } from '../../_components/application/identification-form';
import { missingFields } from '../../_components/application/missing-fields';
import { OutcomeBanner } from '../../_components/application/outcome-banner';
import { Signers } from '../../_components/application/signers';
import { useText } from '../../_components/application/use-text';
import { useErrorText } from '../../_components/error-text';
import { SubmitControls, useIdempotentSubmit } from '../../_components/idempotent-submit';
import { useFeedListener } from '../../_components/realtime-feed';
import { useTRPC } from '../../_components/trpc-provider';
import { useHydrated } from '../../_components/use-hydrated';

type PackageData = inferRouterOutputs<AppRouter>['package']['get'];

const BEFORE_SUBMIT = new Set(['draft', 'identified', 'filled', 'verified', 'signed']);
const FILLING = new Set(['draft', 'identified', 'filled']);

/** The package and its applications; for the dealer, the steps done once for all of them. */
export function PackageView({ packageId, role, myName }: { packageId: string; role: Role; myName: string }) {
  const t = useTranslations('package');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const format = useFormatter();
  const query = useQuery(trpc.package.get.queryOptions({ packageId }));
  const ids = (query.data?.items ?? []).flatMap((item) => (item.application ? [item.application.id] : []));
  const applications = useQueries({ queries: ids.map((applicationId) => ({ ...trpc.application.get.queryOptions({ applicationId }), retry: false })) });
  useFeedListener((event) => {
    // Application pages and cards refresh themselves (FeedProvider); the package's own list follows.
    if (event.type === 'application.updated' && ids.includes(event.payload.applicationId)) {
      void queryClient.invalidateQueries({ queryKey: trpc.package.get.queryKey({ packageId }) });
    }
  });

  if (query.isPending) return <p className="text-slate-500">…</p>;
  if (query.isError) return <p className="text-red-700">{errorText(query.error)}</p>;
  const pkg = query.data;
  const loaded = applications.map((a) => a.data).filter((a): a is ApplicationDto => a !== undefined);
  const all = ids.length > 0 && loaded.length === ids.length ? loaded : null;
  const details = pkg.details;

  return (
    <div className="flex flex-col gap-4" data-testid="package-view" data-status={pkg.status}>
      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">{pkg.title}</h1>
          <span className="rounded bg-slate-100 px-2 py-1 text-sm" data-testid="package-status">
            {t(`status.${pkg.status}`)}
          </span>
          <span className="rounded bg-slate-100 px-2 py-1 text-xs">{t(`kind.${pkg.kind}`)}</span>
        </div>
        <p className="text-sm text-slate-600">
          <span data-testid="package-number">{pkg.number}</span>
          {pkg.sentAt && ` · ${t('editor.sentAt', { date: format.dateTime(pkg.sentAt, { dateStyle: 'short', timeStyle: 'short' }) })}`}
          {pkg.openedAt && ` · ${t('view.openedAt', { date: format.dateTime(pkg.openedAt, { dateStyle: 'short', timeStyle: 'short' }) })}`}
        </p>
        {role === 'operator' && (
          <Link href={`/operator/packages/${pkg.id}`} className="mt-1 inline-block text-sm font-medium text-brand-700 underline">
            {pkg.status === 'draft' ? t('view.edit') : t('view.editCompany')}
          </Link>
        )}
      </header>

      {details && <CompanyDetails details={details} />}
      {role === 'dealer' && pkg.status === 'sent' && <OpenButton packageId={pkg.id} />}

      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t('view.applications')}</h2>
        {pkg.status === 'draft' && <p className="text-sm text-slate-600">{t('view.draftNote')}</p>}
        {pkg.status === 'sent' && <p className="text-sm text-slate-600">{t('view.notOpened')}</p>}
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="package-applications">
          {pkg.items.map((item, index) => {
            const template = findTemplate(item.templateId);
            const application = item.application ? (loaded.find((a) => a.id === item.application?.id) ?? null) : null;
            const status = application?.status ?? item.application?.status ?? null;
            const formData = application?.formData ?? item.formData;
            const missing = template && (!status || FILLING.has(status)) ? missingFields(template, formData).length : null;
            return (
              <ApplicationRow
                key={item.id}
                index={index}
                title={template ? template.title : { uk: item.templateId, en: item.templateId }}
                number={item.application?.number ?? null}
                status={status}
                missing={missing}
                prefilled={item.filled.length}
                href={item.application ? (role === 'backoffice' ? `/backoffice/applications/${item.application.id}` : `/applications/${item.application.id}`) : null}
                application={application}
              />
            );
          })}
        </ul>
      </section>

      {role === 'dealer' && pkg.status === 'opened' && pkg.kind === 'legal-entity' && all && (
        <DealerSteps packageId={pkg.id} applications={all} representativeName={details?.representativeName ?? ''} myName={myName} />
      )}
      {role === 'dealer' && pkg.status === 'opened' && pkg.kind === 'individual' && <p className="text-sm text-slate-600">{t('view.individualHint')}</p>}
    </div>
  );
}

function CompanyDetails({ details }: { details: NonNullable<PackageData['details']> }) {
  const t = useTranslations('package');
  const text = useText();
  const format = useFormatter();
  // Calendar days (YYYY-MM-DD), shown as days of the UI's language, not shifted by a time zone.
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const label = (section: typeof COMPANY_SECTION | typeof AUTHORITY_SECTION, key: string) => text(section.fields.find((f) => f.key === key)?.label ?? { uk: key, en: key });
  const rows: [string, string][] = [
    [label(COMPANY_SECTION, 'name'), details.name],
    [label(COMPANY_SECTION, 'edrpou'), details.edrpou],
    [label(COMPANY_SECTION, 'legalAddress'), details.legalAddress],
    [label(COMPANY_SECTION, 'iban'), formatIban(details.iban)],
    [t('view.representative'), [details.representativeName, details.representativePosition].filter(Boolean).join(', ')],
    [t('view.powerOfAttorney'), t('view.poa', { number: details.poaNumber, date: day(details.poaDate), until: day(details.poaValidUntil) })],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="package-company">
      <h2 className="mb-2 text-lg font-semibold">{t('view.company')}</h2>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-500">{name}</dt>
            <dd>{value.trim() === '' ? '—' : value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ApplicationRow({
  index,
  title,
  number,
  status,
  missing,
  prefilled,
  href,
  application,
}: {
  index: number;
  title: { uk: string; en: string };
  number: string | null;
  status: ApplicationDto['status'] | null;
  missing: number | null;
  prefilled: number;
  href: string | null;
  application: ApplicationDto | null;
}) {
  const t = useTranslations('package.view');
  const statuses = useTranslations('application.status');
  const text = useText();
  return (
    <li className="flex flex-col gap-1 p-3" data-testid="package-application" data-status={status ?? 'none'} data-number={number ?? ''}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">
          {index + 1}. {text(title)}
        </span>
        {number && <span className="font-mono text-sm">{number}</span>}
        {status && (
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs" data-testid="package-application-status">
            {statuses(status)}
          </span>
        )}
        {href && (
          <Link href={href} className="ml-auto font-medium text-brand-700 underline">
            {t('openApplication')}
          </Link>
        )}
      </div>
      <div className="flex flex-wrap gap-x-3 text-sm">
        {prefilled > 0 && <span className="text-sky-900">{t('prefilled', { count: prefilled })}</span>}
        {missing !== null && (
          <span className={missing > 0 ? 'text-amber-900' : 'text-green-800'} data-testid="package-application-missing" data-count={missing}>
            {missing > 0 ? t('missing', { count: missing }) : t('nothingMissing')}
          </span>
        )}
      </div>
      {application && <OutcomeBanner application={application} compact />}
    </li>
  );
}

function OpenButton({ packageId }: { packageId: string }) {
  const t = useTranslations('package.card');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const open = useMutation(trpc.package.open.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.package.get.queryKey({ packageId }) }) }));
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" disabled={!hydrated || open.isPending} onClick={() => open.mutate({ packageId })} className="rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-60">
        {open.isPending ? t('opening') : t('open')}
      </button>
      {open.error && (
        <span role="alert" className="text-sm text-red-700">
          {errorText(open.error)}
        </span>
      )}
    </div>
  );
}

function Step({ n, title, done, children, testId }: { n: number; title: string; done: boolean; children: React.ReactNode; testId: string }) {
  return (
    <section className={`flex flex-col gap-3 rounded-lg border p-4 ${done ? 'border-green-300 bg-green-50' : 'border-slate-200 bg-white'}`} data-testid={testId} data-done={done}>
      <h2 className="text-lg font-semibold">
        {n}. {title} {done && <span className="text-green-800">✓</span>}
      </h2>
      {children}
    </section>
  );
}

/** Identify once, let each form be completed and verified, sign once, submit together. */
function DealerSteps({ packageId, applications, representativeName, myName }: { packageId: string; applications: ApplicationDto[]; representativeName: string; myName: string }) {
  const t = useTranslations('package.view');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.package.get.queryKey({ packageId }) });
    for (const a of applications) void queryClient.invalidateQueries({ queryKey: trpc.application.get.queryKey({ applicationId: a.id }) });
  };
  const identify = useMutation(trpc.package.identify.mutationOptions());
  const [editing, setEditing] = useState(false);
  const first = applications[0];
  if (!first) return null;
  const identifications = applications.map((a) => a.identifications.find((i) => i.party === REPRESENTATIVE_PARTY.key));
  const identified = identifications.every(Boolean);
  const identification = identifications[0];
  const canIdentify = applications.every((a) => a.allowedActions.includes('identify'));
  const filled = applications.every((a) => !FILLING.has(a.status));
  const verified = applications.every((a) => a.status === 'verified');
  const signed = applications.every((a) => a.status === 'signed');
  const beyondSigning = applications.every((a) => !BEFORE_SUBMIT.has(a.status) || a.status === 'signed');
  const submitted = applications.every((a) => !BEFORE_SUBMIT.has(a.status));

  return (
    <div className="flex flex-col gap-4">
      <Step n={1} title={t('identifyTitle')} done={identified && !editing} testId="package-step-identify">
        <p className="text-sm text-slate-600">{t('identifyHint')}</p>
        {identified && identification && !editing ? (
          <div data-testid="package-representative">
            <IdentificationSummary values={identification.values} attestedByName={identification.attestedByName} attestedAt={identification.attestedAt} pointOfSale={identification.pointOfSale} />
            {canIdentify && (
              <button type="button" className="mt-2 rounded border border-slate-300 bg-white px-3 text-sm" onClick={() => setEditing(true)}>
                {t('change')}
              </button>
            )}
          </div>
        ) : canIdentify ? (
          <div data-testid="package-representative">
            <IdentificationForm
              applicationId={first.id}
              version={first.version}
              party={REPRESENTATIVE_PARTY}
              applicationDate={first.applicationDate}
              initial={identification?.values ?? { fullName: representativeName }}
              onSave={(values) => identify.mutateAsync({ packageId, values })}
              onDone={() => {
                setEditing(false);
                refresh();
              }}
            />
          </div>
        ) : null}
      </Step>

      <Step n={2} title={t('fillTitle')} done={identified && filled} testId="package-step-fill">
        <p className="text-sm text-slate-600">{t('fillHint')}</p>
      </Step>

      <Step n={3} title={t('signTitle')} done={beyondSigning} testId="package-step-sign">
        {verified ? <SignAll packageId={packageId} applications={applications} representativeName={String(identification?.values.fullName ?? representativeName)} myName={myName} onSigned={refresh} /> : !beyondSigning && <p className="text-sm text-slate-600">{t('signWait')}</p>}
      </Step>

      <Step n={4} title={t('submitTitle')} done={submitted} testId="package-step-submit">
        {signed ? <SubmitAll packageId={packageId} onSubmitted={refresh} /> : submitted ? <p className="text-sm text-green-800">{t('submitted')}</p> : <p className="text-sm text-slate-600">{t('submitWait')}</p>}
      </Step>
    </div>
  );
}

/** One signing screen: each document's preview, one drawing for the representative and one for the dealer, applied to every document. */
function SignAll({ packageId, applications, representativeName, myName, onSigned }: { packageId: string; applications: ApplicationDto[]; representativeName: string; myName: string; onSigned: () => void }) {
  const t = useTranslations('package.view');
  const ts = useTranslations('application.signing');
  const text = useText();
  const trpc = useTRPC();
  const sign = useMutation(trpc.package.sign.mutationOptions({ onSuccess: onSigned }));
  const signers = [
    { party: REPRESENTATIVE_PARTY.key, title: text(REPRESENTATIVE_PARTY.title), name: representativeName },
    { party: 'dealer', title: ts('dealer'), name: myName },
  ];
  return (
    <div className="flex flex-col gap-3" data-testid="package-signing">
      <p className="text-sm text-slate-600">{t('signHint')}</p>
      <ul className="flex flex-col gap-1 text-sm">
        {applications.map((a) => {
          const template = findTemplate(a.templateId);
          return (
            <li key={a.id}>
              <a href={`/api/applications/${a.id}/preview`} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline" data-testid="package-preview-link">
                {t('preview', { number: a.number, title: template ? text(template.title) : a.templateId })}
              </a>
            </li>
          );
        })}
      </ul>
      <Signers
        signers={signers}
        pending={sign.isPending}
        error={sign.error}
        label={t('sign', { count: applications.length })}
        pendingLabel={t('signing', { count: applications.length })}
        onSign={(signatures) => sign.mutate({ packageId, signatures })}
      />
    </div>
  );
}

/** "Submit all": one request id per screen, so a double tap or a retry submits once. */
function SubmitAll({ packageId, onSubmitted }: { packageId: string; onSubmitted: () => void }) {
  const t = useTranslations('package.view');
  const trpc = useTRPC();
  const submit = useIdempotentSubmit(trpc.package.submit.mutationOptions({ onSuccess: onSubmitted }));
  return (
    <div className="flex flex-col gap-2" data-testid="package-submit">
      <p className="text-sm">{t('submitHint')}</p>
      <SubmitControls error={submit.error} pending={submit.isPending} label={t('submit')} pendingLabel={t('submitting')} onSubmit={() => submit.submit({ packageId })} />
    </div>
  );
}
