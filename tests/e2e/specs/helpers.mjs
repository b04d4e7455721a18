// Shared helpers for the end-to-end specs.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/** The task table as shipped, read from the committed JSON (independently of the app). */
export const table = JSON.parse(
  readFileSync(new URL('../../../data/tables/taian-2017.json', import.meta.url), 'utf8'),
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
  await page.goto(linkTo(hash));
  await expect(page.locator('table.tasks')).toBeVisible();
}

/**
 * Opens the link `./#<hash>` as a fresh page load, as when a user opens it from an e-mail. A
 * `goto` of a hash from the same page is a same-document navigation, and a `reload` right
 * after it may reload the address before it (seen once in CI): through `about:blank` the load
 * is always a new document.
 */
export async function openLink(page, hash = '') {
  await page.goto('about:blank');
  await page.goto(linkTo(hash));
}

/** The task table's link for the view `hash` (without `#`; empty: no view named). */
const linkTo = (hash) => (hash ? `./#${hash}` : './');

/** Opens the office page (汇总与导入, dist/office/) and waits until the central view is rendered. */
export async function openOffice(page) {
  await page.goto('./office/');
  await expect(page.locator('table.matrix')).toBeVisible();
}

/** Fills the page's localStorage to the last character, with `filler:<n>` keys. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let i = 0;
    for (const size of [100000, 10000, 1000, 100, 10, 1]) {
      try {
        for (;;) localStorage.setItem(`filler:${i++}`, 'x'.repeat(size));
      } catch {
        // Full for this size: on to a smaller one.
      }
    }
  });
}

export const taskRows = (page) => page.locator('tr[data-task-id]:not([hidden])');

// An independent reading of the table's units, groups and roles (domain.md), from the JSON alone.
const groups = new Map(table.units.filter((u) => u.kind === 'group').map((u) => [u.name, u.members]));
const reaches = (name, unit) => name === unit || (groups.get(name) ?? []).includes(unit);

/** The role of `unit` in `task`: 'lead', 'responsible' or null. */
export function roleOf(task, unit) {
  if (task.lead.some((n) => reaches(n, unit))) return 'lead';
  if (task.responsible.some((n) => reaches(n, unit))) return 'responsible';
  return null;
}

/** Ids of the tasks a filter shows, computed in the test (not by the app). */
export function expectedIds({ unit, role, pillar, section, time, q } = {}) {
  return table.tasks
    .filter((t) => !unit || roleOf(t, unit) !== null)
    .filter((t) => !unit || !role || roleOf(t, unit) === role)
    .filter((t) => !pillar || t.pillar === pillar)
    .filter((t) => !section || t.section === section)
    .filter((t) => !time || t.time.some((r) => r.tag === time))
    .filter((t) => {
      if (!q) return true;
      const sectionName = table.sections.find((s) => s.id === t.section).name;
      return [t.text, t.item, sectionName, ...t.lead, ...t.responsible].some((s) => s.includes(q));
    })
    .map((t) => t.id);
}

/**
 * Waits until every shown task row holds the unit's controls (role, light, status, note). They
 * come with the unit's code, fetched on the unit's first choice (src/table/unit_part.rs), so a
 * read of every row at once must wait for them; a locator's own assertions wait anyway.
 */
export async function unitControls(page) {
  await expect
    .poll(() => taskRows(page).evaluateAll((rs) => rs.length > 0 && rs.every((r) => r.querySelector('.checklist') !== null)))
    .toBe(true);
}

export const shownIds = (page) => taskRows(page).evaluateAll((rows) => rows.map((r) => r.dataset.taskId));

export const hashOf = (params) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
