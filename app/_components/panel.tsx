'use client';

import { useHydrated } from './use-hydrated';

export function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  const hydrated = useHydrated();
  return (
    <button type="submit" disabled={pending || !hydrated} className="rounded bg-brand-600 px-4 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
      {pending ? pendingLabel : label}
    </button>
  );
}
