// The benchmark of `make bench` (driven by scripts/bench.sh): load weight, time to table,
// filter and search latency at 139 and 10,000 tasks, and import/merge speed, against release
// builds served on 127.0.0.1 by serve.mjs (gzip, as a production server would). Playwright
// drives Debian's Chromium; it never downloads a browser. Prints a table, writes a JSON
// report, and exits non-zero when a budget is missed.
//
//   node bench.mjs --dist <dir> --dist-10k <dir> [--native <merge json>] [--out <report.json>]
//                  [--port 8291] [--loads 15] [--changes 60]
//
// Timing is done inside the page with performance.now(): a change is dispatched on the real
// control at the start of a frame (in a requestAnimationFrame callback) and the figure runs
// to the end of that frame's rendering (a message posted from the callback is handled once
// style, layout and paint are done). It includes the app's work and the browser's rendering,
// not the wait for the display's next frame (up to 16.7 ms at 60 Hz) nor Playwright's round
// trips.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(new URL(import.meta.url).pathname);
const root = resolve(here, '../..');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}
const args = parseArgs(process.argv.slice(2));
const dist = resolve(args.dist ?? `${root}/target/bench/dist`);
const dist10k = resolve(args['dist-10k'] ?? `${root}/target/bench/dist-10k`);
const outFile = resolve(args.out ?? `${root}/bench/out/report.json`);
const port = Number(args.port ?? 8291);
const LOADS = Number(args.loads ?? 15);
const CHANGES = Number(args.changes ?? 60);
const native = args.native ? JSON.parse(readFileSync(args.native, 'utf8')) : null;
// For development: `--only 139` or `--only 10k` runs one variant (budgets are then not checked).
const only = args.only ?? null;

const KB = 1000; // kB: 1,000 bytes
const BUDGETS = {
  transferKB: 150, // total first-load transfer, compressed
  tableMs: 300, // navigation to the full table painted, median, 139 tasks
  filterMs: 16, // filter change to paint, median, each change, 139 tasks
  narrow10kMs: 50, // a narrowing filter change at 10,000 tasks, median
  clear10kMs: 200, // clearing all filters at 10,000 tasks, median
  mergeMs: 100, // importing and merging 50 files of 139 entries, in the browser, median
};

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank.
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}
const summary = (xs) => ({ n: xs.length, median: median(xs), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) });

// ---------------------------------------------------------------------------------------------
// Servers and browser

function serve(dir, p) {
  const child = spawn(process.execPath, [resolve(here, 'serve.mjs'), dir, String(p), '/gk/'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.stdout.once('data', () => ok(child));
    child.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
}

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

// Runs in every page before its scripts: notes when `expected` task rows are in the document
// (a MutationObserver, independent of the app's own mark) and when that was painted. The
// 10,000-task build renders a long view a block at a time: there it waits for the first block.
function pageProbe(expected) {
  window.__probe = { rowsAt: null, paintedAt: null };
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(null);
    });
  const check = () => {
    if (window.__probe.rowsAt !== null) return;
    const tbody = document.querySelector('table.tasks tbody');
    const n = tbody ? tbody.querySelectorAll('tr[data-task-id]:not([hidden])').length : 0;
    if (n >= expected) {
      window.__probe.rowsAt = performance.now();
      window.__probe.rows = n;
      observer.disconnect();
      afterPaint((t) => (window.__probe.paintedAt = t));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

async function newPage(expected) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(pageProbe, expected);
  return { context, page, errors };
}

async function waitForTable(page) {
  await page.waitForFunction(() => window.__probe?.paintedAt != null, null, { timeout: 120_000 });
}

// ---------------------------------------------------------------------------------------------
// Weight

function kind(url, resourceType) {
  const path = new URL(url).pathname;
  if (resourceType === 'document' || path.endsWith('.html') || path.endsWith('/')) return 'html';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  return 'other';
}

// `ready`: a selector to wait for instead of the task table (the office page).
async function weight(base, expected, ready = null) {
  const { context, page } = await newPage(expected);
  const seen = [];
  page.on('requestfinished', (req) => seen.push(req));
  await page.goto(base);
  if (ready) await page.waitForSelector(ready);
  else await waitForTable(page);
  await page.waitForLoadState('networkidle');
  const files = [];
  for (const req of seen) {
    const res = await req.response();
    if (!res) continue;
    const sizes = await req.sizes();
    const body = await res.body();
    files.push({
      url: new URL(req.url()).pathname,
      kind: kind(req.url(), req.resourceType()),
      encoding: res.headers()['content-encoding'] ?? 'identity',
      raw: body.length,
      transferred: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
    });
  }
  await context.close();
  const byKind = {};
  for (const k of ['wasm', 'js', 'html', 'css', 'other']) {
    const fs = files.filter((f) => f.kind === k);
    byKind[k] = { raw: fs.reduce((s, f) => s + f.raw, 0), compressed: fs.reduce((s, f) => s + f.transferred, 0) };
  }
  const json = readFileSync(`${root}/data/taian-2017.json`);
  return {
    files,
    byKind,
    total: {
      raw: files.reduce((s, f) => s + f.raw, 0),
      compressed: files.reduce((s, f) => s + f.transferred, 0),
      headers: files.reduce((s, f) => s + f.headers, 0),
    },
    // The table ships inside the wasm; this is the JSON it is embedded from.
    data: { raw: json.length, gzip: gzipSync(json, { level: 9 }).length },
  };
}

// ---------------------------------------------------------------------------------------------
// Load times

async function loadTimes(base, expected, runs) {
  const out = { fcp: [], rows: [], painted: [], mark: [], rows_rendered: [] };
  for (let i = 0; i < runs; i++) {
    const { context, page, errors } = await newPage(expected);
    await page.goto(base);
    await waitForTable(page);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      mark: performance.getEntriesByName('table-rendered')[0]?.startTime ?? null,
      rows: window.__probe.rowsAt,
      painted: window.__probe.paintedAt,
      rows_rendered: window.__probe.rows,
    }));
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    for (const k of Object.keys(out)) if (t[k] != null) out[k].push(t[k]);
    await context.close();
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, summary(v)]));
}

