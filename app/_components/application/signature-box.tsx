'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import SignaturePad, { type PointGroup } from 'signature_pad';

export interface SignatureValue {
  name: string;
  image: string | null;
  typedName: string | null;
}

/** Width to height of the pad, on the page and full-screen alike: resizing scales the drawing evenly, never stretches it. */
const ASPECT = 5 / 2;
const MIN_WIDTH = 0.8;
const MAX_WIDTH = 2.6;

/** The strokes scaled evenly by `factor` (pen widths too): the same drawing on a larger or smaller pad. */
export function scaleStrokes(groups: PointGroup[], factor: number): PointGroup[] {
  return groups.map((group) => ({
    ...group,
    minWidth: group.minWidth * factor,
    maxWidth: group.maxWidth * factor,
    dotSize: group.dotSize * factor,
    points: group.points.map((p) => ({ ...p, x: p.x * factor, y: p.y * factor })),
  }));
}

/**
 * One signer: a finger or mouse drawing (signature_pad), with clear, undo and a typed-name fallback.
 * The pad spans the width and can go full-screen (a fixed overlay, in the browser's full screen
 * and landscape where the tablet allows). Whenever the pad's size changes (full screen, rotation)
 * the canvas is sized for the screen's pixel density and the strokes are redrawn scaled, so the
 * drawing is neither lost nor distorted.
 */
export function SignatureBox({ party, title, defaultName, onChange }: { party: string; title: string; defaultName: string; onChange: (value: SignatureValue) => void }) {
  const t = useTranslations('application.signing');
  const tt = useTranslations('tablet');
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [name, setName] = useState(defaultName);
  const [typed, setTyped] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [hasInk, setHasInk] = useState(false);
  // Bumped on every stroke, clear, undo and resize: the image sent is always the drawing as it is now.
  const [inkVersion, setInkVersion] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  });

  useEffect(() => {
    const element = canvas.current;
    if (!element || typed) return;
    const instance = new SignaturePad(element, { penColor: '#1e2a78', minWidth: MIN_WIDTH, maxWidth: MAX_WIDTH });
    let width = 0;
    let baseWidth = 0;
    const fit = () => {
      const cssWidth = element.offsetWidth;
      if (cssWidth === 0 || Math.abs(cssWidth - width) < 0.5) return;
      if (baseWidth === 0) baseWidth = cssWidth;
      const strokes = width > 0 ? scaleStrokes(instance.toData(), cssWidth / width) : instance.toData();
      // Sharp lines on high-density tablet screens: the bitmap in device pixels, drawing in CSS pixels.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      element.width = Math.round(cssWidth * ratio);
      element.height = Math.round((cssWidth / ASPECT) * ratio);
      element.getContext('2d')?.scale(ratio, ratio);
      width = cssWidth;
      // New strokes keep the pen's proportion to the pad.
      instance.minWidth = (MIN_WIDTH * cssWidth) / baseWidth;
      instance.maxWidth = (MAX_WIDTH * cssWidth) / baseWidth;
      instance.fromData(strokes);
      setInkVersion((v) => v + 1);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    instance.addEventListener('endStroke', () => {
      setHasInk(!instance.isEmpty());
      setInkVersion((v) => v + 1);
    });
    pad.current = instance;
    return () => {
      observer.disconnect();
      instance.off();
      pad.current = null;
    };
  }, [typed]);

  useEffect(() => {
    const image = !typed && hasInk && pad.current ? (pad.current.toDataURL('image/png').split(',')[1] ?? null) : null;
    report.current({ name, image, typedName: typed ? typedName : null });
  }, [name, typed, typedName, hasInk, inkVersion]);

  // Full screen: the browser's own where it is allowed (landscape if the tablet lets us lock it), the overlay always.
  useEffect(() => {
    if (!fullscreen) return;
    const element = root.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setFullscreen(false);
    };
    const onFullscreenChange = () => {
      if (!document.fullscreenElement) setFullscreen(false);
    };
    window.addEventListener('keydown', onKey);
    const previousOverflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    let entered = false;
    element
      ?.requestFullscreen?.({ navigationUI: 'hide' })
      .then(() => {
        entered = true;
        document.addEventListener('fullscreenchange', onFullscreenChange);
        const orientation = screen.orientation as ScreenOrientation & { lock?: (o: string) => Promise<void> };
        return orientation.lock?.('landscape');
      })
      .catch(() => undefined);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      document.documentElement.style.overflow = previousOverflow;
      if (entered || document.fullscreenElement) {
        screen.orientation?.unlock?.();
        void document.exitFullscreen?.().catch(() => undefined);
      }
    };
  }, [fullscreen]);

  return (
    <div
      ref={root}
      className={fullscreen ? 'fixed inset-0 z-50 flex flex-col gap-3 overflow-auto bg-white p-4' : 'flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3'}
      data-testid={`signature-${party}`}
      data-fullscreen={fullscreen}
      role={fullscreen ? 'dialog' : undefined}
      aria-modal={fullscreen || undefined}
      aria-label={fullscreen ? title : undefined}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{title}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('signerName')} className="min-w-48 flex-1 rounded border border-slate-300 px-2" />
        {fullscreen && (
          <button type="button" className="rounded bg-brand-600 px-4 font-medium text-white" onClick={() => setFullscreen(false)}>
            {tt('doneSigning')}
          </button>
        )}
      </div>
      {typed ? (
        <input value={typedName} onChange={(e) => setTypedName(e.target.value)} placeholder={t('typedPlaceholder')} aria-label={t('typedName')} className="rounded border border-slate-300 px-3 text-xl italic" />
      ) : (
        <div className={fullscreen ? 'flex min-h-0 flex-1 items-center justify-center' : ''}>
          {/* The frame draws the border, so the canvas itself is exactly the pad's proportions. */}
          <div
            // Full screen: as wide as fits both the width and the height left, keeping the pad's proportions.
            style={fullscreen ? { width: `min(100%, calc((100dvh - 9rem) * ${ASPECT}))` } : undefined}
            className="w-full rounded border border-dashed border-slate-400 bg-slate-50"
          >
            <canvas ref={canvas} className="block aspect-[5/2] w-full touch-none" aria-label={t('drawHere')} data-testid="signature-canvas" />
          </div>
        </div>
      )}
      {fullscreen && <p className="text-center text-sm text-slate-500 portrait:block landscape:hidden">{tt('rotateHint')}</p>}
      <div className="flex flex-wrap gap-2 text-sm">
        {!typed && (
          <>
            <button
              type="button"
              className="rounded border border-slate-300 px-3"
              onClick={() => {
                pad.current?.clear();
                setHasInk(false);
                setInkVersion((v) => v + 1);
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
                setInkVersion((v) => v + 1);
              }}
            >
              {t('undo')}
            </button>
            {!fullscreen && (
              <button type="button" className="rounded border border-slate-300 px-3" onClick={() => setFullscreen(true)}>
                {tt('fullscreen')}
              </button>
            )}
          </>
        )}
        <button
          type="button"
          className="rounded border border-slate-300 px-3"
          onClick={() => {
            setFullscreen(false);
            setTyped((v) => !v);
          }}
        >
          {typed ? t('draw') : t('typeInstead')}
        </button>
        {!typed && <span className="self-center text-slate-500">{hasInk ? '✓' : t('drawHere')}</span>}
      </div>
    </div>
  );
}
