/**
 * A call that cannot be resumed (its snapshot is from a machine version that cannot be migrated, or is
 * damaged) still gives back what the agent typed: notes and captures, saved into the dossier as a call
 * activity marked `recovered`, so nothing acknowledged on screen is ever lost.
 */
import { ACTIVITY_SCHEMA_VERSION, type Activity } from '../entities';
import type { Captures, Commitment, DelayReason } from './context';

export interface RecoveredCall {
  debtorId: string;
  callId: string | null;
  scriptId: string | null;
  scriptVersion: number | null;
  startedAt: string | null;
  notes: string;
  captures: Captures;
  reason: DelayReason | null;
  commitment: Commitment | null;
  /** The machine version the snapshot declared, when it declared one. */
  fromVersion: number | null;
}

export type RecoveredActivityDetails = {
  callId: string | null;
  recoveredFromVersion: number | null;
  startedAt: string | null;
  captures: Captures;
  reason: DelayReason | null;
  commitment: Commitment | null;
  scriptId: string | null;
  scriptVersion: number | null;
};

export function hasRecoveredContent(recovered: RecoveredCall): boolean {
  return recovered.notes.trim() !== '' || Object.values(recovered.captures).some((f) => f && Object.keys(f).length > 0);
}

export function recoveredActivity(recovered: RecoveredCall, at: string, agent: string, newId: () => string): Activity {
  const details: RecoveredActivityDetails = {
    callId: recovered.callId,
    recoveredFromVersion: recovered.fromVersion,
    startedAt: recovered.startedAt,
    captures: recovered.captures,
    reason: recovered.reason,
    commitment: recovered.commitment,
    scriptId: recovered.scriptId,
    scriptVersion: recovered.scriptVersion,
  };
  return {
    schemaVersion: ACTIVITY_SCHEMA_VERSION,
    id: newId(),
    debtorId: recovered.debtorId,
    type: 'call',
    at,
    outcome: 'recovered',
    summary: recovered.notes.trim(),
    agent,
    details,
  };
}
