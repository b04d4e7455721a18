// The Content-Security-Policy of the pages (index.html, public/office.html, public/reader.html,
// scripts/finish-page.mjs):
// nothing from outside the origin, the wasm allowed by 'wasm-unsafe-eval', inline scripts
// only by hash. The app must run under it without a single violation.
import { test, expect } from '@playwright/test';
import { watch, openApp, openOffice, taskRows, hashOf } from './helpers.mjs';

/** Records every `securitypolicyviolation` of the page, from before its first script. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || '(inline)'} ${e.sourceFile || ''}:${e.lineNumber || ''}`);
    });
  });
  return () => page.evaluate(() => window.__violations);
}

const policyOf = (page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

function expectStrict(policy) {
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/'unsafe-eval'/);
  expect(policy).not.toMatch(/https?:|\*/);
}

test('the task table runs under its policy: no violation while choosing, editing, exporting, printing', async ({ page }) => {
  const w = watch(page);
  const violations = await recordViolations(page);
  await openApp(page);
  expectStrict(await policyOf(page));
  await page.locator('#unit').selectOption('市财政局');
  await expect(page.locator('tr[data-task-id="1.1.1"]').getByLabel('状态')).toBeVisible();
  await page.locator('tr[data-task-id="1.1.1"]').getByLabel('状态').selectOption('done');
  await page.locator('tr[data-task-id="1.1.1"]').getByLabel('备注').fill('已在网站公开');
  await page.locator('[data-pillar="2"]').click();
  await page.getByLabel('搜索').fill('公开');
  await page.getByRole('button', { name: '清除全部筛选' }).click();
  await page.locator('#unit').selectOption('市财政局');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出报送文件' }).click();
  await download;
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  expect(await violations()).toEqual([]);
  w.expectClean();
});

test('the office page runs under its policy: no violation while importing and undoing', async ({ page }) => {
  const w = watch(page);
  const violations = await recordViolations(page);
  await openOffice(page);
  expectStrict(await policyOf(page));
  const entries = [{ unit: '新泰市', task: '1.1.1', status: 'done', note: '', updated_at: '2017-06-28T10:00:00Z' }];
  const buffer = Buffer.from(
    JSON.stringify({ format: 'gk-checklist', version: 1, dataset: 'taian-2017', exported_at: '2017-06-30T08:00:00Z', entries }),
  );
  await page.locator('#import-files').setInputFiles([{ name: 'xt.json', mimeType: 'application/json', buffer }]);
  await page.getByRole('region', { name: '导入预览' }).getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 1 条');
  await page.getByRole('button', { name: '撤销上次导入' }).click();
  await expect(page.locator('.import-result')).toContainText('已撤销');
  expect(await violations()).toEqual([]);
  w.expectClean();
});

test('导入任务表 runs under its policy: no violation while reading, correcting and publishing', async ({ page }) => {
  const w = watch(page);
  const violations = await recordViolations(page);
  await page.goto('./reader/');
  expectStrict(await policyOf(page));
  const fixture = new URL('../../../reader/tests/fixtures/family-b.html', import.meta.url).pathname;
  await page.setInputFiles('#reader-file', fixture);
  await expect(page.locator('li.reader-task')).toHaveCount(5);
  for (const group of ['各乡镇', '县直各部门']) {
    const box = page.locator(`.reader-group[data-group="${group}"] textarea`);
    await box.fill('甲乡、乙镇');
    await box.dispatchEvent('change');
  }
  for (const [id, value] of [['#ds-id', 'moumou-2026'], ['#ds-office', '某县人民政府办公室'], ['#ds-short', '县政府办']]) {
    await page.locator(id).fill(value);
    await page.locator(id).dispatchEvent('change');
  }
  const download = page.waitForEvent('download');
  await page.locator('#reader-generate').click();
  await download;
  expect(await violations()).toEqual([]);
  w.expectClean();
});

test('the policy is in force: an injected inline script does not run, and is reported', async ({ page }) => {
  const violations = await recordViolations(page);
  await openApp(page, hashOf({ unit: '市财政局' }));
  await expect(taskRows(page).first()).toBeVisible();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.appendChild(s);
  });
  const scripts = async () => (await violations()).filter((v) => v.startsWith('script-src'));
  await expect.poll(scripts).toHaveLength(1);
  expect(await page.evaluate(() => window.__injected ?? false)).toBe(false);
});
