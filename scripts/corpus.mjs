// `npm run corpus`: bundles scripts/corpus/main.ts with esbuild (as scripts/build.mjs does the other TypeScript
// entry points) and runs it, passing the arguments on. See scripts/corpus/main.ts and test/corpus/README.md.
import { build } from 'esbuild';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const outfile = join(root, 'out/corpus/main.js');
await build({
  entryPoints: [join(root, 'scripts/corpus/main.ts')], outfile,
  bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', sourcemap: true,
  // playwright-core is loaded from node_modules at run time (it finds its own files relative to itself).
  external: ['playwright-core'],
});
const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
