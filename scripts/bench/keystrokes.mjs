// npm run build && node scripts/bench/keystrokes.mjs
// The editor benchmark's edits (editor.mjs: same document, same seed), linted in process with a
// LintSession: how long each re-lint takes and what the incremental parser did, slowest first.
// For finding where keystroke latency goes; `npm run bench` gives the figures that count.
import { createRequire } from 'node:module';
import { rng, spec } from './generate.mjs';

const require = createRequire(import.meta.url);
const { lint, LintSession } = require('../../dist/engine.js');

const lines = spec({ seed: 5000, lines: 5000 }).split('\n');
const session = new LintSession();
lint(lines.join('\n'), { session });
const r = rng(42);
const chars = 'abcxyz最的。，线下 1#-';
const rows = [];
for (let k = 0; k < 200; k++) {
  const line = r.int(lines.length);
  const character = r.int(lines[line].length + 1);
  const ch = chars[r.int(chars.length)];
  const del = r.next() < 0.5 && character < lines[line].length;
  lines[line] = del ? lines[line].slice(0, character) + lines[line].slice(character + 1) : lines[line].slice(0, character) + ch + lines[line].slice(character);
  const text = lines.join('\n');
  const t = performance.now();
  lint(text, { session });
  rows.push({ ms: performance.now() - t, ...session.parser.last, line: lines[line].slice(0, 50) });
}
const times = rows.map((x) => x.ms).sort((a, b) => a - b);
console.log(`re-lint in process: median ${times[100].toFixed(1)} ms, p95 ${times[189].toFixed(1)} ms; slowest:`);
for (const row of rows.sort((a, b) => b.ms - a.ms).slice(0, 12)) console.log(`${row.ms.toFixed(1).padStart(7)} ms  ${row.kind.padEnd(11)} ${String(row.parsedLength).padStart(7)}  ${JSON.stringify(row.line)}`);
