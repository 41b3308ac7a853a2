/** Messages between the /kpis page and its worker (./kpis.worker.ts). */
import type { KpiCosts, KpiReport } from '../../domain/kpis/kpis';
import type { LoadedKpis } from './kpis-core';

export interface KpisRequest {
  databaseName: string;
  today: string;
}

export type KpisMessage = { kind: 'done'; report: KpiReport; costs: KpiCosts; debtors: number; skipped: number; fromRecords: number; timings: LoadedKpis['timings'] } | { kind: 'failed'; message: string };
