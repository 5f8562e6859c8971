import type { DbOrTx } from '@/db/client';
import type { Clock } from '@/server/context';
import type { WidgetSession } from './widget-context';

export interface WidgetSessionWatch {
  readonly ended: AbortSignal;
  stillValid(): boolean;
  stop(): void;
}

export function watchWidgetSession({ db, clock, session }: { db: DbOrTx; clock: Clock; session: WidgetSession }): WidgetSessionWatch {
  void db;
  void clock;
  void session;
  throw new Error('not yet');
}
