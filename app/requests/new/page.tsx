import { getTranslations } from 'next-intl/server';
import { pageTitle } from '../../_lib/page-title';
import { WidgetTRPCReactProvider } from '../../widget/widget-trpc';
import { PublicRequest } from './public-request';

export const generateMetadata = pageTitle('requestNew');

/**
 * /requests/new: a subscriber writes to the back office from anywhere, no account. The number is
 * proven with the widget's one-time code (its session and token: the same person in the widget and
 * here is proven once), then the request goes with that session's token.
 */
export default async function NewRequestPage() {
  const t = await getTranslations('requests.form');
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-semibold" data-testid="workspace-title">
        {t('title')}
      </h1>
      <p className="text-slate-600">{t('intro')}</p>
      <WidgetTRPCReactProvider>
        <PublicRequest />
      </WidgetTRPCReactProvider>
    </div>
  );
}
