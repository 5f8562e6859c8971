'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useErrorText } from '../error-text';
import { useTRPC } from '../trpc-provider';
import { useHydrated } from '../use-hydrated';

interface PrefillBody {
  packageId: string;
  number: string;
  title: string;
  kind: 'legal-entity' | 'individual';
  forms: number;
}

/**
 * Documents an operator prepared, sent into the chat (a `prefill` message). The dealer opens it:
 * its forms become the chat's applications, and the package page leads through them. Others get a
 * link to the same page.
 */
export function PackageCard({ body, role }: { body: string; role?: string }) {
  const t = useTranslations('package.card');
  const kinds = useTranslations('package.kind');
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const parsed = parseBody(body);
  const open = useMutation(trpc.package.open.mutationOptions({ onSuccess: ({ packageId }) => router.push(`/packages/${packageId}`) }));
  if (!parsed) return null;
  return (
    <div className="flex flex-col gap-1" data-testid="package-card" data-package-id={parsed.packageId}>
      <span className="text-xs opacity-80">
        {t('label')} · {kinds(parsed.kind)}
      </span>
      <span className="font-medium">{parsed.title}</span>
      <span className="text-sm">
        {parsed.number} · {t('forms', { count: parsed.forms })}
      </span>
      {role === 'dealer' ? (
        <button
          type="button"
          disabled={!hydrated || open.isPending}
          onClick={() => open.mutate({ packageId: parsed.packageId })}
          className="mt-1 self-start rounded bg-brand-600 px-3 font-medium text-white disabled:opacity-60"
        >
          {open.isPending ? t('opening') : t('open')}
        </button>
      ) : (
        <Link href={`/packages/${parsed.packageId}`} className="underline">
          {t('view')}
        </Link>
      )}
      {open.error && (
        <span role="alert" className="text-sm text-red-700">
          {errorText(open.error)}
        </span>
      )}
    </div>
  );
}

function parseBody(body: string): PrefillBody | null {
  try {
    const parsed = JSON.parse(body) as Partial<PrefillBody>;
    return typeof parsed.packageId === 'string' && typeof parsed.number === 'string' ? { title: '', kind: 'legal-entity', forms: 0, ...parsed } as PrefillBody : null;
  } catch {
    return null;
  }
}
