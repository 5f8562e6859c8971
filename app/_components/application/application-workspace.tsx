'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ApplicationDto } from '@/server/applications/schemas';
import { findTemplate, type TemplateDef } from '@/templates';
import { formSchema } from '@/templates/schema-from-template';
import { useErrorText, useFieldErrorTexts } from '../error-text';
import { useFeedListener } from '../realtime-feed';
import { useTRPC } from '../trpc-provider';
import { ConfirmationRouteNote } from './confirmation-route-note';
import { IdentificationForm, IdentificationSummary } from './identification-form';
import { OutcomeBanner } from './outcome-banner';
import { PackageLink } from './package-link';
import { SigningPanel } from './signing-panel';
import { StepAction } from './step-action';
import { SubmitPanel } from './submit-panel';
import { TemplateForm, toDraft, type FormValues } from './template-form';
import { useDraftAutosave } from './use-draft-autosave';
import { useText } from './use-text';
import { useZodLocale } from '../use-zod-locale';

/** The application as the dealer fills it or the operator checks it, beside the chat. */
export function ApplicationWorkspace({ applicationId, role, myName, waitHours = 24 }: { applicationId: string; role: 'dealer' | 'operator' | 'admin'; myName: string; waitHours?: number }) {
  const t = useTranslations('application');
  useZodLocale();
  const text = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const query = useQuery(trpc.application.get.queryOptions({ applicationId }));
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.application.get.queryKey({ applicationId }) }), [queryClient, trpc, applicationId]);
  useFeedListener((event) => {
    if (event.type === 'application.updated' && event.payload.applicationId === applicationId) void refresh();
  });

  if (query.isPending) return <p className="text-slate-500">…</p>;
  if (query.isError) return <p className="text-red-700">{errorText(query.error)}</p>;
  const application = query.data;
  const template = findTemplate(application.templateId);
  if (!template) return <p className="text-red-700">{t('unknownTemplate')}</p>;

  return (
    <div className="flex flex-col gap-4" data-testid="application-workspace" data-status={application.status}>
      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">{text(template.title)}</h1>
          <span className="rounded bg-slate-100 px-2 py-1 text-sm" data-testid="application-status">
            {t(`status.${application.status}`)}
          </span>
          {template.sensitive && <span className="rounded bg-amber-100 px-2 py-1 text-xs text-amber-900">{t('sensitive')}</span>}
        </div>
        <p className="text-sm text-slate-600">
          {application.number} · {application.applicationDate} · {application.dealerName}
          {application.pointOfSale ? ` · ${application.pointOfSale}` : ''}
        </p>
        {application.packageId && <PackageLink packageId={application.packageId} />}
        {application.verifiedByName && <p className="text-sm text-green-800">{t('verifiedBy', { name: application.verifiedByName })}</p>}
        {application.remarks && Object.keys(application.remarks).length > 0 && (
          <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="remarks-banner">
            {t('returnedWithRemarks')}
            {application.remarks._general && <p className="mt-1 font-medium">{application.remarks._general}</p>}
            <RemarkLinks remarks={application.remarks} template={template} />
          </div>
        )}
      </header>
      <OutcomeBanner application={application} />
      {role === 'dealer' && template.sensitive && ['filled', 'verified', 'signed'].includes(application.status) && <ConfirmationRouteNote template={template} formData={application.formData} waitHours={waitHours} />}
      {role === 'dealer' && application.allowedActions.includes('submit') && <SubmitPanel application={application} onSubmitted={refresh} />}
      {application.pdfSha256 && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-green-300 bg-green-50 p-3 text-sm" data-testid="signed-pdf">
          <span>{t('signing.sealed')}</span>
          <a href={`/api/applications/${application.id}/pdf`} className="font-medium text-brand-700 underline" data-testid="download-pdf">
            {t('signing.download')}
          </a>
          <span className="font-mono text-xs text-slate-500">sha256 {application.pdfSha256.slice(0, 16)}…</span>
        </div>
      )}
      <Parties application={application} template={template} role={role} />
      <FormPart key={application.status} application={application} template={template} role={role} onChanged={refresh} />
      {role === 'dealer' && application.allowedActions.includes('sign') && <SigningPanel application={application} template={template} dealerName={myName} onSigned={refresh} />}
    </div>
  );
}

