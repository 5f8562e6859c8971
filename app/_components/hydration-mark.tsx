'use client';

import { useEffect } from 'react';

/** Marks <body data-hydrated> once React runs: browser tests wait for it before they click. */
export function HydrationMark() {
  useEffect(() => {
    document.body.dataset.hydrated = 'true';
  }, []);
  return null;
}
