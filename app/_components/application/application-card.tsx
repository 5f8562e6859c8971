'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { templateTitle } from '@/templates/titles';
import { useFeedListener } from '../realtime-feed';
import { useTRPC } from '../trpc-provider';
import { OutcomeBanner } from './outcome-banner';
import { useText } from './use-text';

/** An application in the chat: number, form, live status, and a link to open it beside the chat. */
export function ApplicationCard({ body }: { body: string }) {
  const t = useTranslations('application');
  const text = useText();
  const trpc = useTRPC();
  const parsed = parseCard(body);
  const queryClient = useQueryClient();
  const application = useQuery({ ...trpc.application.get.queryOptions({ applicationId: parsed?.applicationId ?? '' }), enabled: Boolean(parsed) });
  useFeedListener((event) => {
    if (parsed && event.type === 'application.updated' && event.payload.applicationId === parsed.applicationId) {
      void queryClient.invalidateQueries({ queryKey: trpc.application.get.queryKey({ applicationId: parsed.applicationId }) });
    }
  });
  if (!parsed) return null;
  const title = templateTitle(parsed.templateId);
  return (
    <div className="flex flex-col gap-1" data-testid="application-card">
      <span className="text-xs opacity-80">{t('card')}</span>
      <span className="font-medium">{title ? text(title) : parsed.templateId}</span>
      <span className="text-sm">
        {parsed.number}
        {application.data && ` · ${t(`status.${application.data.status}`)}`}
      </span>
      {application.data && <OutcomeBanner application={application.data} compact />}
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
