import { test, expect } from '@playwright/test';
import { table, watch, openApp, taskRows } from './helpers.mjs';

test('shows the title and all 139 tasks in source order, with no console error or outside request', async ({ page }) => {
  const w = watch(page);
  await openApp(page);
  await expect(page.locator('h1')).toHaveText('2017年泰安市政务公开重点工作任务分解表');
  await expect(page).toHaveTitle('2017年泰安市政务公开重点工作任务台账');
  await expect(taskRows(page)).toHaveCount(139);
  const ids = await taskRows(page).evaluateAll((rows) => rows.map((r) => r.dataset.taskId));
  expect(ids).toEqual(table.tasks.map((t) => t.id));
  // Grouped under the six pillar and 24 section headings.
  await expect(page.locator('tr.pillar-row h2')).toHaveCount(6);
  await expect(page.locator('tr.section-row h3')).toHaveCount(24);
  await expect(page.locator('tr.section-row h3').first()).toHaveText(table.sections[0].name);
  // A row shows its text and units.
  const first = page.locator('tr[data-task-id="1.1.1"]');
  await expect(first).toContainText(table.tasks[0].text.slice(0, 20));
  await expect(first).toContainText(table.tasks[0].lead[0]);
  w.expectClean();
});

test('the static page paints a title and a loading notice before the wasm starts', async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  // The link chooses the table, so the static page names none; the app then names its table
  // (in the masthead and the window's title).
  await expect(page.locator('h1')).toHaveText('政务公开重点工作任务台账');
  await expect(page.locator('.boot-notice').first()).toContainText('正在加载');
  await context.close();
  // Browsers without JavaScript get the <noscript> message. (Chromium with scripts disabled by
  // DevTools still parses <noscript> as if scripting were on, so check the served HTML itself.)
  const html = await (await request.get('./')).text();
  expect(html).toMatch(/<noscript>[\s\S]*本页面需要启用 JavaScript[\s\S]*<\/noscript>/);
});

test('works under a sub-path: every asset is loaded relative to /gk/', async ({ page }) => {
  const urls = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await openApp(page);
  await expect(taskRows(page)).toHaveCount(139);
  expect(urls.length).toBeGreaterThan(2);
  for (const u of urls) expect(u.startsWith('/gk/'), u).toBe(true);
});

// public/boot.js: a message in Chinese instead of a page that waits forever.
for (const [page_, path] of [['task table', './'], ['office page', './office/']]) {
  test(`the ${page_}: a file that fails to load gives a message, not an endless loading notice`, async ({ page }) => {
    await page.route('**/*_bg.wasm', (route) => route.abort());
    await page.goto(path);
    await expect(page.getByRole('alert')).toHaveText(/^页面文件未能完整加载，无法显示。请刷新页面重试/);
    await expect(page.getByText('请稍候')).toHaveCount(0);
  });
}

test('a browser without WebAssembly is told to use a newer one', async ({ page }) => {
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('本浏览器版本过旧，无法使用本页面');
  await expect(page.getByRole('alert')).toContainText('360 浏览器（极速模式）');
});

test('a browser that refuses to compile WebAssembly (its CSP too old for wasm-unsafe-eval) is told it is too old', async ({ page }) => {
  // Chromium 92's words when its CSP does not know 'wasm-unsafe-eval'.
  await page.addInitScript(() => {
    const refuse = () =>
      Promise.reject(new WebAssembly.CompileError('WebAssembly.instantiate(): Wasm code generation disallowed by embedder'));
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.instantiate = refuse;
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toHaveText(/^本浏览器版本过旧，无法使用本页面。/);
});

test('a failure during the start that is not a file failing to load says so', async ({ page }) => {
  // Any exception while the app runs its start, here the browser's fetch of the table list
  // throwing (the app's own files load as ever).
  await page.addInitScript(() => {
    const fetch = window.fetch;
    window.fetch = function (url, ...rest) {
      if (String(url).includes('tables.json')) throw new Error('blocked by a test');
      return fetch.call(this, url, ...rest);
    };
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toHaveText(
    '页面启动时出现内部错误，无法显示。已保存的记录不会丢失，请刷新页面重试；如仍不能显示，请联系系统管理员。',
  );
  await expect(page.getByText('请稍候')).toHaveCount(0);
});

test('an internal error after the start says so, and that saved records are kept', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A panic stops the wasm with a trap: an uncaught WebAssembly.RuntimeError.
  await page.evaluate(() => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError('unreachable');
    });
  });
  const banner = page.getByRole('alert');
  await expect(banner).toHaveText('页面出现内部错误，已停止响应。已保存的记录不会丢失，请刷新页面后继续。');
  await expect(banner).toHaveClass(/crash-banner/);
});
