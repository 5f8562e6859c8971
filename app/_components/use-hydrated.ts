'use client';

import { useEffect, useState } from 'react';

/**
 * False until React has hydrated the page. Buttons that submit client-side forms stay disabled
 * until then: on a slow connection a tap before the script runs would otherwise submit the form
 * natively and lose what was typed. Meanwhile globals.css shows them as loading (spinner, progress
 * cursor, a bar along the top), so they do not look dead. Sign-in needs no script at all: its form
 * is a real POST (app/sign-in/sign-in-form.tsx).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
