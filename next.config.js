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
};

export default withNextIntl(nextConfig);
