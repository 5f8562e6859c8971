import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@/server/errors/domain-error';
import { fieldErrorsOf, messageRefOf, summarize, toTRPCError } from '@/server/trpc/error-mapping';
import { say } from '../helpers/say';

/** The field errors of a value a schema refuses, by path. */
function fieldErrors(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return Object.fromEntries(fieldErrorsOf(result.error).map(({ path, ...ref }) => [path, ref]));
}

describe('a domain error crosses the wire as its key and parameters, and the UI says it in either language', () => {
  it('an application status among the parameters is said in words', () => {
    const ref = messageRefOf(toTRPCError(new DomainError('conflict', 'errors.alreadyDecided', 'This application is already approved (by Iryna)', { status: 'approved', name: 'Ірина' })));
    expect(ref).toEqual({ messageKey: 'errors.alreadyDecided', params: { status: 'approved', name: 'Ірина' } });
    expect(say(ref, 'uk')).toBe('Заява вже має рішення (Погоджено): Ірина.');
    expect(say(ref, 'en')).toBe('This application is already decided (Approved) by Ірина.');
  });

  it('details become plain parameters: lists joined, anything else left out', () => {
    const ref = messageRefOf(
      toTRPCError(new DomainError('conflict', 'errors.packageNotSigned', 'not signed', { numbers: ['Z-1', 'Z-2'], count: 2, at: new Date(), nested: { a: 1 } })),
    );
    expect(ref).toEqual({ messageKey: 'errors.packageNotSigned', params: { numbers: 'Z-1, Z-2', count: 2 } });
  });

  it('a tRPC error without a domain key is said by its code; an internal one never tells its cause', () => {
    expect(messageRefOf(new TRPCError({ code: 'FORBIDDEN', message: 'Your role may not do this.' }))).toEqual({ messageKey: 'errors.FORBIDDEN', params: {} });
    expect(say({ messageKey: 'errors.FORBIDDEN' }, 'uk')).toBe('Ваша роль не має на це права.');
    expect(say({ messageKey: 'errors.FORBIDDEN' }, 'en')).toBe('Your role may not do this.');
    const internal = toTRPCError(new DomainError('conflict', 'errors.chatWrongState', 'secret'));
    const wrapped = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: internal.cause });
    expect(messageRefOf(wrapped)).toEqual({ messageKey: 'errors.INTERNAL_SERVER_ERROR', params: {} });
  });

  it('an unknown or missing key reads as the fallback, else as the generic error', () => {
    expect(say({ messageKey: 'errors.noSuchKeyAnywhere' }, 'uk')).toBe('Щось пішло не так. Спробуйте ще раз.');
    expect(say(null, 'en')).toBe('Something went wrong. Please try again.');
  });

  it('a parameter with a plural reads by the rules of each language', () => {
    expect(say({ messageKey: 'errors.signInThrottled', params: { minutes: 1 } }, 'en')).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
    expect(say({ messageKey: 'errors.signInThrottled', params: { minutes: 5 } }, 'uk')).toBe('Забагато невдалих спроб входу. Спробуйте ще раз через 5 хв.');
  });
});

describe("zod's issues cross the wire as keys too", () => {
  const schema = z.strictObject({
    name: z.string().min(3),
    note: z.string().max(5),
    rows: z.array(z.string()).min(2),
    count: z.number().int().positive(),
    step: z.number().multipleOf(5),
    kind: z.enum(['a', 'b']),
    id: z.uuid(),
    email: z.email(),
    flag: z.boolean(),
    code: z.string().regex(/^\d{8}$/, 'edrpouFormat'),
  });
  const errors = fieldErrors(schema, { name: 'ab', note: 'too long', rows: ['x'], count: 0, step: 7, kind: 'c', id: 'x', email: 'nope', flag: 'yes', code: '12', extra: 1 });

  it('our own rules by the key they name', () => {
    expect(errors.code).toEqual({ messageKey: 'validation.edrpouFormat', params: {} });
    expect(say(errors.code, 'uk')).toBe('Код ЄДРПОУ — це 8 цифр.');
  });

  it("zod's built-in ones by keys of their own, with the limits as parameters", () => {
    expect(errors).toMatchObject({
      name: { messageKey: 'validation.tooSmall', params: { minimum: 3, origin: 'string' } },
      note: { messageKey: 'validation.tooBig', params: { maximum: 5, origin: 'string' } },
      rows: { messageKey: 'validation.tooSmall', params: { minimum: 2, origin: 'array' } },
      count: { messageKey: 'validation.tooSmallExclusive', params: { minimum: 0, origin: 'number' } },
      step: { messageKey: 'validation.notMultipleOf', params: { divisor: 5 } },
      kind: { messageKey: 'validation.invalidValue', params: { values: 'a, b' } },
      id: { messageKey: 'validation.invalidId', params: {} },
      email: { messageKey: 'validation.emailInvalid', params: {} },
      flag: { messageKey: 'validation.invalidType', params: { expected: 'boolean' } },
      '(input)': { messageKey: 'validation.unrecognizedKeys', params: { keys: 'extra' } },
    });
  });

  it('and the UI says them in Ukrainian and English', () => {
    expect([errors.name, errors.note, errors.rows, errors.count, errors.kind, errors.flag].map((e) => say(e, 'uk'))).toEqual([
      'Щонайменше 3 символи.',
      'Не більше 5 символів.',
      'Щонайменше 2 рядки.',
      'Більше за 0.',
      'Оберіть одне з допустимих значень: a, b.',
      'Неправильний тип значення.',
    ]);
    expect([errors.name, errors.note, errors.rows, errors.count, errors.kind, errors.flag].map((e) => say(e, 'en'))).toEqual([
      'At least 3 characters.',
      'At most 5 characters.',
      'At least 2 rows.',
      'More than 0.',
      'Choose one of: a, b.',
      'Invalid input: expected boolean.',
    ]);
    expect(say({ messageKey: 'validation.tooSmall', params: { minimum: 1, origin: 'string' } }, 'uk')).toBe('Щонайменше 1 символ.');
    expect(say({ messageKey: 'validation.tooBig', params: { maximum: 21, origin: 'string' } }, 'uk')).toBe('Не більше 21 символу.');
  });

  it('the English summary for logs and API clients is as before', () => {
    const result = z.object({ code: z.string().regex(/^\d{8}$/, 'edrpouFormat') }).safeParse({ code: '1' });
    expect(result.success || summarize(result.error)).toBe('Invalid input: code: An EDRPOU code is 8 digits.');
  });
});
