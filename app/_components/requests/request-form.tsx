'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useErrorText } from '../error-text';
import { ProveForm } from '../../widget/prove-form';
import { readToken } from '../../widget/widget-token';
import { requestsClient, toUpload } from './requests-client';

const MAX_FILES = 5;
const ACCEPT = 'image/jpeg,image/png,application/pdf';

export interface ProvenVisitor {
  msisdn: string | null;
  email: string | null;
  verifiedBy: string | null;
}

interface Submitted {
  number: string;
  linkToken: string;
  firstResponseDueAt: Date;
}

/**
 * The written request: subject, text, photos and PDFs, the number proven with the widget's one-time
 * code (or an e-mail address abroad), consent; then its number, the promised time and the private
 * link. The public page and the widget's frame both use it; a visitor who proved their number in
 * the widget is not asked again (the same session's token goes with the request).
 */
export function RequestForm({
  visitor,
  ensureSession,
  onProven,
  compact = false,
}: {
  visitor: ProvenVisitor | null;
  ensureSession: () => Promise<void>;
  onProven: () => void;
  compact?: boolean;
}) {
  const t = useTranslations('requests.form');
  const locale = useLocale() === 'en' ? 'en' : 'uk';
  const format = useFormatter();
  const errorText = useErrorText();
  const id = useId();
  const categories = useQuery({ queryKey: ['requests', 'categories'], queryFn: () => requestsClient().requests.categories.query(), staleTime: 300_000 });
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Submitted | null>(null);
  const proven = Boolean(visitor?.verifiedBy);

  if (done) {
    const href = `/r/${done.linkToken}`;
    return (
      <section className="flex flex-col gap-3 rounded-lg border border-green-300 bg-green-50 p-4 text-green-950" data-testid="request-submitted" role="status">
        <h2 className="text-lg font-semibold" data-testid="request-number">
          {t('doneTitle', { number: done.number })}
        </h2>
        <p data-testid="request-promise">{t('donePromise', { time: format.dateTime(new Date(done.firstResponseDueAt), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Kyiv' }) })}</p>
        <p className="text-sm">{t('doneLink')}</p>
        <a href={href} target={compact ? '_blank' : undefined} rel="noreferrer" className="self-start break-all rounded bg-brand-600 px-4 py-2 font-medium text-white" data-testid="request-link">
          {t('openLink')}
        </a>
        <button
          type="button"
          className="self-start text-sm text-brand-700 underline"
          onClick={() => {
            setDone(null);
            setText('');
            setFiles([]);
            setConsent(false);
          }}
        >
          {t('another')}
        </button>
      </section>
    );
  }

  const submit = async () => {
    setError(null);
    if (!proven) return setError(t('needProof'));
    if (!consent) return setError(t('needConsent'));
    const token = readToken();
    if (!token) return setError(t('needProof'));
    setBusy(true);
    try {
      const uploads = await Promise.all(files.map(toUpload));
      const answer = await requestsClient().requests.submit.mutate({ visitorToken: token, category, text, files: uploads, consent: true, locale });
      setDone(answer);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-4" data-testid="request-form">
      <form
        id={`${id}-form`}
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t('category')}
          <select required value={category} onChange={(e) => setCategory(e.target.value)} className="rounded border border-slate-300 bg-white px-3 py-2 font-normal" data-testid="request-category">
            <option value="">{t('chooseCategory')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {locale === 'en' ? c.nameEn : c.nameUk}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t('text')}
          <textarea required rows={compact ? 4 : 6} maxLength={20_000} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-text-hint`} className="rounded border border-slate-300 px-3 py-2 font-normal" />
          <span id={`${id}-text-hint`} className="text-xs font-normal text-slate-600">
            {t('textHint')}
          </span>
        </label>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${id}-files`} className="font-medium">
            {t('files')}
          </label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby={`${id}-files-hint`}
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              setFiles((f) => [...f, ...chosen].slice(0, MAX_FILES));
              e.target.value = '';
            }}
            data-testid="request-files"
          />
          <span id={`${id}-files-hint`} className="text-xs text-slate-600">
            {t('filesHint', { count: MAX_FILES })}
          </span>
          {files.length > 0 && (
            <ul className="flex flex-col gap-1" data-testid="request-file-list">
              {files.map((file, index) => (
                <li key={`${file.name}-${index}`} className="flex items-center gap-2">
                  <span className="truncate">{file.name}</span>
                  <button type="button" className="text-brand-700 underline" onClick={() => setFiles((f) => f.filter((_, i) => i !== index))}>
                    {t('removeFile', { name: file.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </form>
      <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-labelledby={`${id}-contact`}>
        <h2 id={`${id}-contact`} className="font-medium">
          {t('contactTitle')}
        </h2>
        {proven ? (
          <p className="text-sm text-green-800" data-testid="request-proven">
            {visitor?.msisdn ? t('provenMsisdn', { msisdn: visitor.msisdn }) : t('provenEmail', { email: visitor?.email ?? '' })}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{t('contactHint')}</p>
            <ProveForm ensureSession={ensureSession} onProven={onProven} />
          </>
        )}
      </section>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" form={`${id}-form`} className="mt-1" checked={consent} onChange={(e) => setConsent(e.target.checked)} data-testid="request-consent" />
        <span>{t('consent')}</span>
      </label>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="request-error">
          {error}
        </p>
      )}
      <button type="submit" form={`${id}-form`} disabled={busy} className="self-start rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
        {busy ? t('submitting') : t('submit')}
      </button>
    </div>
  );
}
