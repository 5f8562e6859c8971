import { describe, expect, it } from 'vitest';
import { formatIban } from '@/templates/validators';

describe('an IBAN as people read it', () => {
  it('groups by four, whatever spacing or case it was typed in', () => {
    expect(formatIban('UA213223130000026007233566001')).toBe('UA21 3223 1300 0002 6007 2335 6600 1');
    expect(formatIban('ua21 3223-1300 00026007233566001')).toBe('UA21 3223 1300 0002 6007 2335 6600 1');
    expect(formatIban('UA21 3223 1300 0002 6007 2335 6600 1')).toBe('UA21 3223 1300 0002 6007 2335 6600 1');
  });

  it('leaves what is not an IBAN as it is (a half-typed value is not rearranged)', () => {
    expect(formatIban('')).toBe('');
    expect(formatIban('12345')).toBe('12345');
    expect(formatIban('рахунок')).toBe('рахунок');
  });
});
