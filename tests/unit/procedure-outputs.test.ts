import { describe, expect, it } from 'vitest';
import { appRouter } from '@/server/trpc/root';

type ProcedureDef = { type: string; output?: unknown };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>);

describe('procedure contracts', () => {
  it('every procedure declares the schema of its answer', () => {
    const undeclared = procedures.filter(([, procedure]) => procedure._def.output === undefined).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('the realtime feed declares its stream of tracked events', () => {
    const feed = procedures.find(([path]) => path === 'realtime.feed')?.[1];
    expect(feed?._def.type).toBe('subscription');
    expect(feed?._def.output).toBeDefined();
  });
});
