import { env } from '@/server/config/env';
import { WidgetApp } from './widget-app';

/**
 * /widget?locale=uk|en&host=<the embedding page's origin>: the chat the loader (public/widget.js)
 * opens in its frame. Only this page may be framed, and only by WIDGET_ORIGINS
 * (server/http/security-headers.ts); the same list decides which host the frame talks to.
 */
export default function WidgetPage() {
  return <WidgetApp allowedOrigins={[...env().WIDGET_ORIGINS]} />;
}
