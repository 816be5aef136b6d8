// One in-process measurement, in its own process so that its peak memory is its own:
//   node inproc.cjs floor|engine RUNS FILE...
// Each run reads every file and parses (floor: unified + remark-parse + remark-gfm) or lints it
// (engine: dist/engine.js). The first run is a warm-up and is not counted; with RUNS 0 the one
// timed run follows a warm-up on the first megabyte. Prints JSON.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

async function main() {
  const [mode, runsText, ...files] = process.argv.slice(2);
  const runs = Number(runsText);
  let work;
  if (mode === 'floor') {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const remarkGfm = (await import('remark-gfm')).default;
    work = (text) => unified().use(remarkParse).use(remarkGfm).parse(text);
  } else {
    const { lint } = require(join(__dirname, '..', '..', 'dist', 'engine.js'));
    work = (text) => lint(text);
  }
  const times = [];
  // A single timed run (the 10 MB file) is warmed up on the file's first megabyte, so that it is
  // compared with the warm medians of the smaller files on equal terms.
  if (runs === 0) work(readFileSync(files[0], 'utf8').slice(0, 1_000_000));
  for (let r = 0; r <= runs; r++) {
    const t = process.hrtime.bigint();
    for (const f of files) work(readFileSync(f, 'utf8'));
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r > 0 || runs === 0) times.push(ms);
  }
  process.stdout.write(JSON.stringify({ times, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}
main();
