'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm, useWatch, type FieldValues, type Resolver } from 'react-hook-form';
import { DOCUMENT_LABELS, type PartyDef } from '@/templates/define-template';
import { ATTESTATION_TEXT, identificationSchema } from '@/templates/identification';
import { useApplyFieldErrors, useErrorText, useValidationText } from '../error-text';
import { useTRPC } from '../trpc-provider';
import { useText } from './use-text';
import { useZodLocale } from '../use-zod-locale';

interface Scan {
  id: string;
  fileName: string;
}

/**
 * One party's identity document, checked in person, with scans and the dealer's attestation.
 * Saved into the application, or by `onSave` (a package identifies its representative once for
 * all its applications; scans are then uploaded through `applicationId`, one of them).
 */
export function IdentificationForm({
  applicationId,
  version,
  party,
  applicationDate,
  initial,
  onDone,
  onSave,
}: {
  applicationId: string;
  version: number;
  party: PartyDef;
  applicationDate: string;
  initial?: Record<string, unknown>;
  onDone: () => void;
  onSave?: (values: Record<string, unknown>) => Promise<unknown>;
}) {
  const t = useTranslations('application.identification');
  const locale = useLocale();
  useZodLocale();
  const text = useText();
  const v = useValidationText();
  const errorText = useErrorText();
  const applyFieldErrors = useApplyFieldErrors();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [scans, setScans] = useState<Scan[]>(((initial?.scanIds as string[] | undefined) ?? []).map((id, i) => ({ id, fileName: `#${i + 1}` })));
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<FieldValues>({
    resolver: zodResolver(identificationSchema(party, { applicationDate })) as unknown as Resolver<FieldValues>,
    defaultValues: {
      fullName: '',
      birthDate: '',
      documentType: party.documents[0],
      documentNumber: '',
      issuer: '',
      issuedOn: '',
      expiresOn: '',
      unzr: '',
      rnokpp: '',
      noRnokpp: false,
      address: '',
      attested: false,
      ...initial,
      scanIds: (initial?.scanIds as string[] | undefined) ?? [],
    },
  });
  const documentType = useWatch({ control: form.control, name: 'documentType' }) as string;
  const noRnokpp = useWatch({ control: form.control, name: 'noRnokpp' }) as boolean;
  const saveToApplication = useMutation(trpc.application.saveIdentification.mutationOptions());
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) => (onSave ? onSave(values) : saveToApplication.mutateAsync({ applicationId, version, party: party.key, values })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.application.get.queryKey({ applicationId }) });
      onDone();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, (path) => path.replace(/^values\./, ''))) setNotice(errorText(error));
    },
  });

  const upload = async (file: File) => {
    setNotice(null);
    const body = new FormData();
    body.set('file', file);
    const response = await fetch(`/api/applications/${applicationId}/scans`, { method: 'POST', body }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as { scan?: Scan; error?: unknown } | null;
    if (!response?.ok || !json?.scan) {
      setNotice(errorText(json?.error, t('uploadFailed')));
      return;
    }
    const next = [...scans, json.scan];
    setScans(next);
    form.setValue('scanIds', next.map((s) => s.id));
  };

  const err = (name: string) => v((form.formState.errors[name]?.message as string | undefined) ?? undefined);
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <input {...form.register(name)} {...props} aria-invalid={Boolean(form.formState.errors[name]) || undefined} className={`rounded border px-3 font-normal ${form.formState.errors[name] ? 'border-red-500' : 'border-slate-300'}`} />
      {err(name) && (
        <span role="alert" className="font-normal text-red-700">
          {err(name)}
        </span>
      )}
    </label>
  );

  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      data-testid={`identification-form-${party.key}`}
      onSubmit={form.handleSubmit((values) => save.mutate({ ...values, scans: undefined }))}
    >
      {field('fullName', t('fullName'), { autoComplete: 'off' })}
      {field('birthDate', t('birthDate'), { type: 'date' })}
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('documentType')}
        <select {...form.register('documentType')} className="rounded border border-slate-300 px-3 font-normal">
          {party.documents.map((d) => (
            <option key={d} value={d}>
              {text(DOCUMENT_LABELS[d])}
            </option>
          ))}
        </select>
      </label>
      {field('documentNumber', documentType === 'passport_booklet' ? t('bookletNumber') : t('documentNumber'), { autoCapitalize: 'characters' })}
      {field('issuer', documentType === 'id_card' ? t('issuerCode') : t('issuer'))}
      {field('issuedOn', t('issuedOn'), { type: 'date' })}
      {documentType !== 'passport_booklet' && field('expiresOn', t('expiresOn'), { type: 'date' })}
      {documentType === 'id_card' && field('unzr', t('unzr'), { placeholder: 'РРРРММДД-ХХХХХ' })}
      {!noRnokpp && field('rnokpp', t('rnokpp'), { inputMode: 'numeric', maxLength: 10 })}
      <label className="flex items-center gap-3 text-sm">
        <input type="checkbox" {...form.register('noRnokpp')} className="h-6 w-6" />
        {t('noRnokpp')}
      </label>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <span className="text-sm font-medium">{t('scans')}</span>
        <ul className="text-sm" data-testid="scans">
          {scans.map((s) => (
            <li key={s.id}>📄 {s.fileName}</li>
          ))}
        </ul>
        <input
          type="file"
          accept="image/jpeg,image/png,application/pdf"
          aria-label={t('addScan')}
          data-testid="scan-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = '';
          }}
        />
      </div>
      <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm sm:col-span-2">
        <p className="mb-2">{ATTESTATION_TEXT[locale === 'en' ? 'en' : 'uk']}</p>
        <label className="flex items-center gap-3 font-medium">
          <input type="checkbox" {...form.register('attested')} className="h-6 w-6" />
          {t('attest')}
        </label>
        {err('attested') && (
          <span role="alert" className="text-red-700">
            {err('attested')}
          </span>
        )}
      </div>
      {notice && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {notice}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <button type="submit" disabled={save.isPending} className="rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-60">
          {t('save')}
        </button>
      </div>
    </form>
  );
}

