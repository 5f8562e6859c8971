import type { inferRouterOutputs } from '@trpc/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { FeedEvent } from '@/server/realtime/events';
import { appRouter, type AppRouter } from '@/server/trpc/root';
import { widgetRouter } from '@/server/trpc/widget-router';

type ProcedureDef = { type: string; output?: z.ZodType };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>);

describe('procedure contracts', () => {
  it('every procedure declares the schema of its answer', () => {
    const undeclared = procedures.filter(([, procedure]) => procedure._def.output === undefined).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('so does every procedure of the widget’s router (a router of its own, not part of appRouter)', () => {
    const widgetProcedures = Object.entries(widgetRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>);
    expect(widgetProcedures.length).toBeGreaterThan(10);
    expect(widgetProcedures.filter(([, procedure]) => procedure._def.output === undefined).map(([path]) => path)).toEqual([]);
    // None of them is mounted on the staff router.
    const staff = new Set(procedures.map(([, procedure]) => procedure));
    expect(widgetProcedures.filter(([, procedure]) => staff.has(procedure))).toEqual([]);
  });

  it('the realtime feed declares its stream of tracked events of the one event union', () => {
    const feed = procedures.find(([path]) => path === 'realtime.feed')?.[1];
    expect(feed?._def.type).toBe('subscription');
    const output = feed?._def.output;
    expect(output?.safeParse((async function* () {})()).success).toBe(true);
    expect(output?.safeParse({ type: 'chat.message' }).success).toBe(false);
    // What a client receives of each event: `{ id, data }` with `data` of the declared union.
    type Received = inferRouterOutputs<AppRouter>['realtime']['feed'] extends AsyncIterable<infer T> ? T : never;
    expectTypeOf<Received>().toEqualTypeOf<{ id: string; data: FeedEvent }>();
  });
});