/**
 * Each remark of the banner names its field; a tap brings the field (with its remark beside it) into
 * view and focuses it, however far down a long form it is.
 */
function RemarkLinks({ remarks, template }: { remarks: Record<string, string>; template: TemplateDef }) {
  const text = useText();
  const entries = Object.entries(remarks).filter(([path]) => path !== '_general');
  if (entries.length === 0) return null;
  const label = (path: string) => {
    const [first, second] = path.split('.');
    if (first === 'parties') {
      const party = template.parties.find((p) => p.key === second);
      return party ? text(party.title) : path;
    }
    const field = template.sections.find((s) => s.key === first)?.fields.find((f) => f.key === second);
    return field ? text(field.label) : path;
  };
  const go = (path: string) => {
    const party = /^parties\.([^.]+)\./.exec(path)?.[1];
    const target = party ? document.querySelector(`[data-testid="party-${party}"]`) : document.querySelector(`[data-field="${path}"]`);
    target?.scrollIntoView({ block: 'center' });
    const input = document.getElementById(path) ?? target?.querySelector<HTMLElement>('input, select, textarea, button');
    input?.focus({ preventScroll: true });
  };
  return (
    <ul className="mt-1 flex flex-col gap-1" data-testid="remark-links">
      {entries.map(([path, remark]) => (
        <li key={path}>
          <button type="button" className="min-h-0 text-left underline" onClick={() => go(path)}>
            {label(path)}
          </button>
          {': '}
          <span>{remark}</span>
        </li>
      ))}
    </ul>
  );
}

