#!/usr/bin/env node
/**
 * Renders the Cadence mark (public/favicon.svg's drawing) to the PNG icons the web manifest lists:
 * 192 and 512 with rounded corners, and a maskable 512 whose mark sits inside the central 80 % safe zone
 * on a full-bleed background, so launchers may crop it to any shape. Run once after changing the mark:
 *   node tools/make-icons.mjs
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BLUE = '#1f4e79';
const MARK = `<path d="M43 21.5a15 15 0 1 0 0 21" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round"/>
  <circle cx="46" cy="32" r="4.5" fill="#f2b134"/>`;

/** The standard icon: the favicon drawing, rounded square on a transparent background. */
function standardSvg(size) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="14" fill="${BLUE}"/>${MARK}</svg>`;
}

/** Maskable: square full-bleed background; the mark (reaching 18.7 of 32 units from the centre) scaled to 85 %, well inside the 80 % safe circle (25.6 units). */
function maskableSvg(size) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="${BLUE}"/>
  <g transform="translate(32 32) scale(0.85) translate(-32 -32)">${MARK}</g></svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, svg: standardSvg(192) },
  { file: 'icon-512.png', size: 512, svg: standardSvg(512) },
  { file: 'icon-maskable-512.png', size: 512, svg: maskableSvg(512) },
];

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${icon.svg}</body></html>`,
    );
    await page.locator('svg').screenshot({ path: `${OUT}${icon.file}`, omitBackground: true });
    await page.close();
    console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
