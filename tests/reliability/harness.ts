/**
 * What every reliability test shares: printing its figure (and keeping it for the end-of-suite summary),
 * counts from the environment, a seeded random source, and contexts that reach the app.
 */
import { appendFileSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { inject } from 'vitest';
import { contextOptions } from '../e2e/browser';

/** Prints one figure line (`R1 kill-during-typing: …`) and keeps it for the summary printed at the end. */
export function figure(line: string): void {
  console.log(line);
  appendFileSync(inject('figuresFile'), `${line}\n`);
}

/** A positive integer from the environment (e.g. R1_TRIALS), or `fallback`. */
export function countFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** mulberry32: small, fast and good enough to pick moments; the same seed replays the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed from `name` in the environment, else a fresh one (always printed, so a failure can be replayed). */
export function seedFromEnv(name: string): number {
  const raw = Number(process.env[name]);
  return Number.isInteger(raw) && raw > 0 ? raw : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** A laptop-sized context. `block` keeps service workers out (pages that must be fetched from the server). */
export function appContext(browser: Browser, serviceWorkers: 'allow' | 'block' = 'allow', extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...contextOptions('laptop'), serviceWorkers, ...extra });
}

/** Length of the longest common prefix: how much of `expected` is found, in order, at the start of `actual`. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
