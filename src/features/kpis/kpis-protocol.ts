/** Messages between the /kpis page and its worker (./kpis.worker.ts). */
import type { KpiCosts, KpiReport } from '../../domain/kpis/kpis';

export interface KpisRequest {
  databaseName: string;
  today: string;
}

export type KpisMessage = { kind: 'done'; report: KpiReport; costs: KpiCosts; debtors: number } | { kind: 'failed'; message: string };
