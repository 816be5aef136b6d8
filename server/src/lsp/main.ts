import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../cli/main.js';
import { startServer } from './server.js';

const USAGE = `Usage: needfirst-language-server --stdio | --node-ipc | --socket=PORT

The needfirst language server for any LSP client (VS Code, Neovim, Helix, Emacs).
`;

/** Runs the language server as a process; the transport comes from the command line. */
export function run(argv: string[] = process.argv.slice(2)): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    process.stderr.write(`needfirst-language-server needs a transport: pass --stdio or --node-ipc.\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  // A failed request to the client must not take the server down with it.
  process.on('unhandledRejection', (error) => connection.console.error(`needfirst: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  // The bundle lives in dist/; the rule documentation ships beside it in docs/rules/.
  startServer(connection, { docsFolder: join(__dirname, '..', 'docs', 'rules') });
}

// VS Code forks this bundle directly (with --node-ipc); the bin requires it and calls run().
if (require.main === module) run();
