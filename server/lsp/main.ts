// Entry of the bundled language server (`node dist/server.js --stdio`, or `--node-ipc` from the VS Code client): connection, crash guards, session.
import { createConnection } from 'vscode-languageserver/node';
import { startSession } from './session';

const connection = createConnection();

// One bad event must not take every editor's diagnostics down with it: log and keep serving.
process.on('uncaughtException', (error) => {
  connection.console.error(`uncaught exception: ${error?.stack ?? String(error)}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
});

startSession(connection);
connection.listen();
