// Several tables in one deployment (issue 21): the link names one (`table=<id>`), the list
// `tables/tables.json` says which there are and which is the default. This spec serves its own
// copy of dist/ (in a temporary folder, on its own port) whose list has, beside the default, a
// second table (a copy of the default under another id and title), a table whose file is not
// JSON and one whose file is missing. The real dist/ is never changed.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table, watch } from './helpers.mjs';

const dist = new URL('../../../dist/', import.meta.url).pathname;
const port = 8099 + 37 + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const base = `http://127.0.0.1:${port}/gk/`;
const COPY = { id: 'copy-2017', file: 'copy-2017.json', title: '测试用第二任务表（2017年泰安市副本）' };
const BROKEN = { id: 'broken', file: 'broken.json', title: '损坏的任务表' };
const MISSING = { id: 'missing', file: 'missing.json', title: '缺少文件的任务表' };

let dir;
let server;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gk-tables-'));
  cpSync(dist, dir, { recursive: true });
  const copy = JSON.parse(readFileSync(join(dir, 'tables/taian-2017.json'), 'utf8'));
  copy.dataset.id = COPY.id;
  copy.dataset.title = COPY.title;
  writeFileSync(join(dir, 'tables', COPY.file), JSON.stringify(copy, null, 2));
  writeFileSync(join(dir, 'tables', BROKEN.file), '<!DOCTYPE html><p>not a table</p>');
  writeFileSync(
    join(dir, 'tables/tables.json'),
    JSON.stringify({
      default: 'taian-2017',
      tables: [{ id: 'taian-2017', file: 'taian-2017.json', title: table.dataset.title }, COPY, BROKEN, MISSING],
    }),
  );
  server = spawn('node', [new URL('../serve.mjs', import.meta.url).pathname, dir, String(port), '/gk/'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => server.stdout.once('data', resolve));
});

