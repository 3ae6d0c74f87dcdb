// Extension-host entry of the self-test suite: the run() that VS Code calls with extensionTestsPath.
const path = require('path');

// Mocha comes from the repo's node_modules by absolute path: the extension host resolves modules from
// this file's folder, and test/ has no node_modules of its own.
const Mocha = require(path.resolve(__dirname, '../../../../node_modules/mocha'));

function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'selftest.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}

module.exports = { run };
