/**
 * The one-time codes' numbers, and the caps against SMS pumping (bots asking codes to numbers
 * whose operator pays the asker per SMS) and against guessing. Counted from one_time_codes rows.
 */
export const CODE_LIMITS = {
  /** 6 digits: a million codes, 3 tries each. */
  digits: 6,
  /** A code lives 5 minutes: long enough to read an SMS, short for guessing. */
  lifeMs: 5 * 60_000,
  /** Three wrong tries kill the code (one in 333 333 to guess it); a new one must be asked. */
  maxAttempts: 3,
  /** A new code for the same session no sooner than a minute after the last one (SMS delays, impatient taps). */
  resendAfterMs: 60_000,
  /** Codes to one number or address in 24 hours: a person needs two or three; more is someone else's abuse of their phone. */
  perDestinationPerDay: 5,
  /** Codes from one client address in 24 hours: a shared NAT (an office, a mobile carrier's) has many people; a bot has many numbers. */
  perAddressPerDay: 20,
  /** Codes one widget session may ask over its life: a person proves one or two numbers, not a list. */
  perSession: 10,
  /** The window of the daily caps. */
  dayMs: 24 * 60 * 60_000,
} as const;

/** Transcripts by e-mail: per session in 24 hours (each is an e-mail to an address the visitor types: not a mail cannon). */
export const TRANSCRIPT_LIMITS = { perSessionPerDay: 3, perAddressPerDay: 10 } as const;

/** The widget says "the wait is long" above this expected wait. */
export const LONG_WAIT_SECONDS = 10 * 60;
