import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { WidgetTRPCReactProvider } from './widget-trpc';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('widget');
  return { title: { absolute: t('title') }, robots: { index: false, follow: false } };
}

/**
 * The subscriber's chat has its own frame: no staff header (the root layout leaves it out for
 * this page, see app/layout.tsx), the widget's own tRPC client with its bearer token, no cookie.
 */
export default function WidgetLayout({ children }: { children: React.ReactNode }) {
  return <WidgetTRPCReactProvider>{children}</WidgetTRPCReactProvider>;
}
