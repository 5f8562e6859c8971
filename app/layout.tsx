import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { WIDGET_LOCALE_HEADER } from '@/server/http/security-headers';
import './globals.css';
import { AppHeader } from './_components/app-header';
import { HydrationMark } from './_components/hydration-mark';

export const metadata: Metadata = {
  title: { template: '%s · Dealer Desk', default: 'Dealer Desk' },
  description: 'Serving subscribers at points of sale through an online chat with an operator',
  // The web app manifest (app/manifest.ts) is linked by Next.js itself; the icons live in public/.
  icons: {
    icon: [
      { url: '/icons/icon.svg', type: 'image/svg+xml' },
      { url: '/icons/icon-32.png', sizes: '32x32', type: 'image/png' },
    ],
    apple: '/apple-touch-icon.png',
  },
  appleWebApp: { capable: true, title: 'Dealer Desk', statusBarStyle: 'default' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d5fd1' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  // The subscriber's chat, framed on other sites, has no staff header: its own layout is all of it.
  if ((await headers()).has(WIDGET_LOCALE_HEADER)) {
    return (
      <html lang={locale}>
        <body className="bg-white text-slate-900 antialiased">
          <NextIntlClientProvider>
            <HydrationMark />
            {children}
          </NextIntlClientProvider>
        </body>
      </html>
    );
  }
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* No tRPC or react-query here: the workspaces' layouts add them (see WorkspaceLayout), so
            sign-in, /verify and the subscriber's link ship none of it. */}
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only">
            {t('skipToContent')}
          </a>
          <HydrationMark />
          <AppHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
