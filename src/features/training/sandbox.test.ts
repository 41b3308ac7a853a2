import { describe, expect, it } from 'vitest';
import { BUILTIN_PERSONAS } from '../../scripts/personas';
import { openSandbox } from './sandbox';
import { applyChoice, phrasingsFor, simulationStep, startSimulation } from './simulation';

describe('the simulation sandbox (in-memory store)', () => {
  it('holds the generated dossier, the call as it goes, and its outcome once ended', async () => {
    const persona = BUILTIN_PERSONAS.fr.find((p) => p.id === 'cheque-in-the-post')!;
    let sim = startSimulation({ persona, agent: { agentName: 'Camille Martin', company: 'Atelier Lumière SAS' }, today: '2026-12-03', nowMs: 0, seed: 3, id: 'abcdef12-0000' });
    const sandbox = await openSandbox(sim);
    expect((await sandbox.dossier(sim))?.debtor.name).toBe('Imprimerie Roussel SAS');
    let at = 0;
    while (simulationStep(sim) !== null) {
      const good = phrasingsFor(sim, simulationStep(sim)!).find((c) => c.phrasing.fault === 'good')!;
      sim = applyChoice(sim, { kind: 'phrasing', phrasing: good.phrasing }, (at += 5000));
      void sandbox.record(sim, new Date(Date.UTC(2026, 11, 3, 9, 0, at / 1000)).toISOString());
    }
    const dossier = await sandbox.dossier(sim);
    expect(dossier?.promises).toHaveLength(1);
    expect(dossier?.promises[0]).toMatchObject({ amountCents: sim.setup.dossier.promise.amountCents, means: 'transfer', status: 'pending' });
    expect(dossier?.activities.some((a) => a.type === 'call' && a.outcome === 'completed')).toBe(true);
    expect(dossier?.tasks.length).toBeGreaterThan(0);
    sandbox.close();
  });
});
