#!/usr/bin/env node
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // The version needs none of the linter, so it is answered without loading the bundle.
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/cli.js').run();
}
