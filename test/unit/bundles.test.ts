// What the build ships: pdf.js once, in dist/pdfEngine.js, beside the CLI and server bundles that load it on the
// first PDF; the .vsix allow-list carries it and the third-party notices; the notices name every package a
// bundle holds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

test('pdf.js is in dist/pdfEngine.js only: the CLI and server bundles load it from there', () => {
  // A string of pdf.js's own code (its editor layer's id prefix), in no file of ours.
  const PDFJS = 'pdfjs_internal_editor_';
  assert.ok(read('dist/pdfEngine.js').includes(PDFJS));
  for (const bundle of ['dist/cli.js', 'dist/server.js', 'dist/extension.js', 'dist/readers.js']) assert.ok(!read(bundle).includes(PDFJS), bundle);
  // Loaded with require() (Node's ESM loader lexes a 2.4 MB CommonJS file for its exports: ~650 ms per thread more).
  assert.match(read('dist/readers.js'), /require\("\.\/pdfEngine\.js"\)/);
  assert.doesNotMatch(read('dist/readers.js'), /\bimport\("/);
});

test('the readers are in dist/readers.js, which the CLI loads in its reader threads only', () => {
  // saxes's parser class and htmlparser2's tokenizer: in the readers' bundle, not in the CLI's.
  for (const marker of ['SaxesParser', 'var Tokenizer']) {
    assert.ok(read('dist/readers.js').includes(marker), marker);
    assert.ok(!read('dist/cli.js').includes(marker), marker);
  }
  assert.match(read('dist/cli.js'), /require\("\.\/readers\.js"\)/);
  for (const bundle of ['dist/cli.js', 'dist/server.js']) assert.doesNotMatch(read(bundle), /\bimport\("/, bundle);
});

test('the .vsix allow-list ships dist/pdfEngine.js and THIRD_PARTY_NOTICES.md', () => {
  const allowed = read('.vscodeignore').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
  for (const f of ['dist/pdfEngine.js', 'dist/readers.js', 'dist/cli.js', 'dist/server.js', 'dist/extension.js', 'THIRD_PARTY_NOTICES.md']) assert.ok(allowed.includes(f), f);
});

test('THIRD_PARTY_NOTICES.md is up to date and names every package the bundles hold', () => {
  const check = spawnSync(process.execPath, [join(ROOT, 'scripts/notices.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const listed = new Set([...read('THIRD_PARTY_NOTICES.md').matchAll(/^## (\S+) /gm)].map((m) => m[1]!));
  for (const bundle of ['cli', 'server', 'extension', 'readers', 'pdfEngine']) {
    const map = JSON.parse(read(`dist/${bundle}.js.map`)) as { sources: string[] };
    for (const source of map.sources) {
      const at = source.lastIndexOf('node_modules/');
      // Sources of a package's own source map (saxes: ../src/saxes.ts) are under that package.
      if (at < 0) continue;
      const parts = source.slice(at + 'node_modules/'.length).split('/');
      const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
      assert.ok(listed.has(name), `${bundle}: ${name} is bundled but not in THIRD_PARTY_NOTICES.md`);
    }
  }
  for (const name of ['pdf.js', 'unpdf', 'htmlparser2', 'saxes', 'fflate', 'picomatch']) assert.ok(listed.has(name), name);
});
