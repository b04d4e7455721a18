// Older Chromium kernels for the older-browser layer (issue 23): the npm packages
// @sparticuz/chromium@109.0.6 (the last Chrome of Windows 7; 360's 108 kernel is close) and
// @sparticuz/chromium@92.0.0 (as 信创 browsers still ship) carry a headless Chromium build,
// brotli-compressed, inside the package. It is unpacked once into .tools/old-chromium/<version>/
// (git-ignored; the package's own unpacker writes to /tmp/chromium, one path for every version).
import { brotliDecompressSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';

const here = dirname(new URL(import.meta.url).pathname);
const require = createRequire(import.meta.url);

/** The path of the unpacked Chromium binary of `version` ('109' or '92'). */
export function oldChromium(version) {
  const dir = resolve(here, '../../.tools/old-chromium', version);
  const exe = resolve(dir, 'chromium');
  if (existsSync(exe)) return exe;
  const bin = resolve(dirname(require.resolve(`@sparticuz/chromium-${version}/package.json`)), 'bin');
  mkdirSync(dir, { recursive: true });
  // SwiftShader's libraries sit beside the binary, where Chromium looks for them.
  execFileSync('tar', ['-x', '-C', dir], { input: brotliDecompressSync(readFileSync(resolve(bin, 'swiftshader.tar.br'))) });
  // Written under another name first: a half-written binary is never taken for a whole one.
  writeFileSync(`${exe}.part`, brotliDecompressSync(readFileSync(resolve(bin, 'chromium.br'))));
  chmodSync(`${exe}.part`, 0o755);
  renameSync(`${exe}.part`, exe);
  return exe;
}
