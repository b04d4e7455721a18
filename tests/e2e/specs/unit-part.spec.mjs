// The code only a chosen unit needs (src/table/unit_part.rs: the progress panel, the rows'
// status and note controls) is a wasm file of its own, split off by scripts/finish-page.mjs:
// a first visit without a unit never fetches it, choosing a unit fetches it once, and a fetch
// that fails loses nothing.
import { test, expect } from '@playwright/test';
import { watch, openApp } from './helpers.mjs';

const CHUNK = /\/split_unit_part-[0-9a-f]{16}\.wasm$/;

test('no unit, no unit code; the first unit chosen fetches it once, with its controls and progress', async ({ page }) => {
  const w = watch(page);
  const chunks = [];
  page.on('request', (req) => { if (CHUNK.test(new URL(req.url()).pathname)) chunks.push(req.url()); });
  await openApp(page);
  await page.waitForLoadState('networkidle');
  expect(chunks).toEqual([]);
  await expect(page.locator('select.status')).toHaveCount(0);
  await expect(page.locator('section.progress')).toHaveCount(0);

  await page.locator('#unit').selectOption('市财政局');
  const row = page.locator('tr[data-task-id="1.1.1"]');
  await expect(row.getByLabel('状态')).toBeVisible();
  await expect(page.getByRole('heading', { name: '市财政局的进度' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导出报送文件' })).toBeVisible();
  await row.getByLabel('状态').selectOption('done');
  await expect(page.locator('.progress-total')).toContainText('已完成 1');

  await page.locator('#unit').selectOption('市教育局');
  await expect(page.getByRole('heading', { name: '市教育局的进度' })).toBeVisible();
  await page.locator('#unit').selectOption('市财政局');
  await expect(row.getByLabel('状态')).toHaveValue('done');
  expect(chunks).toHaveLength(1);
  w.expectClean();
});

test('the unit code out of reach: a notice, the records kept, and all back after a reload', async ({ page }) => {
  await openApp(page, 'unit=市财政局');
  const row = page.locator('tr[data-task-id="1.1.1"]');
  await row.getByLabel('状态').selectOption('doing');
  await row.getByLabel('备注').fill('已在网站公开');

  await page.route(CHUNK, (route) => route.abort('connectionrefused'));
  await page.reload();
  await expect(page.locator('table.tasks')).toBeVisible();
  await expect(page.getByText('本单位的进度、导出和填写控件未能载入')).toBeVisible();
  await expect(row).toBeVisible();
  await expect(row.getByLabel('状态')).toHaveCount(0);
  // The page still works: another filter, the same rows.
  await page.getByLabel('搜索').fill('公开');
  await expect(row).toBeVisible();

  await page.unroute(CHUNK);
  await page.reload();
  await expect(row.getByLabel('状态')).toHaveValue('doing');
  await expect(row.getByLabel('备注')).toHaveValue('已在网站公开');
  await expect(page.getByText('未能载入')).toHaveCount(0);
});

test('导出 Excel in the masthead reaches the export through the unit code: asked for before it came, it runs once it has', async ({ page }) => {
  const w = watch(page);
  const chunks = [];
  page.on('request', (req) => { if (CHUNK.test(new URL(req.url()).pathname)) chunks.push(req.url()); });
  await openApp(page);
  const excel = page.locator('.masthead').getByRole('button', { name: '导出 Excel' });
  // No unit: the page says what to do, and fetches nothing for it.
  await excel.click();
  await expect(page.locator('.notices')).toContainText('请先选择单位，再导出本单位的 Excel 台账。');
  await page.waitForLoadState('networkidle');
  expect(chunks).toEqual([]);

  // The unit code held back: the click comes while it loads, the download once it is there.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(CHUNK, async (route) => { await held; await route.continue(); });
  await page.locator('#unit').selectOption('市财政局');
  await expect.poll(() => chunks.length).toBe(1);
  await expect(page.locator('select.status')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await excel.click();
  release();
  const f = await download;
  expect(f.suggestedFilename()).toMatch(/^taian-2017-市财政局-\d{8}\.xlsx$/);
  await expect(page.locator('tr[data-task-id="1.1.1"]').getByLabel('状态')).toBeVisible();
  expect(chunks).toHaveLength(1);
  w.expectClean();
});
