import { describe, expect, it } from 'vitest';
import { isLongWait, unavailable, type Availability } from '@/app/widget/widget-availability';

// The widget offers a written request (issue 18) exactly when no operator can take a chat now.
const quick: Availability = { open: true, expectedWaitSeconds: 30, longWaitSeconds: 600, outlook: 'estimate' };

describe('when the widget offers a written request instead of a chat', () => {
  it('not while the chat is open and the wait is short', () => {
    expect(unavailable(quick)).toBe(false);
    expect(unavailable({ ...quick, outlook: 'now', expectedWaitSeconds: 0 })).toBe(false);
    expect(unavailable({ ...quick, expectedWaitSeconds: 600 })).toBe(false);
  });

  it('outside business hours', () => {
    expect(unavailable({ ...quick, open: false })).toBe(true);
  });

  it('when nobody serves subscribers', () => {
    expect(unavailable({ ...quick, outlook: 'noOperators', expectedWaitSeconds: null })).toBe(true);
  });

  it('when the expected wait is over the long mark', () => {
    expect(isLongWait({ ...quick, expectedWaitSeconds: 601 })).toBe(true);
    expect(unavailable({ ...quick, expectedWaitSeconds: 601 })).toBe(true);
    // A closed chat has no wait to speak of.
    expect(isLongWait({ ...quick, open: false, expectedWaitSeconds: 601 })).toBe(false);
  });
});
