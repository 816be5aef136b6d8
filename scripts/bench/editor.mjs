// Editor latency through the real language server over stdio (bin/needfirst-language-server.js),
// as a client that takes published diagnostics: the time to the first diagnostics after didOpen,
// then N single-character edits at random places, each timed from didChange to the
// publishDiagnostics of that version (the next edit is sent once they arrived).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rng } from './generate.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function editorLatency({ text, file, edits = 200, seed = 42 }) {
  const child = spawn(process.execPath, [join(root, 'bin', 'needfirst-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const resolve = waiting.get(p.version);
    if (resolve) {
      waiting.delete(p.version);
      resolve(p);
    }
  });
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const uri = pathToFileURL(file).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dirname(file)).href,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } },
  });
  connection.sendNotification('initialized', {});
  const diagnosticsFor = (version) => new Promise((resolve) => waiting.set(version, resolve));

  let t = performance.now();
  const first = diagnosticsFor(1);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const opened = await first;
  const firstMs = performance.now() - t;

  const r = rng(seed);
  const lines = text.split('\n');
  const times = [];
  let version = 1;
  const chars = 'abcxyz最的。，线下 1#-';
  for (let k = 0; k < edits; k++) {
    version++;
    const line = r.int(lines.length);
    const character = r.int(lines[line].length + 1);
    const ch = chars[r.int(chars.length)];
    // Half insertions, half deletions of one character (where there is one to delete).
    const del = r.next() < 0.5 && character < lines[line].length;
    const range = { start: { line, character }, end: { line, character: del ? character + 1 : character } };
    lines[line] = del ? lines[line].slice(0, character) + lines[line].slice(character + 1) : lines[line].slice(0, character) + ch + lines[line].slice(character);
    const done = diagnosticsFor(version);
    t = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: del ? '' : ch }] });
    await done;
    times.push(performance.now() - t);
  }
  await connection.sendRequest('shutdown');
  // Let the server leave on `exit` before the streams close, so no write meets a closed pipe.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit').catch(() => {});
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
  connection.dispose();
  if (child.exitCode === null) child.kill();
  times.sort((a, b) => a - b);
  return {
    firstDiagnosticsMs: firstMs,
    findings: opened.diagnostics.length,
    medianMs: times[Math.floor(times.length / 2)],
    p95Ms: times[Math.ceil(times.length * 0.95) - 1],
    maxMs: times[times.length - 1],
  };
}
