import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

type PageTitle =
  | 'dealer'
  | 'dealerChat'
  | 'operator'
  | 'packages'
  | 'newPackage'
  | 'package'
  | 'application'
  | 'backoffice'
  | 'review'
  | 'admin'
  | 'dashboard'
  | 'live'
  | 'signIn'
  | 'verify'
  | 'subscriber'
  | 'requestNew'
  | 'requestLink'
  | 'requests'
  | 'request';

/** A page's `generateMetadata`: its title in the visitor's language (the layout adds " · Dealer Desk"). */
export function pageTitle(key: PageTitle, extra: Omit<Metadata, 'title'> = {}): () => Promise<Metadata> {
  return async () => ({ ...extra, title: (await getTranslations('pageTitle'))(key) });
}
