// Trunk post_build hook (Trunk.toml): finishes the page just built, in its staging directory.
// Runs for each page's build: the task table's and, nested, the office page's
// (scripts/office-page.sh). One hook for both steps: hooks of a stage run at the same time, and
// both rewrite index.html.
//
// 1. Release builds: minifies wasm-bindgen's JavaScript glue with esbuild (installed by
//    scripts/tools.sh) and writes its new integrity hash into the page. Trunk's own minifier
//    cannot read the glue (it stops on `export … as default`): 2 kB less to download gzipped.
// 2. The Excel worker's loader, where this build has one: Trunk 0.21 writes
//    `wasm_bindgen("…_bg.wasm")`, a form that wasm-bindgen 0.2.130 still takes but warns about
//    in the console on every first click of an Excel button; the object form says the same.
// 3. Completes the Content-Security-Policy. The policy is a <meta> in the page's source
//    (index.html, public/office.html); its script-src allows the page's own files and
//    'wasm-unsafe-eval' (to compile the wasm), and inline scripts only by hash. Trunk writes
//    one inline script, the loader that imports the glue and starts the wasm (and `trunk
//    serve` a second, its live reload); their text is known only now, after the build and
//    the HTML minifier, so every inline script of the written page is hashed and the hashes
//    added to script-src. A script put into the page later (an injection) matches no hash and
//    does not run.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('finish-page.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const digest = (algorithm, text) => createHash(algorithm).update(text).digest('base64');

// 1. The glue: the module the loader imports (`import init … from './gk-app-….js'`).
if (process.env.TRUNK_PROFILE === 'release') {
  const glue = html.match(/import init[^'"]*from\s*['"]\.\/([^'"]+\.js)['"]/);
  if (!glue) throw new Error(`${file}: no loader importing the JavaScript glue`);
  const path = join(dir, glue[1]);
  const before = readFileSync(path);
  execFileSync('esbuild', [path, '--minify', '--format=esm', `--outfile=${path}`, '--allow-overwrite', '--log-level=warning']);
  const after = readFileSync(path);
  html = html.replaceAll(`sha384-${digest('sha384', before)}`, `sha384-${digest('sha384', after)}`);
  console.log(`finish-page.mjs: ${glue[1]} minified, ${before.length} → ${after.length} bytes`);
}

// 2. The Excel worker's loader.
const loader = join(dir, 'gk-xlsx-worker_loader.js');
if (existsSync(loader)) {
  const text = readFileSync(loader, 'utf8');
  const fixed = text.replace(/wasm_bindgen\(("[^"]+")\)/, 'wasm_bindgen({module_or_path:$1})');
  if (fixed === text && !text.includes('module_or_path')) throw new Error(`${loader}: no wasm_bindgen("…") call to rewrite`);
  writeFileSync(loader, fixed);
}

// 3. Inline scripts: <script ...> with no src attribute, and their exact text.
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  hashes.push(`'sha256-${digest('sha256', m[2])}'`);
}
// The policy's <meta>, whichever order the minifier left its attributes in.
const tag = [...html.matchAll(/<meta\b[^>]*>/gi)].find((m) => /http-equiv="?Content-Security-Policy/i.test(m[0]));
const content = tag && tag[0].match(/content="([^"]*)"/);
if (!content) throw new Error(`${file}: no <meta http-equiv="Content-Security-Policy" content="…"> to complete`);
const policy = content[1].replace(/script-src ([^;]*)/, (all, sources) =>
  `script-src ${[...sources.trim().split(/\s+/), ...hashes].join(' ')}`,
);
if (policy === content[1] && hashes.length) {
  throw new Error(`${file}: the policy has no script-src to add the inline scripts' hashes to`);
}
const completed = tag[0].replace(content[0], `content="${policy}"`);
html = html.slice(0, tag.index) + completed + html.slice(tag.index + tag[0].length);
writeFileSync(file, html);
console.log(`finish-page.mjs: ${hashes.length} inline script(s) allowed by hash in ${file}`);
