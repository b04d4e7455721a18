// End-to-end tests against the release build in dist/, served under /gk/ on 127.0.0.1.
// Playwright drives Debian's Chromium; it never downloads a browser.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8099);
// The build under test (default: the release build of `make dist`).
const dist = process.env.E2E_DIST ?? '../../dist';

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/gk/`,
    // Every browser context starts as a returning user's: the 使用说明 of both pages seen
    // (src/guide.rs), so that its first-visit dialog does not cover the page being tested; they
    // are kept per table, so for each table of dist/tables/tables.json.
    // guide.spec.mjs starts without it, as a first visit does.
    storageState: {
      cookies: [],
      origins: [
        {
          origin: `http://127.0.0.1:${port}`,
          localStorage: ['taian-2017', 'daiyue-2026'].flatMap((id) =>
            ['table', 'office'].map((page) => ({ name: `gk:${id}:guide:${page}`, value: '1' })),
          ),
        },
      ],
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node serve.mjs ${dist} ${port} /gk/`,
    url: `http://127.0.0.1:${port}/gk/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