/** A recorded value as shown: "—" when empty. */
const shown = (value: unknown) => {
  const text = value === undefined || value === null ? '' : String(value).trim();
  return text === '' ? '—' : text;
};

/** An identified party, as recorded: document, numbers, and who attested it where and when. */
export function IdentificationSummary({ values, attestedByName, attestedAt, pointOfSale }: { values: Record<string, unknown>; attestedByName: string; attestedAt: Date; pointOfSale: string | null }) {
  const t = useTranslations('application.identification');
  const text = useText();
  const locale = useLocale();
  const documentType = values.documentType as keyof typeof DOCUMENT_LABELS;
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2" data-testid="identification-summary">
      <dt className="text-slate-500">{t('fullName')}</dt>
      <dd>{shown(values.fullName)}</dd>
      <dt className="text-slate-500">{t('birthDate')}</dt>
      <dd>{shown(values.birthDate)}</dd>
      <dt className="text-slate-500">{t('documentType')}</dt>
      <dd>
        {DOCUMENT_LABELS[documentType] ? text(DOCUMENT_LABELS[documentType]) : shown(documentType)} {shown(values.documentNumber)}
      </dd>
      <dt className="text-slate-500">{t('issuer')}</dt>
      <dd>
        {shown(values.issuer)}, {shown(values.issuedOn)}
        {values.expiresOn ? ` — ${String(values.expiresOn)}` : ''}
      </dd>
      {Boolean(values.unzr) && (
        <>
          <dt className="text-slate-500">{t('unzr')}</dt>
          <dd>{String(values.unzr)}</dd>
        </>
      )}
      <dt className="text-slate-500">{t('rnokpp')}</dt>
      <dd>{values.noRnokpp ? t('noRnokpp') : shown(values.rnokpp)}</dd>
      {Array.isArray(values.scanIds) && values.scanIds.length > 0 && (
        <>
          <dt className="text-slate-500">{t('scans')}</dt>
          <dd className="flex flex-wrap gap-2">
            {(values.scanIds as string[]).map((id, index) => (
              <ScanThumbnail key={id} id={id} label={t('scanNumber', { n: index + 1 })} />
            ))}
          </dd>
        </>
      )}
      <dt className="text-slate-500">{t('attestedBy')}</dt>
      <dd>
        {attestedByName}, {new Date(attestedAt).toLocaleString(locale === 'en' ? 'en-GB' : 'uk-UA', { timeZone: 'Europe/Kyiv' })}
        {pointOfSale ? `, ${pointOfSale}` : ''}
      </dd>
    </dl>
  );
}

/**
 * A scan as a small picture that opens full size; a scan that is not an image (a PDF) shows as a
 * document icon with its name. The picture comes through the access-checked attachment route.
 */
function ScanThumbnail({ id, label }: { id: string; label: string }) {
  const [notAnImage, setNotAnImage] = useState(false);
  const href = `/api/attachments/${id}`;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="flex flex-col items-center gap-1 text-xs text-brand-700 underline" data-testid="scan-link" data-kind={notAnImage ? 'document' : 'image'}>
      {notAnImage ? (
        <span className="grid h-24 w-20 place-items-center rounded border border-slate-300 bg-slate-50 text-3xl no-underline" aria-hidden="true">
          📄
        </span>
      ) : (
        <img src={href} alt={label} loading="lazy" onError={() => setNotAnImage(true)} className="h-24 w-auto min-w-16 max-w-40 rounded border border-slate-300 bg-white object-contain" data-testid="scan-thumbnail" />
      )}
      {label}
    </a>
  );
}
