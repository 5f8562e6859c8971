'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../_components/error-text';

type Result =
  | { result: 'authentic'; signer: string; testSeal: boolean; application: { number: string; templateTitle: { uk: string; en: string }; applicationDate: string; status: string; pointOfSale: string | null } }
  | { result: 'modified' | 'unknown'; reason: string };

export function VerifyUpload() {
  const t = useTranslations('verify');
  const ts = useTranslations('application.status');
  const locale = useLocale();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        setBusy(true);
        setError(null);
        setResult(null);
        const body = new FormData();
        body.set('file', file);
        try {
          const response = await fetch('/api/verify', { method: 'POST', body });
          const json = (await response.json()) as Result & { error?: unknown };
          if (!response.ok) setError(errorText(json.error, t('failed')));
          else setResult(json);
        } catch {
          setError(t('failed'));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('file')}
        <input type="file" accept="application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="verify-file" />
      </label>
      <button type="submit" disabled={!file || busy} className="self-start rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-50">
        {busy ? t('checking') : t('check')}
      </button>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      {result && (
        <div
          className={`rounded p-3 ${result.result === 'authentic' && !result.testSeal ? 'bg-green-50 text-green-900' : result.result === 'modified' ? 'bg-red-50 text-red-900' : 'bg-amber-50 text-amber-900'}`}
          data-testid="verify-result"
          data-result={result.result}
          data-test-seal={result.result === 'authentic' ? String(result.testSeal) : undefined}
        >
          <p className="text-lg font-semibold">{result.result === 'authentic' && result.testSeal ? t('authenticTestSeal') : t(result.result)}</p>
          {result.result === 'authentic' && result.testSeal && (
            <p className="mb-1 text-sm font-medium" data-testid="verify-test-seal">
              {t('testSealNote')}
            </p>
          )}
          {result.result === 'authentic' ? (
            <p className="text-sm">
              {result.application.number} · {locale === 'en' ? result.application.templateTitle.en : result.application.templateTitle.uk} · {result.application.applicationDate} ·{' '}
              {ts(result.application.status as 'draft')} · {result.application.pointOfSale ?? ''} · {t('sealedBy')}: {result.signer}
            </p>
          ) : (
            <p className="text-sm">{result.reason}</p>
          )}
        </div>
      )}
    </form>
  );
}
