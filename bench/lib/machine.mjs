/** The machine a run came from: figures without it cannot be compared. */
import os from 'node:os';
import { chromiumVersion } from './chromium.mjs';

export function describeMachine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAvg1m: Math.round(os.loadavg()[0] * 100) / 100,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion(),
  };
}
