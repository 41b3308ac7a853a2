/**
 * Makes sure Debian Chromium is at /usr/bin/chromium before any browser test. As root it installs the
 * package (output streamed); otherwise it says the exact command to run. Never downloads a browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_HINT = 'sudo apt-get install -y chromium';

/** @returns {boolean} true when Chromium is present (possibly after installing it). */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`\nDebian Chromium is missing (${CHROMIUM_PATH}); the end-to-end tests need it.`);
    console.error(`Install it, then run the tests again:\n\n    ${INSTALL_HINT}\n`);
    return false;
  }
  console.log(`[chromium] ${CHROMIUM_PATH} missing: running apt-get update && apt-get install -y chromium`);
  const result = spawnSync('bash', ['-c', 'apt-get update && apt-get install -y chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status === 0 && existsSync(CHROMIUM_PATH)) return true;
  console.error(`\n[chromium] installing Chromium failed (exit ${result.status ?? result.signal}).`);
  console.error(`Check the apt output above, then run:\n\n    apt-get update && apt-get install -y chromium\n`);
  return false;
}
