// Shared helpers for the end-to-end specs.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/** The task table as shipped, read from the committed JSON (independently of the app). */
export const table = JSON.parse(
  readFileSync(new URL('../../../data/taian-2017.json', import.meta.url), 'utf8'),
);

/**
 * Collects console errors, page errors and every request that leaves the page's origin.
 * Call before navigating; check with `expectClean()` at the end of the test.
 */
export function watch(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      problems.push(`request leaves the origin: ${req.url()}`);
    }
  });
  return {
    problems,
    expectClean() {
      expect(problems, problems.join('\n')).toEqual([]);
    },
  };
}

/** Opens the app (optionally with a hash) and waits until the wasm has rendered the table. */
export async function openApp(page, hash = '') {
  await page.goto(hash ? `./#${hash}` : './');
  await expect(page.locator('table.tasks')).toBeVisible();
}

export const taskRows = (page) => page.locator('tr[data-task-id]');
