'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useErrorText } from '../_components/error-text';
import { useWidgetTRPC } from './widget-trpc';

/**
 * Proving a number with a one-time code: a Ukrainian mobile by SMS, or an e-mail address when SMS
 * does not reach the subscriber abroad. `ensureSession` makes a guest's session first when there
 * is none yet. The server keeps the rules (format, attempts, resend delay, caps); this says them.
 */
export function ProveForm({ ensureSession, onProven, autoFocus = false }: { ensureSession: () => Promise<void>; onProven: () => void; autoFocus?: boolean }) {
  const t = useTranslations('widget');
  const trpc = useWidgetTRPC();
  const errorText = useErrorText();
  const id = useId();
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<{ destination: string; resendAfter: Date } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const codeInput = useRef<HTMLInputElement>(null);
  const first = useRef<HTMLInputElement>(null);

  const request = useMutation(trpc.code.request.mutationOptions());
  const verify = useMutation(trpc.code.verify.mutationOptions({ onSuccess: () => onProven() }));

  useEffect(() => {
    if (autoFocus) first.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (!sent) return;
    codeInput.current?.focus();
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [sent]);

  const ask = async () => {
    verify.reset();
    await ensureSession();
    const answer = await request.mutateAsync(channel === 'sms' ? { channel: 'sms', msisdn: address } : { channel: 'email', email: address.trim() });
    setSent({ destination: answer.destination, resendAfter: new Date(answer.resendAfter) });
    setCode('');
  };

  const waitSeconds = sent ? Math.max(0, Math.ceil((sent.resendAfter.getTime() - now) / 1000)) : 0;

  return (
    <div className="flex flex-col gap-2" data-testid="prove-form">
      {!sent ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void ask().catch(() => undefined);
          }}
        >
          <label htmlFor={`${id}-address`} className="text-sm font-medium">
            {channel === 'sms' ? t('msisdn') : t('email')}
          </label>
          <input
            ref={first}
            id={`${id}-address`}
            type={channel === 'sms' ? 'tel' : 'email'}
            inputMode={channel === 'sms' ? 'tel' : 'email'}
            autoComplete={channel === 'sms' ? 'tel' : 'email'}
            placeholder={channel === 'sms' ? '+380' : 'name@example.com'}
            aria-describedby={channel === 'sms' ? `${id}-hint` : undefined}
            aria-invalid={request.isError || undefined}
            required
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            className="rounded border border-slate-300 px-3 py-2"
          />
          {channel === 'sms' && (
            <p id={`${id}-hint`} className="text-xs text-slate-600">
              {t('msisdnHint')}
            </p>
          )}
          {request.isError && (
            <p role="alert" className="text-sm text-red-700" data-testid="prove-error">
              {errorText(request.error)}
            </p>
          )}
          <button type="submit" disabled={request.isPending || !address.trim()} className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
            {t('sendCode')}
          </button>
          <button
            type="button"
            className="self-start text-sm text-brand-700 underline"
            onClick={() => {
              setChannel(channel === 'sms' ? 'email' : 'sms');
              setAddress('');
              request.reset();
            }}
          >
            {channel === 'sms' ? t('useEmail') : t('useSms')}
          </button>
        </form>
      ) : (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            verify.mutate({ code });
          }}
        >
          <p className="text-sm" role="status">
            {t('codeSent', { destination: sent.destination })}
          </p>
          <label htmlFor={`${id}-code`} className="text-sm font-medium">
            {t('code')}
          </label>
          <input
            ref={codeInput}
            id={`${id}-code`}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            required
            aria-invalid={verify.isError || undefined}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            className="rounded border border-slate-300 px-3 py-2 tracking-widest"
          />
          {verify.isError && (
            <p role="alert" className="text-sm text-red-700" data-testid="prove-error">
              {errorText(verify.error)}
            </p>
          )}
          {request.isError && (
            <p role="alert" className="text-sm text-red-700">
              {errorText(request.error)}
            </p>
          )}
          <button type="submit" disabled={verify.isPending || code.length !== 6} className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
            {t('verify')}
          </button>
          <div className="flex flex-wrap gap-3 text-sm">
            {waitSeconds > 0 ? (
              <span className="text-slate-600">{t('resendIn', { seconds: waitSeconds })}</span>
            ) : (
              <button type="button" className="text-brand-700 underline" onClick={() => void ask().catch(() => undefined)}>
                {t('resend')}
              </button>
            )}
            <button
              type="button"
              className="text-brand-700 underline"
              onClick={() => {
                setSent(null);
                verify.reset();
                request.reset();
              }}
            >
              {t('otherNumber')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
