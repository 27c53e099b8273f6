// Where a `--cpu-prof` profile of `next start` spent its time (e.g. from
// `BENCH_NEXT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:webhooks`): self time
// grouped by npm package or by our own source file, mapped through the production build's source
// maps (the chunks are minified), then the top functions.
// Usage: node bench/cpu-profile-summary.mjs <file.cpuprofile> [top=30]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceMap } from 'node:module';

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/cpu-profile-summary.mjs <file.cpuprofile> [top]');
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const consumers = new Map();
function consumerFor(url) {
  if (!consumers.has(url)) {
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    consumers.set(url, existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : null);
  }
  return consumers.get(url);
}

/** `{ group, fn }` of a call frame: the original source and name when the chunk has a map. */
function place({ url, functionName, lineNumber, columnNumber }) {
  if (!url) return { group: functionName || '(native)', fn: functionName || '(native)' };
  let source = url;
  let name = functionName || '(anonymous)';
  let line = lineNumber + 1;
  if (url.includes('/.next/')) {
    const original = consumerFor(url)?.findOrigin(line, columnNumber + 1);
    if (original?.fileName) {
      source = original.fileName;
      name = original.name ?? name;
      line = original.lineNumber;
    }
  }
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const group = pkg ? pkg[1] : source.replace(/^.*?\/(?=(app|lib|db|components|src)\/)/, '').replace(/^file:\/\//, '');
  return { group, fn: `${name} (${group}${pkg ? '' : `:${line}`})` };
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byGroup = new Map();
const byFn = new Map();
for (const [id, us] of self) {
  const { group, fn } = place(nodes.get(id).callFrame);
  byGroup.set(group, (byGroup.get(group) ?? 0) + us);
  byFn.set(fn, (byFn.get(fn) ?? 0) + us);
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * us) / total).toFixed(1).padStart(6)} %  ${key}`);
};
console.log(`${(total / 1000).toFixed(0)} ms sampled (idle included)`);
print('Self time by package or source file', byGroup);
print('Self time by function', byFn);
