/** The server run in this process, for what the bin cannot be given: its own rule set. */
import { afterEach, describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { RULES, type Rule } from '../../server/src/engine/index.js';
import { startServer } from '../../server/src/lsp/server.js';
import { memoryPipes, PULL_CAPABILITIES, type TestClient } from './client.js';
import { ZH_HANS } from './docs.js';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.shutdown();
  client = undefined;
});

describe('a rule that throws', () => {
  it('does not take the server down: the other rules still report and the error is logged', async () => {
    const exploding: Rule = { ...RULES[0]!, id: 'exploding', check: () => { throw new Error('the vocabulary is broken'); } };
    const pipes = memoryPipes();
    client = pipes.client;
    const connection = createConnection(new StreamMessageReader(pipes.serverIn), new StreamMessageWriter(pipes.serverOut));
    startServer(connection, { rules: [exploding, ...RULES] });
    await client.initialize(PULL_CAPABILITIES, null);
    await client.open('untitled:spec.md', ZH_HANS);
    const report = await client.pullDiagnostics('untitled:spec.md');
    expect(report.items!.map((d) => d.code)).toEqual(['superlative-tech', 'concept-race', 'concept-race', 'digital-only']);
    const logged = await client.waitFor('the error in the log', () =>
      client!.events.find((e) => e.kind === 'logMessage' && (e.params as { message: string }).message.includes('exploding')),
    );
    expect((logged.params as { type: number; message: string })).toMatchObject({ type: 1 });
    expect((logged.params as { message: string }).message).toContain('the vocabulary is broken');
  });
});
