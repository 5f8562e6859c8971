'use client';

import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'dealer-desk.offer-sound';
const CHANGED = 'dealer-desk:offer-sound';

let audio: AudioContext | null = null;

/**
 * The audio context, made on the first click or key press of the page: browsers start audio only
 * after the user has done something there, so one made earlier would stay silent.
 */
export function unlockOfferSound() {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
}

/** A short two-tone chime, made with the Web Audio API (no audio file to load). */
export function playOfferSound() {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  const start = audio.currentTime + 0.01;
  [660, 880].forEach((frequency, index) => {
    if (!audio) return;
    const at = start + index * 0.16;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.16);
  });
}

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** Whether offers chime (on unless switched off), remembered in this browser. */
export function useOfferSoundSetting(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(STORAGE_KEY) !== 'off',
    () => true,
  );
  const set = useCallback((next: boolean) => {
    window.localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off');
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [on, set];
}