// ---------------------------------------------------------------------------------------------
// Interaction latency (in the page)

// Installed in the page: `__bench.run(steps)` where each step is [action, arg, measured].
function installHarness() {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const settle = async () => {
    // Let whatever the change scheduled (effects, storage writes) finish.
    await frame();
    await frame();
    await new Promise((r) => setTimeout(r, 20));
  };
  const rows = () => document.querySelectorAll('table.tasks tbody tr[data-task-id]:not([hidden])').length;
  const actions = {
    pillar(p) {
      document.querySelector(`button.chip[data-pillar="${p}"]`).click();
    },
    unit(name) {
      const s = document.querySelector('#unit');
      s.value = name;
      s.dispatchEvent(new Event('change', { bubbles: true }));
    },
    clear() {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === '清除全部筛选');
      b.click();
    },
    // The browser's own cost of the clear: hide most rows, then show every row again,
    // directly on the DOM with no app code involved.
    floorHide(k) {
      document.querySelectorAll('table.tasks tbody tr').forEach((r, j) => {
        if (j % 7 !== k % 7) r.style.display = 'none';
      });
    },
    floorShow() {
      document.querySelectorAll('table.tasks tbody tr').forEach((r) => (r.style.display = ''));
    },
    search(text) {
      const q = document.querySelector('#q');
      q.value = text;
      q.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    },
  };
  // Dispatches at the start of a frame; resolves after that frame's rendering.
  const timed = (act) =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const start = performance.now();
        performance.mark('bench-change');
        act();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const end = performance.now();
          performance.measure('bench-change-to-paint', 'bench-change');
          resolve(end - start);
        };
        ch.port2.postMessage(null);
      }),
    );
  window.__bench = {
    async run(steps) {
      const out = [];
      for (const [action, arg, label] of steps) {
        const act = () => actions[action](arg);
        if (label) {
          const before = rows();
          const ms = await timed(act);
          out.push({ label, ms, before, after: rows() });
        } else {
          act();
        }
        await settle();
      }
      return out;
    },
    units: () => [...document.querySelectorAll('#unit option')].map((o) => o.value).filter(Boolean),
    rows,
  };
}

function searchSteps(n) {
  // Typing and then deleting words, one keystroke at a time.
  const words = ['政务公开', '信息', '市财政局', '解读', '网站', '各县', '公开'];
  const steps = [];
  for (let w = 0; steps.length < n; w++) {
    const word = words[w % words.length];
    for (let i = 1; i <= word.length; i++) steps.push(['search', word.slice(0, i), 'search']);
    for (let i = word.length - 1; i >= 0; i--) steps.push(['search', word.slice(0, i), 'search']);
  }
  return steps;
}

