// The direct PDF reader (server/src/readers/pdfDirect.ts) against pdf.js: on every PDF we have (the real ones in
// ../shared/reports/pdf, never copied here, and the corpus's LibreOffice PDFs), it reads the file itself, and the
// report it gives — text, source map (page and box of every span), meta, problems — is exactly pdf.js's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf, whyNotDirect } from '../../server/src/readers/pdf';
import { ROOT, SHARED_REPORTS } from './helpers';

const DIRS = [join(SHARED_REPORTS, 'pdf'), join(ROOT, 'test', 'corpus', 'published')];

for (const dir of DIRS) {
  test(`direct reader = pdf.js on every PDF in ${dir}`, async (t) => {
    if (!existsSync(dir)) return t.skip(`absent: ${dir}`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    assert.ok(files.length > 0);
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(dir, f)));
      assert.equal(whyNotDirect(bytes), undefined, `${f} is left to pdf.js`);
      const direct = await readPdf(bytes);
      const pdfjs = await readPdf(bytes, { engine: 'pdfjs' });
      assert.ok(direct.text.length > 1000, f);
      assert.deepEqual(direct, pdfjs, f);
    }
  });
}

test('what the direct reader does not read exactly is left to pdf.js: a stream inflating past the budget, a truncated file', () => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test', 'corpus', 'published', 'seed001.pdf')));
  assert.match(whyNotDirect(bytes, { maxBytes: 1 << 26, maxInflatedBytes: 1000, maxZipEntries: 10, maxDepth: 10, maxPages: 200 })!, /maxInflatedBytes/);
  const cut = bytes.slice(0, bytes.length - 40);
  assert.notEqual(whyNotDirect(cut), undefined);
});
