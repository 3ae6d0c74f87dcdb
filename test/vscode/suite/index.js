// Extension-host entry of Skeptic's VS Code suite: the run() that code-server's rails and @vscode/test-electron both call.
const path = require('path');
const vscode = require('vscode');

// Mocha comes from the repo's node_modules by absolute path: the extension host resolves modules from this folder.
const Mocha = require(path.resolve(__dirname, '../../../node_modules/mocha'));

/** Which files run: the whole suite (trusted or trust disabled), or the Restricted Mode checks (`skepticTest.suite: "untrusted"`). */
const suites = {
  main: ['activation.test.js', 'diagnostics.test.js', 'code-actions.test.js', 'settings.test.js', 'dependencies.test.js', 'server-lifecycle.test.js', 'workspace.test.js', 'review.test.js',
    'provenance-keybindings.test.js', 'provenance-detection.test.js', 'provenance-tracking.test.js', 'provenance-files.test.js'],
  provenance: ['provenance-keybindings.test.js', 'provenance-detection.test.js', 'provenance-tracking.test.js', 'provenance-files.test.js'],
  'provenance-files': ['provenance-files.test.js'],
  untrusted: ['untrusted.test.js'],
  // A focused run of one area (node test/vscode/run.mjs runs main and untrusted).
  workspace: ['workspace.test.js'],
  'server-lifecycle': ['server-lifecycle.test.js'],
};

function run() {
  const name = vscode.workspace.getConfiguration('skepticTest').get('suite', 'main');
  const files = suites[name];
  if (!files) return Promise.reject(new Error(`unknown skepticTest.suite "${name}"`));
  // Generous timeouts: these machines are shared and busy; nothing here asserts a duration.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90000, reporter: 'spec' });
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // test/vscode/run.mjs reads this line for its totals.
      console.log('skeptic-suite: %d passed, %d failed', runner.stats.passes, runner.stats.failures);
      if (failures) reject(new Error(`${failures} test(s) failed`)); else resolve();
    });
  });
}

module.exports = { run };