async function latencies(base, expected, changes) {
  const { context, page, errors } = await newPage(expected);
  await page.goto(base);
  await waitForTable(page);
  await page.evaluate(installHarness);
  const units = await page.evaluate(() => window.__bench.units());
  const pick = units.filter((_, i) => i % 3 === 0); // a spread of units
  const run = (steps) => page.evaluate((s) => window.__bench.run(s), steps);

  const steps = [];
  // Pillar chip: switching from one pillar to another.
  steps.push(['pillar', 1, null]);
  for (let i = 0; i < changes; i++) steps.push(['pillar', ((i + 1) % 6) + 1, 'pillar']);
  steps.push(['clear', null, null]);
  // Unit: switching from one unit to another (the table shows that unit's column).
  for (let i = 0; i < changes; i++) steps.push(['unit', pick[i % pick.length], 'unit']);
  steps.push(['clear', null, null]);
  // Narrowing from the full table to one pillar, then clearing all filters back to it.
  for (let i = 0; i < changes; i++) {
    steps.push(['pillar', (i % 6) + 1, 'narrow']);
    steps.push(['clear', null, 'clear']);
  }
  // Search keystrokes.
  steps.push(...searchSteps(changes));
  steps.push(['search', '', null]);
  // For reference: the browser alone showing the full table again (no app code).
  if (expected > 1) {
    for (let i = 0; i < changes; i++) {
      steps.push(['floorHide', i, null]);
      steps.push(['floorShow', null, 'floor']);
    }
  }

  const results = await run(steps);
  if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  await context.close();

  const by = {};
  for (const r of results) (by[r.label] ??= []).push(r);
  const stats = {};
  for (const [label, rs] of Object.entries(by)) {
    stats[label] = {
      ...summary(rs.map((r) => r.ms)),
      rows_before: summary(rs.map((r) => r.before)).median,
      rows_after: summary(rs.map((r) => r.after)).median,
      changed: rs.filter((r) => r.before !== r.after || ['unit', 'search', 'floor'].includes(r.label)).length,
    };
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Merge in the browser (the bench hook of the synthetic-10k build)

async function browserMerge(base, expected, runs) {
  const { context, page, errors } = await newPage(expected);
  await page.goto(base);
  await waitForTable(page);
  const results = await page.evaluate((n) => {
    const out = [];
    for (let i = 0; i < n + 1; i++) out.push(JSON.parse(window.wasmBindings.bench_merge(50, 139)));
    return out;
  }, runs);
  if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  await context.close();
  const [first, ...rest] = results;
  const pick = (k) => summary(rest.map((r) => r[k]));
  return {
    first_run_ms: first.import_ms,
    import_ms: pick('import_ms'),
    parse_ms: pick('parse_ms'),
    preview_ms: pick('preview_ms'),
    apply_ms: pick('apply_ms'),
    merge_into_ms: pick('merge_into_ms'),
    parse_and_merge_ms: pick('parse_and_merge_ms'),
    entries: first.entries,
    result_entries: first.result_entries,
  };
}

// ---------------------------------------------------------------------------------------------
// Run

const machine = {
  nproc: Number(execFileSync('nproc').toString().trim()),
  loadavg_at_start: loadavg().map((x) => Number(x.toFixed(2))),
  cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? cpus()[0]?.model,
  chromium: `Chromium ${browser.version()}`,
  node: process.version,
  date: new Date().toISOString(),
};

const servers = [await serve(dist, port), await serve(dist10k, port + 1)];
const report = { machine, budgets: BUDGETS, variants: {}, native_merge: native };
try {
  for (const [name, base, expected] of [
    ['139', `http://127.0.0.1:${port}/gk/`, 139],
    ['10k', `http://127.0.0.1:${port + 1}/gk/`, 1],
  ]) {
    if (only && only !== name) continue;
    const v = {};
    process.stderr.write(`[bench] ${name} tasks: weight\n`);
    v.weight = await weight(base, expected);
    if (name === '139') {
      // For reference (no budget): the office page (汇总与导入), which units do not load.
      v.office_weight = await weight(`${base}office/`, expected, 'table.matrix');
    }
    process.stderr.write(`[bench] ${name} tasks: loads\n`);
    v.load = await loadTimes(base, expected, name === '139' ? LOADS : Math.max(5, Math.round(LOADS / 3)));
    process.stderr.write(`[bench] ${name} tasks: interactions\n`);
    v.interactions = await latencies(base, expected, CHANGES);
    report.variants[name] = v;
  }
  if (!only) {
    process.stderr.write('[bench] merge in the browser\n');
    report.browser_merge = await browserMerge(`http://127.0.0.1:${port + 1}/gk/`, 1, 11);
  }
} finally {
  machine.loadavg_at_end = loadavg().map((x) => Number(x.toFixed(2)));
  await browser.close();
  for (const s of servers) s.kill();
}

// ---------------------------------------------------------------------------------------------
// Budgets and output

if (only) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}

const v139 = report.variants['139'];
const v10k = report.variants['10k'];
const checks = [
  ['first-load transfer, compressed (kB)', v139.weight.total.compressed / KB, BUDGETS.transferKB],
  ['navigation → full table painted, median, 139 (ms)', v139.load.painted.median, BUDGETS.tableMs],
  ['pillar chip → paint, median, 139 (ms)', v139.interactions.pillar.median, BUDGETS.filterMs],
  ['unit → paint, median, 139 (ms)', v139.interactions.unit.median, BUDGETS.filterMs],
  ['clear all → paint, median, 139 (ms)', v139.interactions.clear.median, BUDGETS.filterMs],
  ['narrowing change → paint, median, 10k (ms)', v10k.interactions.narrow.median, BUDGETS.narrow10kMs],
  ['clear all → paint, median, 10k (ms)', v10k.interactions.clear.median, BUDGETS.clear10kMs],
  ['import 50 files, browser, median (ms)', report.browser_merge.import_ms.median, BUDGETS.mergeMs],
];
report.checks = checks.map(([what, value, budget]) => ({ what, value, budget, pass: value <= budget }));

const f = (x, d = 1) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
const kb = (b) => f(b / KB, 1);
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
lines.push(
  `Machine: ${machine.nproc} × ${machine.cpu}, ${machine.chromium}, ${machine.date.slice(0, 10)}; ` +
    `load average ${machine.loadavg_at_start[0]} at start, ${machine.loadavg_at_end[0]} at end`,
);
lines.push('');
row('Weight (first load)', 'raw kB', 'gzip kB');
row('---', '---:', '---:');
for (const k of ['wasm', 'js', 'html', 'css', 'other']) row(k, kb(v139.weight.byKind[k].raw), kb(v139.weight.byKind[k].compressed));
row('**total**', `**${kb(v139.weight.total.raw)}**`, `**${kb(v139.weight.total.compressed)}**`);
row('data (JSON, inside the wasm)', kb(v139.weight.data.raw), kb(v139.weight.data.gzip));
lines.push('');
lines.push(
  `For reference, the office page (汇总与导入, office/: import, the central view, export of all ` +
    `units), which units never load: ${kb(v139.office_weight.total.raw)} kB raw, ` +
    `${kb(v139.office_weight.total.compressed)} kB gzip (wasm ${kb(v139.office_weight.byKind.wasm.compressed)} kB).`,
);
lines.push('');
lines.push(
  `Rows rendered at first: ${v139.load.rows_rendered.median} of 139 tasks; ` +
    `${v10k.load.rows_rendered.median} of 10,000 (a long view renders a block of rows at a time, the next as the reader scrolls).`,
);
lines.push('');
row('Timing (ms)', '139 median', '139 p95', '10k median', '10k p95');
row('---', '---:', '---:', '---:', '---:');
const both = (label, get) => row(label, f(get(v139)?.median), f(get(v139)?.p95), f(get(v10k)?.median), f(get(v10k)?.p95));
both('navigation → first contentful paint', (v) => v.load.fcp);
both('navigation → table rows in the page', (v) => v.load.rows);
both('navigation → table painted', (v) => v.load.painted);
both('pillar chip → paint (pillar to pillar)', (v) => v.interactions.pillar);
both('unit → paint (unit to unit)', (v) => v.interactions.unit);
both('narrowing: all → one pillar → paint', (v) => v.interactions.narrow);
both('clear all filters → paint', (v) => v.interactions.clear);
both('search keystroke → paint', (v) => v.interactions.search);
both('reference: browser alone shows all rows again', (v) => v.interactions.floor);
lines.push('');
const bm = report.browser_merge;
row('Import of 50 files × 139 entries (ms)', 'browser (wasm) median', 'native median');
row('---', '---:', '---:');
row('parse (statefile::parse)', f(bm.parse_ms.median), f(native?.parse_ms));
row('preview (statefile::preview)', f(bm.preview_ms.median), f(native?.preview_ms));
row('apply (statefile::apply)', f(bm.apply_ms.median), f(native?.apply_ms));
row('**import: parse + preview + apply**', `**${f(bm.import_ms.median)}**`, `**${f(native?.import_ms)}**`);
row('parse + merge::merge_into', f(bm.parse_and_merge_ms.median), f(native?.parse_and_merge_ms));
lines.push('');
row('Budget', 'measured', 'budget', '');
row('---', '---:', '---:', '---');
for (const c of report.checks) row(c.what, f(c.value), String(c.budget), c.pass ? 'pass' : '**FAIL**');

const table = lines.join('\n');
report.table_markdown = table;
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
writeFileSync(outFile.replace(/\.json$/, '.md'), table + '\n');
console.log(table);
console.log(`\nreport: ${outFile}`);
const failed = report.checks.filter((c) => !c.pass);
if (failed.length) {
  console.error(`\n${failed.length} budget(s) missed: ${failed.map((c) => c.what).join('; ')}`);
  process.exit(1);
}
