import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./app/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay outside the bundle (piscina starts its own worker file).
  serverExternalPackages: ['better-sqlite3', 'pino', 'piscina'],
  // `forbidden()` renders app/forbidden.tsx with HTTP 403 for another role's workspace.
  experimental: { authInterrupts: true, serverMinification: process.env.NEXT_SERVER_MINIFY !== '0' },
  poweredByHeader: false,
  typedRoutes: false,
  turbopack: {
    resolveAlias: {
      // The messages are compiled on the server (app/i18n/precompile.ts), so the browser formats them
      // with use-intl's small formatter instead of the ICU parser and intl-messageformat (≈ 12 KB
      // compressed on every page). A relative path, as next-intl's own precompile option sets it.
      'use-intl/format-message': './node_modules/use-intl/dist/esm/production/format-message/format-only.js',
    },
  },
};

export default withNextIntl(nextConfig);
