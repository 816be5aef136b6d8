/** The language server honours front-matter profiles, as the CLI does. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { startServer } from '../../server/src/lsp/server.js';
import { memoryPipes, PULL_CAPABILITIES, type TestClient } from '../lsp/client.js';
import { project } from '../helpers.js';
import { ZH } from './docs.js';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.shutdown();
  client = undefined;
});

describe('front-matter profiles in the language server', () => {
  it('a stage mapped to strict makes warnings errors; the same text without it does not', async () => {
    const dir = project({ '.needfirst.json': JSON.stringify({ stages: { tender: 'needfirst:strict' } }) });
    const pipes = memoryPipes();
    client = pipes.client;
    startServer(createConnection(new StreamMessageReader(pipes.serverIn), new StreamMessageWriter(pipes.serverOut)));
    await client.initialize(PULL_CAPABILITIES, null);
    const tender = pathToFileURL(join(dir, 'tender.md')).toString();
    const plain = pathToFileURL(join(dir, 'plain.md')).toString();
    await client.open(tender, `---\nstage: tender\n---\n${ZH}`);
    await client.open(plain, ZH);
    const severities = async (uri: string): Promise<Array<[unknown, unknown]>> => (await client!.pullDiagnostics(uri)).items!.map((d) => [d.code, d.severity]);
    expect(await severities(tender)).toEqual([['value-checklist', 3], ['superlative-tech', 1], ['digital-only', 1]]);
    expect(await severities(plain)).toEqual([['superlative-tech', 2], ['digital-only', 2]]);
  });
});
