// Mocha entry point loaded by the extension host (`extensionTestsPath`). Results go to a JSON file as well as
// the console, because console output from the extension host does not always reach the runner.

import Mocha from 'mocha';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { registerTests } from './extension.test';

export function run(): Promise<void> {
  const output = process.env.GOV_REPORT_TEST_RESULTS ?? resolve(__dirname, '..', 'results.json');
  mkdirSync(dirname(output), { recursive: true });
  const mocha = new Mocha({ ui: 'tdd', timeout: 60000, color: false, reporter: 'json', reporterOptions: { output } });
  registerTests(mocha.suite);
  return new Promise((resolvePromise, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host tests failed (see ${output})`)) : resolvePromise()));
  });
}
