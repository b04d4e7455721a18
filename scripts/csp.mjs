// Trunk post_build hook (Trunk.toml): completes the Content-Security-Policy of the page just
// built. The policy is a <meta> in the page's source (index.html, public/office.html); its
// script-src allows the page's own files and 'wasm-unsafe-eval' (to compile the wasm), and
// inline scripts only by hash. Trunk writes one inline script of its own, the loader that
// imports the JS glue and starts the wasm (and `trunk serve` a second one, its live reload);
// their text is known only now, after the build and the minifier, so this hook hashes every
// inline script in the written page and adds the hashes to script-src. A script put into the
// page later (an injection) matches no hash and does not run.
//
// Runs for each page's build: the task table's and, nested, the office page's
// (scripts/office-page.sh), each on its own staging directory.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

// Inline scripts: <script ...> with no src attribute, and their exact text.
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  const digest = createHash('sha256').update(m[2], 'utf8').digest('base64');
  hashes.push(`'sha256-${digest}'`);
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
console.log(`csp.mjs: ${hashes.length} inline script(s) allowed by hash in ${file}`);
