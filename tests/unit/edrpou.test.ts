import { describe, expect, it } from 'vitest';
import { isValidEdrpou } from '@/templates/validators';

describe('EDRPOU', () => {
  it('accepts codes with a correct check digit', () => {
    for (const code of ['34000003', '34000134', '32855961', '00032129']) expect(isValidEdrpou(code)).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidEdrpou('34000004')).toBe(false);
    expect(isValidEdrpou('32855962')).toBe(false);
  });

  it('rejects wrong lengths and non-digits without throwing', () => {
    for (const value of ['', '3400000', '340000031', '3400000a', ' 34000003', '３４０００００３', '<script>']) expect(isValidEdrpou(value)).toBe(false);
  });
});
