'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './locales';

export async function setLocale(value: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
}
