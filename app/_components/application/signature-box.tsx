'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';

export interface SignatureValue {
  name: string;
  image: string | null;
  typedName: string | null;
}

/** One signer: a finger or mouse drawing (signature_pad), with clear, undo and a typed-name fallback. */
export function SignatureBox({ party, title, defaultName, onChange }: { party: string; title: string; defaultName: string; onChange: (value: SignatureValue) => void }) {
  const t = useTranslations('application.signing');
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [name, setName] = useState(defaultName);
  const [typed, setTyped] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [hasInk, setHasInk] = useState(false);
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  });

  useEffect(() => {
    const element = canvas.current;
    if (!element || typed) return;
    // Sharp lines on high-density tablet screens.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const instance = new SignaturePad(element, { penColor: '#1e2a78', minWidth: 0.8, maxWidth: 2.6 });
    instance.addEventListener('endStroke', () => setHasInk(!instance.isEmpty()));
    pad.current = instance;
    return () => {
      instance.off();
      pad.current = null;
    };
  }, [typed]);

  useEffect(() => {
    const image = !typed && hasInk && pad.current ? (pad.current.toDataURL('image/png').split(',')[1] ?? null) : null;
    report.current({ name, image, typedName: typed ? typedName : null });
  }, [name, typed, typedName, hasInk]);

  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" data-testid={`signature-${party}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{title}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('signerName')} className="min-w-48 flex-1 rounded border border-slate-300 px-2" />
      </div>
      {typed ? (
        <input value={typedName} onChange={(e) => setTypedName(e.target.value)} placeholder={t('typedPlaceholder')} aria-label={t('typedName')} className="rounded border border-slate-300 px-3 text-xl italic" />
      ) : (
        <canvas ref={canvas} className="h-40 w-full touch-none rounded border border-dashed border-slate-400 bg-slate-50" aria-label={t('drawHere')} data-testid="signature-canvas" />
      )}
      <div className="flex flex-wrap gap-2 text-sm">
        {!typed && (
          <>
            <button
              type="button"
              className="rounded border border-slate-300 px-3"
              onClick={() => {
                pad.current?.clear();
                setHasInk(false);
              }}
            >
              {t('clear')}
            </button>
            <button
              type="button"
              className="rounded border border-slate-300 px-3"
              onClick={() => {
                const data = pad.current?.toData() ?? [];
                data.pop();
                pad.current?.fromData(data);
                setHasInk(!(pad.current?.isEmpty() ?? true));
              }}
            >
              {t('undo')}
            </button>
          </>
        )}
        <button type="button" className="rounded border border-slate-300 px-3" onClick={() => setTyped((v) => !v)}>
          {typed ? t('draw') : t('typeInstead')}
        </button>
        {!typed && <span className="self-center text-slate-500">{hasInk ? '✓' : t('drawHere')}</span>}
      </div>
    </div>
  );
}
