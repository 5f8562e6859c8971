import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';
import { trpcFailure } from '../helpers/test-db';

let w: ChatWorld;
beforeEach(async () => {
  w = await chatWorld();
});
afterEach(() => w.h.cleanup());

describe('the package editor’s EDRPOU: a registered dealer company is named, not called new', () => {
  it('names the dealer company registered under the EDRPOU, and nothing for one that is not', async () => {
    const operator = w.as(w.world.operator).package;
    const { first, second } = w.world.companies;
    expect(await operator.lookupCompany({ edrpou: first.edrpou })).toBeNull();
    expect(await operator.registeredDealer({ edrpou: first.edrpou })).toEqual({ name: first.name, status: 'active' });
    expect(await operator.registeredDealer({ edrpou: second.edrpou })).toEqual({ name: second.name, status: 'active' });
    expect(await operator.registeredDealer({ edrpou: '00032129' })).toBeNull();
  });

  it('a bad check digit is a clear error; only operators ask', async () => {
    expect((await trpcFailure(w.as(w.world.operator).package.registeredDealer({ edrpou: '34000004' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(w.as(w.world.dealer).package.registeredDealer({ edrpou: w.world.companies.first.edrpou }))).code).toBe('FORBIDDEN');
  });
});
