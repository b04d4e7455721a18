// The older-browser layer (issue 23): the release build in older Chromium kernels, unpacked
// from npm packages (../old-chromium.mjs). Chromium 109 runs the app; Chromium 92, whose CSP
// does not know 'wasm-unsafe-eval' and so refuses to compile WebAssembly, is told plainly that
// it is too old (public/boot.js), not that the files failed to load.
import { test, expect, chromium } from '@playwright/test';
import { oldChromium } from '../old-chromium.mjs';
import { hashOf } from './helpers.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function launch(version, baseURL) {
  const browser = await chromium.launch({ executablePath: oldChromium(version), args: ARGS });
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // A returning user's: the 使用说明 dialog seen, as in the other layers.
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      for (const page of ['table', 'office']) localStorage.setItem(`gk:taian-2017:guide:${page}`, '1');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { browser, page, errors };
}

test('Chromium 109 runs the app: a unit’s 78 tasks, a status kept over a reload, the office page and 导入任务表', async ({ baseURL }) => {
  test.setTimeout(60_000);
  const { browser, page, errors } = await launch('109', baseURL);
  try {
    expect(browser.version()).toMatch(/^109\./);
    await page.goto(`./#${hashOf({ unit: '市财政局' })}`);
    // 市财政局 has 78 tasks in the 2017 table (its progress reads 已完成 0 / 78 项).
    await expect(page.locator('tr[data-task-id]:not([hidden])')).toHaveCount(78);
    await expect(page.locator('.progress-total')).toContainText('/ 78 项');
    const status = page.locator('tr[data-task-id="1.1.1"]').getByLabel('状态');
    await status.selectOption('done');
    await page.reload();
    await expect(status).toHaveValue('done');
    await page.goto('./office/');
    await expect(page.locator('table.matrix tbody tr')).toHaveCount(47);
    // 导入任务表 reads a saved web page (reader/tests/fixtures/family-b.html: five tasks).
    await page.goto('./reader/');
    await page.setInputFiles('#reader-file', new URL('../../../reader/tests/fixtures/family-b.html', import.meta.url).pathname);
    await expect(page.locator('li.reader-task')).toHaveCount(5);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('Chromium 92 is told that the browser is too old, not that the files failed to load', async ({ baseURL }) => {
  test.setTimeout(60_000);
  const { browser, page } = await launch('92', baseURL);
  try {
    expect(browser.version()).toMatch(/^92\./);
    await page.goto(`./#${hashOf({ unit: '市财政局' })}`);
    // Waited for in the page's own script: Playwright's text assertions call
    // element.checkVisibility when they retry, which Chromium 92 lacks (a flaky failure).
    await page.waitForFunction(() => document.body.textContent.includes('本浏览器版本过旧'), null, { timeout: 20_000 });
    const text = await page.evaluate(() => document.body.textContent);
    expect(text).toContain('本浏览器版本过旧，无法使用本页面');
    expect(text).not.toContain('未能完整加载');
    await expect(page.locator('tr[data-task-id]')).toHaveCount(0);
  } finally {
    await browser.close();
  }
});
