'use client';

import { useEffect, useState } from 'react';

/**
 * False until React has hydrated the page. Buttons that submit client-side forms stay disabled
 * until then: on a slow connection a tap before the script runs would otherwise submit the form
 * natively and lose what was typed.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
