import { CHAT_CLASSES, OPERATOR_SERVES } from '@/db/column-values';
import { z } from 'zod';
import { requestFiguresOverviewDto } from './request-schemas';

const num = z.number().nullable();

/** The headline chat figures of a period (server/metrics/chat-metrics.ts, `ChatFigures`). */
const chatFiguresDto = z.object({
  arrived: z.number(),
  answered: z.number(),
  abandoned: z.number(),
  waiting: z.number(),
  answeredWithinThreshold: z.number(),
  serviceLevel: num,
  answeredShare: num,
  abandonedShare: num,
  asa: z.object({ mean: num, p50: num, p90: num, p99: num }),
  timeToAbandon: z.object({ mean: num, p50: num }),
  handleTime: z.object({ mean: num, p50: num, count: z.number() }),
  ratings: z.object({
    count: z.number(),
    mean: num,
    satisfiedShare: num,
    responseRate: num,
    distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  }),
});

/** Everything the dashboard shows for a period (server/metrics/overview.ts). */
export const metricsOverviewDto = z.object({
  period: z.object({ from: z.string(), to: z.string(), thresholdSeconds: z.number(), start: z.date(), end: z.date() }),
  chats: chatFiguresDto,
  byDay: z.array(
    z.object({
      day: z.string(),
      arrived: z.number(),
      answered: z.number(),
      abandoned: z.number(),
      serviceLevel: num,
      asaMean: num,
      asaP90: num,
      handleMean: num,
      csat: num,
      satisfiedShare: num,
    }),
  ),
  byHour: z.array(z.object({ hour: z.number(), arrived: z.number(), arrivalsPerDay: z.number(), serviceLevel: num, asaMean: num })),
  byOperator: z.array(
    z.object({
      operatorId: z.string(),
      name: z.string(),
      answered: z.number(),
      handleMean: num,
      concurrencyAverage: num,
      concurrencyPeak: z.number(),
      csat: num,
      satisfiedShare: num,
      ratings: z.number(),
    }),
  ),
  byClass: z.array(z.object({ class: z.enum([...CHAT_CLASSES, 'all']), targetSeconds: num, figures: chatFiguresDto })),
  byDayAndClass: z.array(
    z.object({
      day: z.string(),
      class: z.enum(CHAT_CLASSES),
      arrived: z.number(),
      answered: z.number(),
      abandoned: z.number(),
      serviceLevel: num,
      asaMean: num,
      asaP90: num,
      handleMean: num,
      csat: num,
      satisfiedShare: num,
    }),
  ),
  byDealer: z.array(z.object({ dealerId: z.string(), name: z.string(), arrived: z.number(), serviceLevel: num, answeredShare: num, asaMean: num, csat: num })),
  backOffice: z.object({
    submitted: z.number(),
    decided: z.number(),
    approved: z.number(),
    rejected: z.number(),
    approvalRate: num,
    decisionTime: z.object({ p50: num, p90: num }),
    queueNow: z.object({ count: z.number(), oldest: num, p50: num }),
    byEmployee: z.array(z.object({ employeeId: z.string(), name: z.string(), decided: z.number(), approved: z.number(), rejected: z.number(), decisionTimeP50: num })),
  }),
  pointsOfSale: z.array(
    z.object({
      pointOfSaleId: z.string().nullable(),
      label: z.string(),
      applications: z.number(),
      returnedByOperator: z.number(),
      returnedByBackOffice: z.number(),
      returnedShare: z.number(),
    }),
  ),
  requests: requestFiguresOverviewDto,
  staffing: z.object({
    peakHour: z.number(),
    arrivalsPerHour: z.number(),
    ahtSeconds: z.number(),
    concurrency: z.number(),
    onShift: z.object({ operators: z.number(), agents: z.number() }),
    byClass: z.array(z.object({ class: z.enum(CHAT_CLASSES), arrivalsPerHour: z.number(), ahtSeconds: z.number(), targetSeconds: z.number() })),
    expectedServiceLevelNow: num,
  }),
});

/** The supervisor's live view (server/metrics/live.ts). */
export const liveQueueDto = z.object({
  now: z.date(),
  waiting: z.array(
    z.object({
      id: z.string(),
      class: z.enum(CHAT_CLASSES),
      createdAt: z.date(),
      topic: z.string().nullable(),
      /** The dealer company; null for a subscriber's chat. */
      dealerName: z.string().nullable(),
      pointOfSale: z.string().nullable(),
      visitor: z.string().nullable(),
      offeredToName: z.string().nullable(),
      waitSeconds: z.number(),
      targetSeconds: z.number(),
      overTarget: z.boolean(),
    }),
  ),
  operators: z.array(
    z.object({ id: z.string(), name: z.string(), status: z.enum(['available', 'wrap_up', 'away', 'offline']), capacity: z.number(), load: z.number(), serves: z.enum(OPERATOR_SERVES) }),
  ),
  summary: z.object({ waiting: z.number(), longestWaitSeconds: z.number(), available: z.number(), freeSlots: z.number(), activeChats: z.number(), overTarget: z.number() }),
  byClass: z.array(
    z.object({ class: z.enum(CHAT_CLASSES), targetSeconds: z.number(), waiting: z.number(), longestWaitSeconds: z.number(), overTarget: z.number(), available: z.number(), freeSlots: z.number() }),
  ),
});

const staffingRowDto = z.object({ operators: z.number(), agents: z.number(), occupancy: z.number(), waitProbability: z.number(), serviceLevel: z.number(), asaSeconds: z.number() });

/** The staffing calculator's answer (server/metrics/erlang-c.ts). */
export const staffingDto = z.object({ operators: z.number(), reachable: z.boolean(), rows: z.array(staffingRowDto) });

const staffingAnswerDto = z.object({ operators: z.number(), reachable: z.boolean() });

/** The staffing calculator per class and combined (server/metrics/erlang-c.ts `operatorsNeededByClass`). */
export const staffingByClassDto = z.object({
  perClass: z.array(staffingAnswerDto.extend({ class: z.string() })),
  dedicated: z.object({ operators: z.number(), reachable: z.boolean() }),
  pooled: staffingAnswerDto.extend({ arrivalsPerHour: z.number(), ahtSeconds: z.number(), thresholdSeconds: z.number() }),
});
