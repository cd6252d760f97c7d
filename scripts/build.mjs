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
  // The bundles load dist/readers.js and dist/pdfEngine.js with import(), which Node runs through its ESM loader: on
  // a 2.4 MB CommonJS file that means detecting its module format and lexing it for named exports, 790 ms per thread
  // against 140 ms for require() (node 20, dist/pdfEngine.js). esbuild writes each import() as a require() instead.
  supported: { 'dynamic-import': false },
};

// Snippets are generated from the engine's template text first: the extension bundle embeds them.
await build({ ...common, minify: false, sourcemap: false, entryPoints: [join(root, 'scripts/gen-snippets.ts')], outfile: join(root, 'out/gen-snippets.js') });
execFileSync(process.execPath, [join(root, 'out/gen-snippets.js'), '--write', join(root, 'snippets/gov-report.json')], { stdio: 'inherit' });
// The manifest's list of rules (the severity setting and its translations) comes from the rule table.
await build({ ...common, minify: false, sourcemap: false, entryPoints: [join(root, 'scripts/gen-manifest.ts')], outfile: join(root, 'out/gen-manifest.js') });
execFileSync(process.execPath, [join(root, 'out/gen-manifest.js'), '--write', root], { stdio: 'inherit' });

// pdf.js ships once, in a file of its own (dist/pdfEngine.js) that the CLI and the server load on the first PDF
// (readers/pdf.ts imports './pdfEngine.js' dynamically; the path resolves beside the bundle, dist/): merely
// containing pdf.js made a bundle 60–190 ms slower to load, and the .vsix would carry it twice. The reader
// threads of node/published.ts run the same bundles, so they find it in the same place.
const PDF_ENGINE = './pdfEngine.js';
// The readers (HTML, Word, RTF, .doc and the PDF reader's front, with htmlparser2, saxes and fflate's inflate) ship
// in dist/readers.js, which a reader thread of node/published.ts loads on its first file: the CLI's main thread and
// its check threads, which never read a published file, do not parse them (~370 KB, ~25 ms per thread).
const READERS = './readers.js';
const readersApart = {
  name: 'readers-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/readers\/engine(?:\.js)?$/ }, () => ({ path: READERS, external: true }));
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
await Promise.all([
  build({ ...common, plugins: [...common.plugins, readersApart], entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' }, external: [PDF_ENGINE] }),
  build({ ...common, plugins: [...common.plugins, readersApart], entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'dist/server.js'), external: [PDF_ENGINE] }),
  build({ ...common, entryPoints: [join(root, 'server/src/readers/engine.ts')], outfile: join(root, 'dist/readers.js'), external: [PDF_ENGINE] }),
  build({ ...common, entryPoints: [join(root, 'server/src/readers/pdfEngine.ts')], outfile: join(root, 'dist/pdfEngine.js') }),
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
  await build({ ...common, entryPoints: [join(root, 'bench/bench.ts'), join(root, 'bench/floor.ts'), join(root, 'bench/pdf.ts'), join(root, 'bench/readers.ts')], outdir: join(root, 'out/bench') });
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
