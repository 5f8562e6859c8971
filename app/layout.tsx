import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
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
