// Runs the engine's property tests with many more cases than `npm test`:
// npm run fuzz -- --runs 20000 [--seed 42]
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { PROPERTIES } from '../test/property/properties.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs <= 0) {
  console.error(`fuzz: --runs takes a whole number above 0, not "${values.runs}".`);
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
let failed = 0;
let total = 0;
for (const [name, property] of Object.entries(PROPERTIES)) {
  const started = Date.now();
  const details = fc.check(property, { numRuns: runs, seed });
  total += details.numRuns;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    failed++;
    console.log(`FAIL ${name}: after ${details.numRuns} cases (seed ${seed}, path ${details.counterexamplePath})`);
    console.log(`  counterexample: ${JSON.stringify(details.counterexample)}`);
    console.log(`  ${String(details.errorInstance).split('\n').slice(0, 6).join('\n  ')}`);
  } else {
    console.log(`ok   ${name}: ${details.numRuns} cases in ${seconds}s`);
  }
}
console.log(`fuzz: ${total} cases, ${failed} propert${failed === 1 ? 'y' : 'ies'} failed (seed ${seed})`);
process.exit(failed > 0 ? 1 : 0);
