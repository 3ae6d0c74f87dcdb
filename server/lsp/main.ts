// Entry of the bundled language server (`node dist/server.js --stdio`, or `--node-ipc` from the VS Code client): connection, crash guards, session.
import { isMainThread } from 'node:worker_threads';
import { createConnection } from 'vscode-languageserver/node';
import { startSession } from './session';

// The bundle also runs as the workspace scan's worker thread (scan-worker.ts): that thread serves no connection.
if (isMainThread) {
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
}
