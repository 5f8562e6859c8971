'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { findTemplate } from '@/templates';
import { useTRPC } from '../trpc-provider';
import { useText } from './use-text';

/** An application in the chat: number, form, live status, and a link to open it beside the chat. */
export function ApplicationCard({ body }: { body: string }) {
  const t = useTranslations('application');
  const text = useText();
  const trpc = useTRPC();
  const parsed = parseCard(body);
  const application = useQuery({ ...trpc.application.get.queryOptions({ applicationId: parsed?.applicationId ?? '' }), enabled: Boolean(parsed) });
  if (!parsed) return null;
  const template = findTemplate(parsed.templateId);
  return (
    <div className="flex flex-col gap-1" data-testid="application-card">
      <span className="text-xs opacity-80">{t('card')}</span>
      <span className="font-medium">{template ? text(template.title) : parsed.templateId}</span>
      <span className="text-sm">
        {parsed.number}
        {application.data && ` · ${t(`status.${application.data.status}`)}`}
      </span>
      <Link href={`/applications/${parsed.applicationId}`} className="underline">
        {t('open')}
      </Link>
    </div>
  );
}

function parseCard(body: string): { applicationId: string; number: string; templateId: string } | null {
  try {
    return JSON.parse(body) as { applicationId: string; number: string; templateId: string };
  } catch {
    return null;
  }
}
