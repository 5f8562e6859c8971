import type { MetadataRoute } from 'next';

/**
 * The web app manifest (served as /manifest.webmanifest, linked from every page by Next.js): lets a
 * dealer pin the app to a tablet's home screen and open it full-screen, without the browser's bar.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Dealer Desk',
    short_name: 'Dealer Desk',
    description: 'Обслуговування абонентів у точках продажу через онлайн-чат з оператором',
    lang: 'uk',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: '#f8fafc',
    theme_color: '#1d5fd1',
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
