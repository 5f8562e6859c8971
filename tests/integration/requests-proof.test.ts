import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedRequestCategories } from '@/server/seed/request-categories';
import { harnessCaller, trpcFailure } from '../helpers/test-db';
import { widgetWorld, type WidgetWorld } from '../helpers/widget-world';

let w: WidgetWorld;
beforeEach(async () => {
  w = await widgetWorld();
  await seedRequestCategories(w.h.db);
});
afterEach(async () => w.h.cleanup());

const form = (visitorToken: string) => ({ visitorToken, category: 'number_sim', text: 'Заблокуйте SIM, я її загубив.', files: [], consent: true as const, locale: 'uk' as const });

describe('the request form proves the number with the widget’s one-time code', () => {
  it('a guest session cannot submit; after code.request and code.verify by SMS it can, and the request carries the proven number', async () => {
    const g = await w.guest();
    const pub = harnessCaller(w.h, null);
    expect((await trpcFailure(pub.requests.submit(form(g.token)))).cause).toMatchObject({ messageKey: 'errors.requestNotProven' });
    await (await g.api()).code.request({ channel: 'sms', msisdn: '067 123-45-67' });
    await (await g.api()).code.verify({ code: await w.codeSentTo('+380671234567') });
    const submitted = await pub.requests.submit(form(g.token));
    expect(submitted).toMatchObject({ msisdn: '+380671234567', email: null });
    // The widget visitor's session ended: the proof is gone with it.
    await (await g.api()).session.end();
    expect((await trpcFailure(pub.requests.submit(form(g.token)))).cause).toMatchObject({ messageKey: 'errors.requestSessionEnded' });
  });
});
