import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STEP_ANNOUNCED_AFTER_MS } from './announce-timing';
import { createAnnouncer, type Announcer } from './announcer';

describe('createAnnouncer', () => {
  let announcer: Announcer;
  let dispose: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    createRoot((d) => {
      dispose = d;
      announcer = createAnnouncer();
    });
  });
  afterEach(() => {
    dispose();
    vi.useRealTimers();
  });

  it('names a step only once the agent stayed on it, reading its text then', () => {
    let title = 'Présentation';
    announcer.sayOnceStayed(() => `Étape 1 : ${title}`);
    vi.advanceTimersByTime(STEP_ANNOUNCED_AFTER_MS - 1);
    expect(announcer.message()).toBe('');
    title = 'Presentation';
    vi.advanceTimersByTime(1);
    expect(announcer.message()).toBe('Étape 1 : Presentation');
  });

  it('names only the step where keys pressed in a run stopped', () => {
    announcer.sayOnceStayed(() => 'Étape 2');
    vi.advanceTimersByTime(STEP_ANNOUNCED_AFTER_MS / 2);
    announcer.sayOnceStayed(() => 'Étape 3');
    vi.advanceTimersByTime(STEP_ANNOUNCED_AFTER_MS);
    expect(announcer.message()).toBe('Étape 3');
    vi.runAllTimers();
    expect(announcer.message()).toBe('Étape 3');
  });

  it('says a refusal at once, and no step name pending overwrites it', () => {
    announcer.sayOnceStayed(() => 'Étape 5');
    announcer.say('Choisissez un motif.');
    expect(announcer.message()).toBe('Choisissez un motif.');
    vi.runAllTimers();
    expect(announcer.message()).toBe('Choisissez un motif.');
  });

  it('says nothing once its screen is gone', () => {
    announcer.sayOnceStayed(() => 'Étape 4');
    dispose();
    vi.runAllTimers();
    expect(announcer.message()).toBe('');
    dispose = () => undefined;
  });
});
