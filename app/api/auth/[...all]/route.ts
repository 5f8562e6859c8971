import { handleAuthRequest } from '@/server/http/handle-auth-request';

export const dynamic = 'force-dynamic';

export { handleAuthRequest as GET, handleAuthRequest as POST };
