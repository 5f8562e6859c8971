'use client';

import { useEffect } from 'react';

const COUNT_PREFIX = /^\(\d+\) /;

/**
 * Puts "(n) " before the page's title while n > 0, so a waiting offer or unread message shows on
 * the browser tab. Next.js sets the title again on every navigation; the observer puts the count
 * back in front of the new one.
 */
export function useTitleCount(count: number) {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT_PREFIX, '');
      const wanted = count > 0 ? `(${count}) ${base}` : base;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNT_PREFIX, '');
    };
  }, [count]);
}
