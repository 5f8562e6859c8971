'use client';

import { lazy, Suspense, useState } from 'react';
import { useErrorText } from '../error-text';
import { useHydrated } from '../use-hydrated';
import type { SignatureValue } from './signature-box';
import { StepAction } from './step-action';

// The drawing pad (signature_pad) is fetched only when someone is about to sign.
const SignatureBox = lazy(() => import('./signature-box').then((m) => ({ default: m.SignatureBox })));

export interface Signer {
  party: string;
  title: string;
  name: string;
}

export interface GivenSignature {
  party: string;
  name: string;
  image?: string;
  typedName?: string;
}

/**
 * One signature box per signer (drawn, or a typed name) and the button that signs, enabled once
 * every box has a name and a signature. Used for one application and for a whole package.
 */
export function Signers({ signers, pending, error, label, pendingLabel, onSign }: { signers: Signer[]; pending: boolean; error: unknown; label: string; pendingLabel: string; onSign: (signatures: GivenSignature[]) => void }) {
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [values, setValues] = useState<Record<string, SignatureValue>>({});
  const ready = signers.every((s) => {
    const v = values[s.party];
    return v && v.name.trim().length >= 2 && (v.image || (v.typedName && v.typedName.trim().length >= 2));
  });
  return (
    <>
      {signers.map((s) => (
        <Suspense key={s.party} fallback={<div className="h-56 rounded-lg border border-slate-200 bg-white" />}>
          <SignatureBox party={s.party} title={s.title} defaultName={s.name} onChange={(value) => setValues((all) => ({ ...all, [s.party]: value }))} />
        </Suspense>
      ))}
      {Boolean(error) && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(error)}
        </p>
      )}
      <StepAction>
      <button
        type="button"
        disabled={!ready || !hydrated || pending}
        className="self-start rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-50"
        onClick={() =>
          onSign(
            signers.map((s) => {
              const v = values[s.party];
              return { party: s.party, name: v?.name ?? s.name, ...(v?.image ? { image: v.image } : { typedName: v?.typedName ?? '' }) };
            }),
          )
        }
      >
        {pending ? pendingLabel : label}
      </button>
      </StepAction>
    </>
  );
}
