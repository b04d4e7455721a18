// Every control of both pages, clicked one after another as a curious user would: no console
// error, no page error, and the page still answers afterwards. The list of controls is read
// from the page itself, so a control added later is clicked too; a kind of control repeated
// per unit or task (the matrix, the read-only view it opens, the tasks' details) is clicked
// for a few of them, which keeps the test to seconds.
//
// Downloads are accepted, file choosers get a real state file, confirm() is dismissed (nothing
// is deleted), and the browser's print dialog is counted instead of shown (headless Chromium
// has none to close).
import { test, expect } from '@playwright/test';
import { table, watch, openApp, openOffice, hashOf, taskRows } from './helpers.mjs';

// Unit names, longest first: a control per unit (a matrix row, a 督办 list) is one kind of
// control, clicked for two units, not for all 47.
const unitNames = table.units.map((u) => u.name).sort((a, b) => b.length - a.length);

const stateFile = Buffer.from(
  JSON.stringify({
    format: 'gk-checklist',
    version: 1,
    dataset: 'taian-2017',
    exported_at: '2017-06-30T08:00:00Z',
    entries: [
      { unit: '市财政局', task: '1.1.1', status: 'done', note: '已在网站公开', updated_at: '2017-06-29T10:00:00Z' },
      { unit: '市财政局', task: '1.1.2', status: 'doing', note: '', updated_at: '2017-06-29T11:00:00Z' },
      { unit: '新泰市', task: '2.1.1', status: 'na', note: '不涉及', updated_at: '2017-06-28T10:00:00Z' },
    ],
  }),
);

/** Visible, enabled controls that act on a click, each named by its accessible name (its
 * aria-label, else its text) and its place among controls of the same name, and marked with
 * a `data-walk` number by which the click finds exactly that element. */
const controls = (page) =>
  page.evaluate((unitNames) => {
    const seen = new Map();
    const out = [];
    for (const el of document.querySelectorAll('button, summary, [role="button"], input[type="checkbox"], input[type="radio"]')) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || el.disabled) continue;
      if (el.closest('[inert]')) continue;
      const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ');
      // Counts in a label (稳增长12) change with the filters; the control stays the same.
      let kind = text.replace(/[0-9]+/g, '#');
      for (const name of unitNames) kind = kind.split(name).join('某单位');
      const key = `${el.tagName}|${el.type ?? ''}|${kind}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      // Controls of one place (a list of 139 tasks' summaries): a dozen of them is enough.
      const family = `${el.tagName}|${el.parentElement?.closest('[class]')?.className ?? ''}`;
      window.__walk = (window.__walk ?? 0) + 1;
      el.dataset.walk = String(window.__walk);
      out.push({ key, n, text, family, id: el.dataset.walk });
    }
    return out;
  }, unitNames);

/** Clicks each control once (at most `limit`), re-reading the page after every click because
 * a click may open a dialog or a section with controls of its own. */
async function clickEverything(page, limit = 120) {
  page.on('dialog', (d) => d.dismiss());
  page.on('filechooser', (fc) => fc.setFiles({ name: 'state.json', mimeType: 'application/json', buffer: stateFile }));
  const clicked = new Set();
  const families = new Map();
  const home = page.url();
  for (let round = 0; round < limit; round++) {
    const next = (await controls(page)).find(
      (c) => c.n < 2 && (families.get(c.family) ?? 0) < 12 && !clicked.has(`${c.key}#${c.n}`),
    );
    if (!next) break;
    families.set(next.family, (families.get(next.family) ?? 0) + 1);
    // The very element just listed; a control that is gone by now fails the test.
    const target = page.locator(`[data-walk="${next.id}"]`);
    expect(await target.count(), `control “${next.text}” (${next.key} #${next.n}) is still in the page`).toBe(1);
    // Generous: a loaded two-core CI machine once took more than 3 s to get the office page's
    // 打印催办通知单 ready for a click; a control that is never clickable still fails here.
    await target.click({ timeout: 10_000 }).catch((e) => {
      throw new Error(`clicking “${next.text}” (${next.key} #${next.n}) failed: ${e.message.split('\n')[0]}`);
    });
    // Recorded only once the click happened.
    clicked.add(`${next.key}#${next.n}`);
    await page.waitForTimeout(50);
    // A control that leads to the other page: come back and go on.
    if (new URL(page.url()).pathname !== new URL(home).pathname) {
      await page.goto(home);
      await expect.poll(async () => (await controls(page)).length).toBeGreaterThan(3);
    }
    // A modal left open would cover the rest of the page: close it the way users do.
    if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape');
  }
  if (process.env.CONTROLS_DEBUG) console.log([...clicked].join("\n"));
  return clicked;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__prints = 0;
    window.print = () => {
      window.__prints += 1;
    };
  });
});

test('every control of the task table, for a unit with records: no console error', async ({ page }) => {
  const w = watch(page);
  await openApp(page, hashOf({ unit: '市财政局' }));
  await taskRows(page).first().getByLabel('状态').selectOption('doing');
  const clicked = await clickEverything(page);
  // The page's own controls were among them.
  const names = [...clicked].join('\n');
  for (const name of ['导出 CSV', '导出 Excel', '稳增长', '清除全部筛选', '打印']) expect(names).toContain(`|${name}`);
  expect(await page.evaluate(() => window.__prints)).toBeGreaterThan(0);
  // Still answering: the unit's tasks are shown and a status can be set.
  await page.goto(`./#${hashOf({ unit: '市财政局' })}`);
  await expect(taskRows(page).first()).toBeVisible();
  w.expectClean();
});

test('every control of the office page, with imported files: no console error', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await openOffice(page);
  await page.locator('#import-files').setInputFiles([{ name: 'state.json', mimeType: 'application/json', buffer: stateFile }]);
  const clicked = await clickEverything(page);
  const names = [...clicked].join('\n');
  for (const name of ['导入报送文件', '导出全部单位', '导出汇总 Excel', '应用导入', '撤销上次导入']) expect(names).toContain(`|${name}`);
  // The matrix's controls, named only by their aria-labels: a unit's row and a pillar's cell.
  expect(names).toContain('|某单位：只读查看全部任务');
  expect(names).toMatch(/\|某单位 \S+：已完成 # \/ #，进行中 #，只读查看/);
  await openOffice(page);
  w.expectClean();
});
