// Runs the extension-host suite in a real VS Code downloaded by @vscode/test-electron (`npm run test:electron`).
// That download needs the internet; on machines without it, test/e2e runs the same suite inside code-server.

import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: resolve(__dirname, 'suite', 'index.js'),
    launchArgs: [resolve(root, 'test', 'fixtures', 'reports'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
