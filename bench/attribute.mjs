// What a page's first-load JS is made of: Turbopack's analysis of the same sources
// (`next analyze --output`, then `next analyze export --route`) lists every module in every client
// chunk with its gzip size on its own. Modules are grouped by npm package (our own code by file), and
// each group gets its share of the page's measured gzip total (modules gzip better together, and the
// analysis measures them before minification, so its own sums are larger than what is served).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const next = 'node_modules/.bin/next';
const analysis = '.next/diagnostics/analyze';
// What an empty Next 16 page is made of too.
const FRAMEWORK = /^(next|react|react-dom|scheduler|@swc\/helpers|@next\/[^/]+|\[turbopack\].*)$/;

/** Runs Turbopack's analysis when there is none newer than the build (about as long as a build). */
export function ensureAnalysis() {
  if (existsSync(analysis) && statSync(analysis).mtimeMs > statSync('.next/BUILD_ID').mtimeMs) return;
  console.log('Analysing the build’s modules (next analyze --output)…');
  execFileSync(next, ['analyze', '--output'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** `{ framework, rows: [{ name, kb }] }` for the page's first-load scripts, scaled to `totalKb`. */
export function attribute(route, totalKb) {
  const records = execFileSync(next, ['analyze', 'export', '--route', route], { maxBuffer: 1 << 30 })
    .toString()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  // Chunks the page loads up front: bootstrap and render groups, not async imports.
  const chunks = new Set(
    records
      .filter((r) => r.type === 'group' && r.kind !== 'async')
      .flatMap((g) => g.outputs)
      .filter((f) => f.startsWith('[client-fs]/') && f.endsWith('.js')),
  );
  const bytes = new Map();
  for (const part of records) {
    if (part.type !== 'part' || !chunks.has(part.filename)) continue;
    if (part.source_path.includes('/polyfills/polyfill-nomodule')) continue; // modern browsers skip it
    const name = groupOf(part.source_path);
    bytes.set(name, (bytes.get(name) ?? 0) + part.compressed_size);
  }
  const sum = [...bytes.values()].reduce((a, b) => a + b, 0);
  const scale = totalKb / sum;
  let framework = 0;
  const rows = [];
  for (const [name, b] of bytes) {
    if (FRAMEWORK.test(name)) framework += b * scale;
    else rows.push({ name, kb: b * scale });
  }
  return { framework, rows: rows.sort((a, b) => b.kb - a.kb) };
}

function groupOf(sourcePath) {
  const pkg = sourcePath.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (!sourcePath.startsWith('[project]/')) return '[turbopack] runtime';
  return sourcePath.slice('[project]/'.length);
}
