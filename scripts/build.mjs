// Bundles the entry points with esbuild. `--tests` also bundles every test file into out/test/.
// Type-checking is separate (`tsc --noEmit`), as in the esbuild-sample: esbuild only strips types.
import { build } from 'esbuild';
import { readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const withTests = process.argv.includes('--tests');
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };

const entries = [
  { entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync(join(root, 'server/src/server.ts'))) {
  entries.push({ entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'dist/server.js') });
}
if (existsSync(join(root, 'client/src/extension.ts'))) {
  entries.push({ entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode'] });
}
await Promise.all(entries.map((e) => build({ ...common, ...e })));

if (withTests) {
  const testDir = join(root, 'test/unit');
  const outDir = join(root, 'out/test');
  rmSync(outDir, { recursive: true, force: true });
  const tests = readdirSync(testDir).filter((f) => f.endsWith('.test.ts')).map((f) => join(testDir, f));
  await build({ ...common, entryPoints: tests, outdir: outDir, external: ['fast-check'] });
}
