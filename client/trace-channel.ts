// Owns `skeptic.trace.server`: the protocol trace goes to the Skeptic output channel whenever the setting asks for it.
import * as vscode from 'vscode';

const traceSetting = 'skeptic.trace.server';

/**
 * vscode-languageclient traces only when its trace channel's log level is Trace, which a user sets through
 * "Developer: Set Log Level", not through a setting. This channel reports Trace while `skeptic.trace.server` is on
 * and writes the trace into `output` at a level that shows by default, so the setting alone turns tracing on and off.
 */
export function createTraceChannel(output: vscode.LogOutputChannel, subscriptions: vscode.Disposable[]): vscode.LogOutputChannel {
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const tracing = (): boolean => vscode.workspace.getConfiguration().get<string>(traceSetting, 'off') !== 'off';
  const level = (): vscode.LogLevel => (tracing() ? vscode.LogLevel.Trace : vscode.LogLevel.Info);
  subscriptions.push(levelChanged,
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(traceSetting)) levelChanged.fire(level()); }));
  const trace = (message: string, ...args: unknown[]): void => {
    if (tracing()) output.info(message, ...args);
  };
  return {
    name: output.name,
    get logLevel() { return level(); },
    onDidChangeLogLevel: levelChanged.event,
    trace,
    debug: (message, ...args) => output.debug(message, ...args),
    info: (message, ...args) => output.info(message, ...args),
    warn: (message, ...args) => output.warn(message, ...args),
    error: (error, ...args) => output.error(error, ...args),
    append: (value) => output.append(value),
    appendLine: (value) => output.appendLine(value),
    replace: (value) => output.replace(value),
    clear: () => output.clear(),
    show: (...args: unknown[]) => (output.show as (...a: unknown[]) => void)(...args),
    hide: () => output.hide(),
    // The Skeptic channel outlives the client; the extension disposes it.
    dispose: () => undefined,
  };
}