function Parties({ application, template, role }: { application: ApplicationDto; template: TemplateDef; role: string }) {
  const t = useTranslations('application');
  const text = useText();
  const [editing, setEditing] = useState<string | null>(null);
  const canIdentify = role === 'dealer' && application.allowedActions.includes('identify');
  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('identificationTitle')}</h2>
      {template.parties.map((party) => {
        const found = application.identifications.find((i) => i.party === party.key);
        const remark = Object.entries(application.remarks ?? {}).find(([path]) => path.startsWith(`parties.${party.key}.`))?.[1];
        return (
          <div key={party.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`party-${party.key}`}>
            <div className="mb-2 flex items-center gap-3">
              <h3 className="font-medium">{text(party.title)}</h3>
              {found ? <span className="text-sm text-green-800">✓ {t('identified')}</span> : <span className="text-sm text-slate-500">{t('notIdentified')}</span>}
              {found && canIdentify && editing !== party.key && (
                <button type="button" className="ml-auto rounded border border-slate-300 px-3 text-sm" onClick={() => setEditing(party.key)}>
                  {t('change')}
                </button>
              )}
            </div>
            {remark && <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">⚑ {remark}</p>}
            {found && editing !== party.key ? (
              <IdentificationSummary values={found.values} attestedByName={found.attestedByName} attestedAt={found.attestedAt} pointOfSale={found.pointOfSale} />
            ) : canIdentify ? (
              <IdentificationForm
                applicationId={application.id}
                version={application.version}
                party={party}
                applicationDate={application.applicationDate}
                initial={found?.values}
                onDone={() => setEditing(null)}
              />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function FormPart({ application, template, role, onChanged }: { application: ApplicationDto; template: TemplateDef; role: string; onChanged: () => void }) {
  const t = useTranslations('application');
  const locale = useLocale();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const fieldErrorTexts = useFieldErrorTexts();
  const formRef = useRef<UseFormReturn<FieldValues> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [remarks, setRemarks] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const editable = role === 'dealer' && application.allowedActions.includes('edit');
  const reviewing = role === 'operator' && application.allowedActions.includes('verify');

  const applyServerErrors = (error: unknown) => {
    const fieldErrors = fieldErrorTexts(error);
    for (const fe of fieldErrors) formRef.current?.setError(fe.path.replace(/^formData\./, ''), { message: fe.message });
    return fieldErrors.length > 0;
  };
  const autosave = useDraftAutosave(application.id, () => setSaved(t('savedAt', { time: new Date().toLocaleTimeString(locale) })));
  const complete = useMutation(trpc.application.complete.mutationOptions({ onSuccess: onChanged, onError: (e) => applyServerErrors(e) || setNotice(errorText(e)) }));
  const verify = useMutation(trpc.application.verify.mutationOptions({ onSuccess: onChanged, onError: (e) => setNotice(errorText(e)) }));
  const giveBack = useMutation(trpc.application.return.mutationOptions({ onSuccess: onChanged, onError: (e) => setNotice(errorText(e)) }));
  const cancel = useMutation(trpc.application.cancel.mutationOptions({ onSuccess: onChanged, onError: (e) => setNotice(errorText(e)) }));

  const setForm = useCallback((form: UseFormReturn<FieldValues>) => {
    formRef.current = form;
  }, []);

  const submitComplete = () => {
    setNotice(null);
    const form = formRef.current;
    if (!form) return;
    form.clearErrors();
    const values = toDraft(template, form.getValues() as FormValues);
    const parsed = formSchema(template, { applicationDate: application.applicationDate }).safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) form.setError(issue.path.join('.'), { message: issue.message });
      setNotice(t('fixErrors'));
      return;
    }
    complete.mutate({ applicationId: application.id, formData: values });
  };

  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('formTitle')}</h2>
      <TemplateForm
        template={template}
        values={application.formData}
        readOnly={!editable}
        remarks={application.remarks}
        onAutosave={editable ? autosave : undefined}
        formRef={setForm}
        prefilled={application.prefilledPaths}
        showMissing={editable}
        renderFieldExtra={
          reviewing
            ? (path) => (
                <input
                  aria-label={t('remarkFor', { field: path })}
                  placeholder={t('remarkPlaceholder')}
                  value={remarks[path] ?? ''}
                  onChange={(e) => setRemarks((r) => ({ ...r, [path]: e.target.value }))}
                  className="rounded border border-amber-300 bg-amber-50 px-2 text-sm"
                  data-testid={`remark-${path}`}
                />
              )
            : undefined
        }
      />
      {saved && editable && <p className="text-xs text-slate-500" role="status">{saved}</p>}
      {notice && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="application-notice">
          {notice}
        </p>
      )}
      {/* The step's main buttons go to the sticky action bar (where the page has one). */}
      {role === 'dealer' && application.allowedActions.includes('fill') && (
        <StepAction>
          <button type="button" className="rounded bg-brand-600 px-4 font-medium text-white" onClick={submitComplete} disabled={complete.isPending}>
            {t('complete')}
          </button>
        </StepAction>
      )}
      {reviewing && (
        <StepAction>
          <button type="button" className="rounded bg-green-700 px-4 font-medium text-white" onClick={() => verify.mutate({ applicationId: application.id, version: application.version })}>
            {t('verify')}
          </button>
          <button
            type="button"
            className="rounded border border-amber-500 bg-white px-4 font-medium text-amber-900"
            onClick={() => {
              const filled = Object.fromEntries(Object.entries(remarks).filter(([, v]) => v.trim()));
              giveBack.mutate({ applicationId: application.id, version: application.version, remarks: filled, note });
            }}
          >
            {t('return')}
          </button>
        </StepAction>
      )}
      <div className="flex flex-wrap gap-2">
        {reviewing && (
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('returnNote')} aria-label={t('returnNote')} className="min-w-60 flex-1 rounded border border-slate-300 px-3" />
        )}
        {role !== 'admin' && application.allowedActions.includes('cancel') && (
          <button type="button" className="ml-auto rounded border border-red-300 px-4 text-red-700" onClick={() => window.confirm(t('confirmCancel')) && cancel.mutate({ applicationId: application.id, version: application.version })}>
            {t('cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
