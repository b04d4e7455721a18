// Trunk post_build hook (Trunk.toml): finishes the page just built, in its staging directory.
// Runs for each page's build: the task table's and, nested, the office page's
// (scripts/office-page.sh). One hook for both steps: hooks of a stage run at the same time, and
// both rewrite index.html.
//
// 0. Split points: a page whose wasm has #[wasm_split] points (the task table's) is made again
//    from the wasm that cargo linked, by the steps Trunk took, with wasm-split-cli (installed
//    by scripts/tools.sh) first, as cargo-leptos does for `--split`: the code reached only
//    through a split point goes into a wasm file of its own (`split_<name>-<hash>.wasm`),
//    fetched and instantiated by the link module (`split-<hash>.js`, which the glue imports)
//    on the first call, against the page's memory and function table. The rest is Trunk's:
//    wasm-bindgen, then in release builds wasm-opt with the page's options on each wasm.
//    Trunk cannot do it: it has no step between cargo and wasm-bindgen.
// 1. Release builds: minifies wasm-bindgen's JavaScript glue with esbuild (installed by
//    scripts/tools.sh) and writes its new integrity hash into the page. Trunk's own minifier
//    cannot read the glue (it stops on `export … as default`): 2 kB less to download gzipped.
//    Then the names by which the wasm imports the glue's functions: wasm-bindgen names each
//    `__wbg_<name>_<16 hex digits>` in a module `./<crate>_bg.js`, 177 names and 6 kB on the
//    task table, their hashes random to a compressor; both files carry them. They become
//    short names (`a`, `b`, … `aa`, …) in both, and the wasm's integrity hash is written anew:
//    5 to 6 kB less gzip on each page (issue 21). So do the wasm's exports (`__wbindgen_malloc`,
//    `wasm_bindgen__convert__closures_____invoke__h<16 hex>`, …), which the glue reads as
//    properties of one object: each becomes a short name where the glue reads it only so.
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
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('finish-page.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const digest = (algorithm, text) => createHash(algorithm).update(text).digest('base64');

// 0. Split points.
let splitLink = '';
{
  const glue = html.match(/import init[^'"]*from\s*['"]\.\/([^'"]+)\.js['"]/);
  if (!glue) throw new Error(`${file}: no loader importing the JavaScript glue`);
  const gluePath = join(dir, `${glue[1]}.js`);
  if (readFileSync(gluePath, 'utf8').includes('__wasm_split_placeholder')) splitLink = split(glue[1]);
}

/** Makes the page's glue and wasm again from cargo's wasm, split; returns the link module. */
function split(name) {
  // Trunk writes its hash in hex without leading zeros: 15 digits or fewer, now and then.
  const crate = name.replace(/-[0-9a-f]{1,16}$/, '');
  const release = process.env.TRUNK_PROFILE === 'release';
  const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
  const target = resolve(source, process.env.CARGO_TARGET_DIR || 'target');
  const raw = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${crate}.wasm`);
  if (!existsSync(raw)) throw new Error(`split: no wasm linked by cargo at ${raw}`);
  const tmp = mkdtempSync(join(tmpdir(), 'gk-split-'));
  try {
    execFileSync('wasm-split-cli', [raw, tmp, '--out-name', name], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('wasm-bindgen', [join(tmp, `${name}.wasm`), '--target', 'web', '--keep-lld-exports',
      '--no-typescript', '--out-dir', join(tmp, 'bg'), '--out-name', name]);
    const chunks = readdirSync(tmp).filter((f) => /^split_.*\.wasm$/.test(f));
    if (release) {
      // The options of the page's <link data-trunk rel="rust" … data-type="main">.
      const page = readFileSync(process.env.TRUNK_HTML_FILE, 'utf8');
      const link = [...page.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])
        .find((l) => /rel="rust"/.test(l) && /data-type="main"/.test(l));
      const level = link && link.match(/data-wasm-opt="([^"]*)"/);
      if (!level) throw new Error(`${process.env.TRUNK_HTML_FILE}: no main rust link with data-wasm-opt`);
      const params = (link.match(/data-wasm-opt-params="([^"]*)"/) || [, ''])[1].split(/\s+/).filter(Boolean);
      for (const f of [join(tmp, 'bg', `${name}_bg.wasm`), ...chunks.map((c) => join(tmp, c))]) {
        execFileSync('wasm-opt', [`-O${level[1]}`, ...params, f, '-o', f]);
      }
    }
    const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    let linkJs = readFileSync(join(tmp, '__wasm_split.js'), 'utf8');
    for (const c of chunks) {
      const bytes = readFileSync(join(tmp, c));
      const to = c.replace(/\.wasm$/, `-${hash(bytes)}.wasm`);
      linkJs = replaceOnce(linkJs, `"./${c}"`, `"./${to}"`, '__wasm_split.js');
      writeFileSync(join(dir, to), bytes);
    }
    // A chunk is read whole and then compiled, whatever type the server sends for a .wasm
    // (an intranet server may not know the type), and an HTTP error fails the load.
    const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
    const n = linkJs.split(streaming).length - 1;
    if (n !== chunks.length) throw new Error(`__wasm_split.js: ${n} instantiateStreaming calls for ${chunks.length} chunks`);
    linkJs = linkJs.replaceAll(streaming,
      "src.then((r) => { if (!r.ok) throw new Error(`${r.url}: HTTP ${r.status}`); return r.arrayBuffer(); })" +
      '.then((b) => WebAssembly.instantiate(b, imports))');
    const linkName = `split-${hash(linkJs)}.js`;
    writeFileSync(join(dir, linkName), linkJs);
    let js = readFileSync(join(tmp, 'bg', `${name}.js`), 'utf8');
    // The glue imports it (the key of the wasm's imports from it stays the wasm's name).
    js = replaceOnce(js, 'from "./__wasm_split.js"', `from "./${linkName}"`, `${name}.js`);
    const wasm = readFileSync(join(tmp, 'bg', `${name}_bg.wasm`));
    for (const [f, bytes] of [[`${name}.js`, js], [`${name}_bg.wasm`, wasm]]) {
      const old = `sha384-${digest('sha384', readFileSync(join(dir, f)))}`;
      html = html.replaceAll(old, `sha384-${digest('sha384', bytes)}`);
      writeFileSync(join(dir, f), bytes);
    }
    console.log(`finish-page.mjs: ${name} split at its split points: ${chunks.join(', ')}, ${linkName}`);
    return linkJs;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function replaceOnce(text, from, to, what) {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`${what}: ${from} found ${n} times, not once`);
  return text.replace(from, to);
}

// 1. The glue: the module the loader imports (`import init … from './gk-app-….js'`).
if (process.env.TRUNK_PROFILE === 'release') {
  const glue = html.match(/import init[^'"]*from\s*['"]\.\/([^'"]+\.js)['"]/);
  if (!glue) throw new Error(`${file}: no loader importing the JavaScript glue`);
  const path = join(dir, glue[1]);
  const before = readFileSync(path);
  execFileSync('esbuild', [path, '--minify', '--format=esm', `--outfile=${path}`, '--allow-overwrite', '--log-level=warning']);
  const minified = readFileSync(path);
  const wasmName = html.match(/module_or_path:\s*['"]\.\/([^'"]+\.wasm)['"]/);
  if (!wasmName) throw new Error(`${file}: no loader naming the wasm`);
  const wasmPath = join(dir, wasmName[1]);
  const wasmBefore = readFileSync(wasmPath);
  const imported = shortImports(wasmBefore, minified.toString('utf8'), wasmName[1]);
  const { wasm, js } = shortExports(imported.wasm, imported.js, wasmName[1], splitLink);
  writeFileSync(wasmPath, wasm);
  writeFileSync(path, js);
  const after = readFileSync(path);
  for (const [from, to] of [[before, after], [wasmBefore, wasm]]) {
    const old = `sha384-${digest('sha384', from)}`;
    if (!html.includes(old)) throw new Error(`${file}: no integrity hash ${old} to rewrite`);
    html = html.replaceAll(old, `sha384-${digest('sha384', to)}`);
  }
  console.log(`finish-page.mjs: ${glue[1]} minified, ${before.length} → ${minified.length} bytes; ` +
    `imports and exports renamed, glue → ${after.length}, ${wasmName[1]} ${wasmBefore.length} → ${wasm.length} bytes`);
}

/** The wasm's imports from the glue renamed to short names, in the wasm and in the glue. */
function shortImports(wasm, js, what) {
  const { leb, uleb, str } = wasmBytes(wasm);
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(at + 1);
    if (id !== 2) { at = body + size; continue; }
    const [count, first] = leb(body);
    let p = first;
    const out = [...uleb(count)];
    const names = new Map();
    let module = null;
    for (let i = 0; i < count; i++) {
      const [ml, m0] = leb(p); const mod = wasm.subarray(m0, m0 + ml).toString('utf8'); p = m0 + ml;
      const [nl, n0] = leb(p); const name = wasm.subarray(n0, n0 + nl).toString('utf8'); p = n0 + nl;
      const descStart = p;
      const kind = wasm[p++];
      if (kind === 0) [, p] = leb(p);
      else if (kind === 1 || kind === 2) {
        if (kind === 1) p++;
        const flags = wasm[p++];
        [, p] = leb(p);
        if (flags & 1) [, p] = leb(p);
      } else if (kind === 3) p += 2;
      else if (kind === 4) { p++; [, p] = leb(p); }
      else throw new Error(`${what}: import of unknown kind ${kind}`);
      const desc = [...wasm.subarray(descStart, p)];
      if (/^\.\/.*_bg\.js$/.test(mod)) {
        if (module !== null && module !== mod) throw new Error(`${what}: imports from two glue modules`);
        module = mod;
        if (!names.has(name)) names.set(name, shortName(names.size));
        out.push(...str('a'), ...str(names.get(name)), ...desc);
      } else out.push(...str(mod), ...str(name), ...desc);
    }
    if (p !== body + size) throw new Error(`${what}: import section not read to its end`);
    if (module === null) return { wasm, js };
    // The glue names the module once, as the key of its imports object, and each import once.
    const quoted = (s) => new RegExp(`(["'])${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\1`, 'g');
    if ((js.match(quoted(module)) || []).length !== 1) throw new Error(`${what}: the glue names ${module} other than once`);
    js = js.replace(quoted(module), 'a');
    for (const [name, to] of names) {
      const re = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      const n = (js.match(re) || []).length;
      if (n !== 1) throw new Error(`${what}: the glue names ${name} ${n} times, not once`);
      js = js.replace(re, to);
    }
    const section = [...uleb(out.length), ...out];
    return {
      wasm: Buffer.concat([wasm.subarray(0, at + 1), Buffer.from(section), wasm.subarray(body + size)]),
      js,
    };
  }
  return { wasm, js };
}

/** Wasm helpers over a Buffer: read a LEB128 number at `at`, write one, a name's bytes. */
function wasmBytes(wasm) {
  const leb = (at) => {
    let value = 0, shift = 0, byte;
    do { byte = wasm[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return [value, at];
  };
  const uleb = (n) => {
    const out = [];
    do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
    return out;
  };
  const str = (s) => { const b = Buffer.from(s, 'utf8'); return [...uleb(b.length), ...b]; };
  return { leb, uleb, str };
}

/** The `i`th short name: a, b, …, Z, aa, ab, … */
function shortName(i) {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do { s = abc[i % abc.length] + s; i = Math.floor(i / abc.length) - 1; } while (i >= 0);
  return s;
}

/**
 * The wasm's exports renamed to short names, in the wasm and in the glue. The glue reads them
 * as properties of the instance's exports object (`c.__wbindgen_malloc` once minified); an
 * export whose name the glue also uses in any other way, or the split points' link module
 * (`others`) at all, keeps its name.
 */
function shortExports(wasm, js, what, others = '') {
  const { leb, uleb, str } = wasmBytes(wasm);
  const start = js.match(/([\w$]+)\.__wbindgen_start\b/);
  if (!start) throw new Error(`${what}: the glue never calls __wbindgen_start`);
  const owner = start[1];
  const esc = (s) => s.replace(/[$]/g, '\\$');
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(at + 1);
    if (id !== 7) { at = body + size; continue; }
    const [count, first] = leb(body);
    let p = first;
    const out = [...uleb(count)];
    const written = new Set();
    let n = 0;
    for (let i = 0; i < count; i++) {
      const [nl, n0] = leb(p); const name = wasm.subarray(n0, n0 + nl).toString('utf8'); p = n0 + nl;
      const descStart = p;
      p++;
      [, p] = leb(p);
      const desc = [...wasm.subarray(descStart, p)];
      const anyUse = new RegExp(`(?<![\\w$])${esc(name)}(?![\\w$])`, 'g');
      const read = new RegExp(`(?<![\\w$])${esc(owner)}\\.${esc(name)}(?![\\w$])`, 'g');
      const uses = (js.match(anyUse) || []).length;
      let to = name;
      if (uses > 0 && uses === (js.match(read) || []).length && !anyUse.test(others)) {
        to = `${shortName(n++)}`;
        js = js.replace(read, `${owner}.${to}`);
      }
      if (written.has(to)) throw new Error(`${what}: two exports named ${to}`);
      written.add(to);
      out.push(...str(to), ...desc);
    }
    if (p !== body + size) throw new Error(`${what}: export section not read to its end`);

    const section = [...uleb(out.length), ...out];
    return {
      wasm: Buffer.concat([wasm.subarray(0, at + 1), Buffer.from(section), wasm.subarray(body + size)]),
      js,
    };
  }
  return { wasm, js };
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
