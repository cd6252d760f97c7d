// fileUrlOf writes a file URL directly for the paths reports have; it must say exactly what pathToFileURL says, for
// every path.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { fileUrlOf } from '../../server/src/node/files';

const expected = (path: string) => pathToFileURL(path).toString();

test('fileUrlOf: the same URL as pathToFileURL for report paths and for every odd character', () => {
  const paths = [
    '/tmp/gov-report-bench-20261121/reports/05/00005_年度报告.txt',
    '/home/办公室/2024年 政府信息公开工作年度报告.txt',
    '/a/b%20c/d#e?f.txt', '/a/./b', '/a/../b', '/a//b', '/a/b/', '/', '/a/.hidden/..x/...', '/a/~user/x-y_z.TXT',
    '/a/\u00a0nbsp', '/a/emoji😀.txt', '/a/lone\ud800.txt', '/a/back\\slash', '/a/tab\tnew\nline', '/a/[x]{y}^`|"<>\'',
  ];
  for (const p of paths) assert.equal(fileUrlOf(resolve(p)), expected(resolve(p)), p);
  const segment = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', '-', '_', '~', ' ', '%', '#', '?', '年', '报', '\u00e9', '😀', '\ud800', '\\', '+', '@', ':', '!', '$', '&', "'", '(', '*', ',', ';', '=', '[', '^'), maxLength: 6 });
  fc.assert(
    fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
      const raw = `/${segments.join('/')}`;
      assert.equal(fileUrlOf(raw), expected(raw), raw);
      const normalised = resolve(raw);
      assert.equal(fileUrlOf(normalised), expected(normalised), normalised);
    }),
    { numRuns: 3000, seed: 20261201 },
  );
});
