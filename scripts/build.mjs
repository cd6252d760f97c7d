// Bundles the entry points with esbuild. Type-checking is separate (`tsc --noEmit`), as in the esbuild-sample:
// esbuild only strips types.
//   --tests       also bundle every test/unit/*.test.ts into out/test/
//   --electron    also bundle the extension-host suite (test/electron) into out/electron/
//   --bench       also bundle the benchmark (bench/) into out/bench/
//   --production  minify, no source maps (what `npm run package` ships)
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pdfjsTextOnly } from './pdfjsTextOnly.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const common = {
  bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning',
  sourcemap: !production, minify: production, legalComments: 'none',
  // The PDF reader: the Chinese CMaps are embedded as bytes, and pdf.js skips font programs text does not need.
  loader: { '.bcmap': 'binary' }, plugins: [pdfjsTextOnly],
};

// Snippets are generated from the engine's template text first: the extension bundle embeds them.
await build({ ...common, minify: false, sourcemap: false, entryPoints: [join(root, 'scripts/gen-snippets.ts')], outfile: join(root, 'out/gen-snippets.js') });
execFileSync(process.execPath, [join(root, 'out/gen-snippets.js'), '--write', join(root, 'snippets/gov-report.json')], { stdio: 'inherit' });
// The manifest's list of rules (the severity setting and its translations) comes from the rule table.
await build({ ...common, minify: false, sourcemap: false, entryPoints: [join(root, 'scripts/gen-manifest.ts')], outfile: join(root, 'out/gen-manifest.js') });
execFileSync(process.execPath, [join(root, 'out/gen-manifest.js'), '--write', root], { stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'dist/server.js') }),
  build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode'] }),
  // The report preview's page: runs in the webview (a browser), one script loaded by nonce.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: [join(root, 'client/webview/preview.ts')], outfile: join(root, 'dist/preview.js') }),
]);

if (args.has('--tests')) {
  const testDir = join(root, 'test/unit');
  const outDir = join(root, 'out/test');
  rmSync(outDir, { recursive: true, force: true });
  const tests = readdirSync(testDir).filter((f) => f.endsWith('.test.ts')).map((f) => join(testDir, f));
  await build({ ...common, entryPoints: tests, outdir: outDir, external: ['fast-check'] });
}

if (args.has('--bench')) {
  await build({ ...common, entryPoints: [join(root, 'bench/bench.ts'), join(root, 'bench/floor.ts'), join(root, 'bench/pdf.ts')], outdir: join(root, 'out/bench') });
}

if (args.has('--electron')) {
  const outDir = join(root, 'out/electron');
  rmSync(outDir, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: [join(root, 'test/electron/runTest.ts'), join(root, 'test/electron/suite/index.ts')],
    outdir: outDir, outbase: join(root, 'test/electron'), external: ['vscode', 'mocha', '@vscode/test-electron'],
  });
}
