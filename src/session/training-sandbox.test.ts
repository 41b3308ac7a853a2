import { describe, expect, it } from 'vitest';
import { persistEnvelope } from '../machines/call.types';
import { trainingSetup, personaById } from '../machines/persona.testing';
import { startTraining, trainingStep, callEnded } from '../machines/training.logic';
import { openTrainingSandbox } from './training-sandbox';

describe('the training sandbox (in-memory store)', () => {
  it('holds the simulated dossier, the call as it goes, and its outcome once committed', async () => {
    const setup = trainingSetup(personaById('cheque-in-the-post'));
    const sandbox = await openTrainingSandbox(setup.dossier.bundle, () => '2026-12-03T09:30:00.000Z');
    expect((await sandbox.dossier())?.debtor.name).toBe('Imprimerie Roussel SAS');
    let run = startTraining(setup);
    while (!callEnded(run)) {
      run = trainingStep(setup, run, { type: 'SAY', behaviour: 'good' });
      sandbox.effects.persist(persistEnvelope(run.call.context));
    }
    const outcome = await sandbox.effects.commit(run.call.context);
    expect(outcome.promise).toMatchObject({ amountCents: setup.dossier.promise.amountCents, means: 'transfer' });
    const dossier = await sandbox.dossier();
    expect(dossier?.promises).toHaveLength(1);
    expect(dossier?.activities.some((a) => a.type === 'call' && a.outcome === 'completed')).toBe(true);
    expect(dossier?.tasks.length).toBeGreaterThan(0);
    sandbox.close();
  });
});
