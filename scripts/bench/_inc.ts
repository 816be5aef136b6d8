import { readFileSync } from 'node:fs';
import { lint } from '../../server/src/engine/lint.ts';
import { LintSession } from '../../server/src/engine/incremental.ts';
let text = readFileSync('/tmp/nfb/5k.md', 'utf8');
const s = new LintSession();
lint(text, { session: s });
const times: number[] = [];
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
for (let i = 0; i < 60; i++) {
  const at = Math.floor(rnd() * text.length);
  text = text.slice(0, at) + 'x' + text.slice(at);
  const t = performance.now(); lint(text, { session: s }); times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log('median', times[30].toFixed(1), 'p95', times[57].toFixed(1));
