'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useTRPC } from '../trpc-provider';

/** The package an application came from: "Пакет PK-…" (or "Частина пакета PK-…"), linking to the package page. */
export function PackageLink({ packageId, partOf = false }: { packageId: string; partOf?: boolean }) {
  const t = useTranslations('package.application');
  const trpc = useTRPC();
  const found = useQuery({ ...trpc.package.get.queryOptions({ packageId }), retry: false });
  const number = found.data?.number ?? '…';
  return (
    <p className="text-sm">
      <Link href={`/packages/${packageId}`} className="font-medium text-brand-700 underline" data-testid="package-link">
        {partOf ? t('partOf', { number }) : t('link', { number })}
      </Link>
    </p>
  );
}
