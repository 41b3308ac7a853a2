import { describe, expect, it, vi } from 'vitest';
import { handleReadRequest } from './import-worker-core';
import type { ReadMessage, ReadRequest } from './import-protocol';
import { readInWorker, type WorkerLike } from './read-in-worker';

function bigFile(rows: number): ArrayBuffer {
  const lines = ['Client;Facture;Échéance;Montant'];
  for (let i = 0; i < rows; i++) lines.push(`Client ${i % 500};F${i};15/01/2026;${i},50`);
  return new TextEncoder().encode(lines.join('\n')).buffer as ArrayBuffer;
}

/** A worker that runs the real handler on the next task, as a module worker would. */
function fakeWorker(): WorkerLike & { terminated: boolean } {
  const worker = {
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    terminated: false,
    postMessage(request: ReadRequest) {
      setTimeout(() => handleReadRequest(request, (message: ReadMessage) => worker.onmessage?.({ data: message } as MessageEvent<ReadMessage>)), 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

describe('readInWorker', () => {
  it('reads in the worker, reports progress and ends the worker', async () => {
    const worker = fakeWorker();
    const progress: number[] = [];
    const reading = await readInWorker(bigFile(12_000), {}, { createWorker: () => worker, onProgress: (n) => progress.push(n) });
    expect(reading.outcome.kind).toBe('portfolio');
    if (reading.outcome.kind === 'portfolio') expect(reading.outcome.portfolio.invoices).toHaveLength(12_000);
    expect(progress).toEqual([5_000, 10_000]);
    expect(worker.terminated).toBe(true);
  });

  it('cancels: the worker is terminated and the promise rejects with AbortError', async () => {
    const worker = fakeWorker();
    const controller = new AbortController();
    const read = readInWorker(bigFile(10), {}, { createWorker: () => worker, signal: controller.signal });
    controller.abort();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });

  it('rejects when the worker reports a failure or cannot start', async () => {
    const failing: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => this.onerror?.({ message: 'boom' } as ErrorEvent), 0);
      },
      terminate: vi.fn(),
    };
    await expect(readInWorker(bigFile(1), {}, { createWorker: () => failing })).rejects.toThrow('boom');
  });

  it('reads on this thread where there is no Worker', async () => {
    const reading = await readInWorker(bigFile(3), {});
    expect(reading.kind).toBe('aged_balance');
  });
});
