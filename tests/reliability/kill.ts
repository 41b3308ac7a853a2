/**
 * SIGKILL of a Chromium started by this suite on a persistent profile: no unload, no flush, no goodbye.
 * Only processes whose command line holds that profile's own temporary folder are touched, each by its pid.
 */
import { execFileSync } from 'node:child_process';

function pidsOf(profile: string, oldestOnly: boolean): number[] {
  try {
    return execFileSync('pgrep', [...(oldestOnly ? ['-o'] : []), '-f', profile], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The browser process on `profile` (the oldest one: it owns IndexedDB). Look it up before the moment to kill. */
export function browserPidOn(profile: string): number {
  const [main] = pidsOf(profile, true);
  if (main === undefined) throw new Error(`no Chromium process runs on ${profile}`);
  return main;
}

/** Kills the browser process at once (a signal, nothing spawned first), then whatever it left behind. */
export async function killBrowser(pid: number, profile: string): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  for (const rest of pidsOf(profile, false)) {
    try {
      process.kill(rest, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
}
