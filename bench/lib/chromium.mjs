/**
 * One place for how every benchmark starts Debian Chromium, so Lighthouse and Playwright measure the same
 * browser with the same switches (no background traffic, no QUIC: the preview server speaks HTTP/1.1).
 */
import { execFileSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright adds its own headless switch; passing `--headless` twice confuses nothing but reads badly. */
export const PLAYWRIGHT_ARGS = CHROMIUM_FLAGS.filter((f) => f !== '--headless');

export function chromiumVersion() {
  try {
    const out = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim().split('\n').pop();
  } catch {
    return `unknown (${CHROMIUM_PATH} --version failed)`;
  }
}