test.afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The 使用说明 are kept per table, as the records are: seen for both (this spec's own port is
// not the one playwright.config.mjs's storage state is for).
test.beforeEach(async ({ page }) => {
  await page.addInitScript((ids) => {
    for (const id of ids) for (const p of ['table', 'office']) localStorage.setItem(`gk:${id}:guide:${p}`, '1');
  }, [COPY.id, 'taian-2017']);
});

const rows = (page) => page.locator('tr[data-task-id]:not([hidden])');

test('a link to an unknown table says so and opens the default, whose links name no table', async ({ page }) => {
  const w = watch(page);
  await page.goto(`${base}#table=nope&pillar=2`);
  await expect(page.locator('.notices')).toContainText(
    `链接中的任务表“nope”不存在，已打开默认任务表“${table.dataset.title}”`,
  );
  await expect(page.locator('h1')).toHaveText(table.dataset.title);
  await expect(rows(page).first()).toBeVisible();
  // The view of the link is kept; the unknown table is not.
  await expect.poll(() => new URL(page.url()).hash).toBe('#pillar=2');
  await expect(page.locator('a', { hasText: '汇总与导入' })).toHaveAttribute('href', 'office/');
  w.expectClean();
});

test('a table file that is not JSON gets a message naming it, and the other tables still open', async ({ page }) => {
  const w = watch(page);
  await page.goto(`${base}#table=broken`);
  const alert = page.locator('[role=alert]');
  await expect(alert).toContainText(`任务表“${BROKEN.title}”（编号 broken，文件 tables/broken.json）无法打开`);
  await expect(alert).toContainText('不是 JSON');
  await expect(page.locator('h1')).toHaveText(BROKEN.title);
  const links = page.locator('.other-tables a');
  await expect(links).toHaveText([table.dataset.title, COPY.title, MISSING.title]);
  await links.filter({ hasText: COPY.title }).click();
  await expect(page.locator('h1')).toHaveText(COPY.title);
  await expect(rows(page)).toHaveCount(table.tasks.length);
  await page.goto(`${base}#table=broken`);
  await page.locator('.other-tables a', { hasText: table.dataset.title }).click();
  await expect(page.locator('h1')).toHaveText(table.dataset.title);
  await expect(rows(page)).toHaveCount(table.tasks.length);
  w.expectClean();
});

test('a missing table file says so (HTTP 404), on the office page too', async ({ page }) => {
  await page.goto(`${base}#table=missing`);
  await expect(page.locator('[role=alert]')).toContainText(`任务表“${MISSING.title}”（编号 missing，文件 tables/missing.json）无法打开`);
  await expect(page.locator('[role=alert]')).toContainText('HTTP 404');
  await page.goto(`${base}office/#table=missing`);
  await expect(page.locator('[role=alert]')).toContainText('HTTP 404');
  await page.locator('.other-tables a', { hasText: COPY.title }).click();
  await expect(page.locator('h1')).toHaveText(COPY.title);
  await expect(page.locator('table.matrix')).toBeVisible();
});

test('the masthead switches tables; links and records stay with the open table', async ({ page }) => {
  const w = watch(page);
  await page.goto(base);
  const menu = page.locator('.table-switch');
  const links = menu.locator('a');
  // Folded until asked: one button in the toolbar's row.
  await expect(links.first()).toBeHidden();
  await menu.locator('summary').click();
  await expect(links).toHaveText([table.dataset.title, COPY.title, BROKEN.title, MISSING.title]);
  await expect(menu.locator('a[aria-current]')).toHaveText(table.dataset.title);
  // The open menu lies over the page: a click elsewhere closes it, and so does Escape.
  await page.locator('h1').click();
  await expect(links.first()).toBeHidden();
  await menu.locator('summary').click();
  await page.keyboard.press('Escape');
  await expect(links.first()).toBeHidden();
  await menu.locator('summary').click();
  await expect(links.nth(1)).toHaveAttribute('href', `?#table=${COPY.id}`);
  await links.nth(1).click();
  await expect(page.locator('h1')).toHaveText(COPY.title);
  await expect(page).toHaveURL(/#table=copy-2017$/);
  await expect(page.locator('.table-switch a[aria-current]')).toHaveText(COPY.title);
  // The view goes into the link beside the table.
  await page.locator('#unit').selectOption('市财政局');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#table=copy-2017&unit=/);
  const first = page.locator('tr.task-row:not([hidden]) select.status').first();
  await first.selectOption('done');
  // Kept per table: the copy's key, not the default's.
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unit:')));
  expect(keys).toEqual(['gk:copy-2017:unit:市财政局']);
  // The page links name the table; the office page opens it, with its own switcher.
  await expect(page.locator('a', { hasText: '汇总与导入' })).toHaveAttribute('href', 'office/#table=copy-2017');
  await page.locator('a', { hasText: '汇总与导入' }).click();
  await expect(page.locator('h1')).toHaveText(COPY.title);
  await expect(page.locator('table.matrix')).toBeVisible();
  await expect(page.locator('tr[data-unit="市财政局"] .reported')).toBeVisible();
  await expect(page.locator('a', { hasText: '任务表' }).first()).toHaveAttribute('href', '../#table=copy-2017');
  await page.locator('.table-switch summary').click();
  await page.locator('.table-switch a', { hasText: table.dataset.title }).click();
  await expect(page.locator('h1')).toHaveText(table.dataset.title);
  await expect(page).toHaveURL(/\/office\/\?$/);
  await expect(page.locator('table.matrix')).toBeVisible();
  await expect(page.locator('tr[data-unit="市财政局"] .missing')).toBeVisible();
  w.expectClean();
});

test('the switcher fits the toolbar row at 390 px (a 44 px target, no line of its own) and does not print', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}#table=copy-2017`);
  const summary = page.locator('.table-switch summary');
  await expect(summary).toBeVisible();
  const box = await summary.boundingBox();
  const guide = await page.locator('nav.toolbar button', { hasText: '使用说明' }).boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(Math.abs(box.y - guide.y)).toBeLessThan(2); // on the row of 使用说明
  await summary.click();
  const list = await page.locator('.table-switch ul').boundingBox();
  expect(list.x).toBeGreaterThanOrEqual(0);
  expect(list.x + list.width).toBeLessThanOrEqual(390);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.emulateMedia({ media: 'print' });
  await expect(summary).toBeHidden();
});
