import { describe, expect, it } from 'vitest';
import { acceptSummary, classSummary, perClassSummary } from '@/bench/lib/chat-load';
import { parseChatBenchArgs } from '@/bench/lib/chat-options';

// bench:chat's arithmetic and command line (bench/chat.ts); no timing is asserted.
describe('bench:chat options', () => {
  it('defaults to the lean-realtime load: 200 dealer chats, no subscribers, no idle widgets', () => {
    expect(parseChatBenchArgs([])).toEqual({ chats: 200, subscribers: 0, idleWidgets: 0, seconds: 60, pdfPerSecond: 0, db: 'sqlite', processes: 1, targetSeconds: 20 });
  });

  it('subscribers bring 1,000 idle widget connections unless told otherwise', () => {
    expect(parseChatBenchArgs(['--chats', '200', '--subscribers', '100', '--seconds', '30'])).toMatchObject({ chats: 200, subscribers: 100, idleWidgets: 1000, seconds: 30 });
    expect(parseChatBenchArgs(['--subscribers', '10', '--idle-widgets', '0'])).toMatchObject({ subscribers: 10, idleWidgets: 0 });
    expect(parseChatBenchArgs(['--subscribers', '10', '--target-seconds', '30'])).toMatchObject({ targetSeconds: 30 });
  });

  it('takes BENCH_DEALERS and BENCH_SECONDS when the flags are absent', () => {
    expect(parseChatBenchArgs([], { BENCH_DEALERS: '12', BENCH_SECONDS: '5' })).toMatchObject({ chats: 12, seconds: 5 });
    expect(parseChatBenchArgs(['--chats', '3'], { BENCH_DEALERS: '12' })).toMatchObject({ chats: 3 });
  });

  it('refuses bad values with the reason', () => {
    expect(() => parseChatBenchArgs(['--subscribers=-1'])).toThrow(/--subscribers -1: a whole number, 0 or more/);
    expect(() => parseChatBenchArgs(['--subscribers', 'many'])).toThrow(/whole number/);
    expect(() => parseChatBenchArgs(['--chats', '2.5'])).toThrow(/--chats/);
    expect(() => parseChatBenchArgs(['--chats', '0'])).toThrow(/at least one chat/);
    expect(() => parseChatBenchArgs(['--db', 'mysql'])).toThrow(/sqlite or postgres/);
    expect(() => parseChatBenchArgs(['--processes', '2'])).toThrow(/needs --db postgres/);
    expect(() => parseChatBenchArgs(['--seconds', 'x'])).toThrow(/--seconds/);
    expect(() => parseChatBenchArgs(['--unknown', '1'])).toThrow();
    expect(parseChatBenchArgs(['--chats', '0', '--subscribers', '5'])).toMatchObject({ chats: 0, subscribers: 5 });
  });
});

describe('bench:chat per-class figures', () => {
  it('the service level is the share of all chats accepted within the target; one never accepted counts against it', () => {
    const summary = acceptSummary([100, 19_999, 20_000, 20_001, null], 20_000);
    expect(summary).toEqual({ accepted: 4, accept_p50_ms: 19_999, accept_p99_ms: 20_001, service_level: 0.6 });
    expect(acceptSummary([], 20_000)).toEqual({ accepted: 0, accept_p50_ms: 0, accept_p99_ms: 0, service_level: null });
    expect(acceptSummary([null, null], 20_000).service_level).toBe(0);
  });

  it('message latency percentiles of one class, unsorted input', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(classSummary(3, 100, latencies, { lost: 1, duplicated: 2, out_of_order: 3 })).toEqual({ chats: 3, messages: 100, p50_ms: 50, p99_ms: 99, lost: 1, duplicated: 2, out_of_order: 3 });
    expect(classSummary(0, 0, [], { lost: 0, duplicated: 0, out_of_order: 0 })).toMatchObject({ p50_ms: 0, p99_ms: 0 });
  });

  it('splits the chats started by class and keeps each class’s losses', () => {
    const load = {
      dealer: classSummary(2, 10, [5, 7], { lost: 0, duplicated: 1, out_of_order: 0 }),
      subscriber: classSummary(1, 4, [9], { lost: 2, duplicated: 0, out_of_order: 1 }),
    };
    const started = [
      { class: 'dealer' as const, acceptMs: 30 },
      { class: 'dealer' as const, acceptMs: 25_000 },
      { class: 'subscriber' as const, acceptMs: 40 },
      { class: 'subscriber' as const, acceptMs: null },
    ];
    expect(perClassSummary(load, started, 20_000)).toEqual({
      dealer: { chats: 2, p50_ms: 5, p99_ms: 7, accepted: 2, accept_p50_ms: 30, accept_p99_ms: 25_000, service_level: 0.5, messages: 10, lost: 0, duplicated: 1, out_of_order: 0 },
      subscriber: { chats: 2, p50_ms: 9, p99_ms: 9, accepted: 1, accept_p50_ms: 40, accept_p99_ms: 40, service_level: 0.5, messages: 4, lost: 2, duplicated: 0, out_of_order: 1 },
    });
  });
});
