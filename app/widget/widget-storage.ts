'use client';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const memory = new Map<string, string>();
const inMemory: StorageLike = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
};

let chosen: StorageLike | undefined;

/**
 * The frame's storage: its localStorage when the browser lets a third-party frame have one
 * (partitioned by the host site), else memory for the page's life. Browsers that block
 * third-party storage (Chromium with third-party cookies blocked, Safari) throw on any access; the
 * loader then keeps the token in the host page's own storage and hands it back (widget-bridge.ts).
 */
export function widgetStorage(): StorageLike {
  if (chosen) return chosen;
  try {
    const storage = window.localStorage;
    const probe = '__dealer-desk-widget-probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    chosen = storage;
  } catch {
    chosen = inMemory;
  }
  return chosen;
}
