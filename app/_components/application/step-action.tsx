'use client';

import { createContext, useContext } from 'react';
import { createPortal } from 'react-dom';

/**
 * Where the current step's main button goes: the application page's sticky action bar. `undefined`
 * (no bar on this page, e.g. a package) renders the button where it stands; `null` is a bar not
 * mounted yet.
 */
export const StepActionSlot = createContext<HTMLElement | null | undefined>(undefined);

export function StepAction({ children }: { children: React.ReactNode }) {
  const slot = useContext(StepActionSlot);
  if (slot === undefined) return <>{children}</>;
  if (slot === null) return null;
  return createPortal(children, slot);
}
