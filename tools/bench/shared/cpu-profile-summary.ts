// Summarises V8 CPU profiles (node --cpu-prof): the functions with the most self time, and the files.
//   npx tsx tools/bench/shared/cpu-profile-summary.ts <dir or .cpuprofile> [--top 25]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

type ProfileNode = {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' } },
  allowPositionals: true,
});
const target = positionals[0];
if (!target) {
  console.error('usage: cpu-profile-summary.ts <dir or .cpuprofile> [--top 25]');
  process.exit(2);
}
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => path.join(target, name))
  : [target];

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
// Total time (self and callees) of the project's own functions, counted once per sample.
const inclusive = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = nodes.get(id)!.callFrame;
    const short = frame.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '~/');
    const where = short ? `${short}:${frame.lineNumber + 1}` : '(native)';
    const name = `${frame.functionName || '(anonymous)'} ${where}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byFile.set(short || frame.functionName, (byFile.get(short || frame.functionName) ?? 0) + micros);
    total += micros;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const { functionName, url, lineNumber } = nodes.get(at)!.callFrame;
      if (!url.includes('/content-api/src/') || url.includes('node_modules')) continue;
      const own = `${functionName || '(anonymous)'} ${url.replace(/.*\/content-api\/src\//, '')}:${lineNumber + 1}`;
      if (!seen.has(own)) inclusive.set(own, (inclusive.get(own) ?? 0) + micros);
      seen.add(own);
    }
  });
}
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(
      `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
  }
};
console.log(`${files.length} profile(s), ${(total / 1e6).toFixed(1)} s sampled`);
print('self time by function', byFunction);
print('self time by file', byFile);
print('total time of content-api functions (with callees)', inclusive);
