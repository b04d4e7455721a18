// A plain static file server for dist/, on 127.0.0.1 only, under a sub-path (default /gk/),
// the way an intranet web server would host the app. Used by the end-to-end tests and the benchmark.
//
//   node serve.mjs <dir> [port] [base]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? '../../dist');
const port = Number(process.argv[3] ?? 8099);
const base = process.argv[4] ?? '/gk/';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// Compressed once per file version, as a server with precompressed files (nginx gzip_static) or
// a compression cache would: the benchmark times the app's load, not this server's gzip.
const compressed = new Map();
function gzipped(path, mtime, body) {
  const hit = compressed.get(path);
  if (hit && hit.mtime === mtime) return hit.body;
  const gz = gzipSync(body, { level: 9 });
  compressed.set(path, { mtime, body: gz });
  return gz;
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === base.replace(/\/$/, '')) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end('not found');
    return;
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const info = await stat(file);
    const path = info.isDirectory() ? join(file, 'index.html') : file;
    let body = await readFile(path);
    const headers = { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !/\.(png|ico)$/.test(path)) {
      body = gzipped(path, info.isDirectory() ? (await stat(path)).mtimeMs : info.mtimeMs, body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
});
