// The readers on the accuracy corpus's published documents (test/corpus/published: the seeds and two variants
// with non-zero numbers, written as .docx and as .html with the template's merged tables): each format reads to
// the same tables, the seeds to the seed texts' diagnostics and tables, the variants to their right numbers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, parse } from '../../server/src/report';
import { readPublished } from '../../server/src/readers';
import { ROOT, errors, fixture, type Diag } from './helpers';
import { assertMapSane, tableCells } from './readerHelpers';

interface CorpusDocument {
  readonly name: string;
  readonly seed: string;
  readonly variant: number | null;
  readonly planted: { readonly table: string; readonly row: string; readonly column: string; readonly right: number };
}

const CORPUS = join(ROOT, 'test', 'corpus');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { documents: CorpusDocument[] };

// Only some documents are committed as published files (the corpus keeps the others' conversions only).
const published = manifest.documents.filter((d) => existsSync(join(CORPUS, 'published', `${d.name}.docx`)) && existsSync(join(CORPUS, 'published', `${d.name}.html`)));

test('the corpus publishes the seeds and at least two variants as .docx and .html', () => {
  assert.ok(published.length >= 7, published.map((d) => d.name).join(' '));
});

for (const doc of published) {
  test(`corpus ${doc.name}: .docx and .html read to the same tables, no Error${doc.variant === null ? ', the seed\'s diagnostics' : ', the right numbers'}`, async () => {
    const reports = await Promise.all(['docx', 'html'].map(async (ext) => {
      const r = await readPublished(new Uint8Array(readFileSync(join(CORPUS, 'published', `${doc.name}.${ext}`))));
      assert.equal(r.format, ext);
      assert.deepEqual(r.problems, [], ext);
      assertMapSane(r, ext);
      return r;
    }));
    const models = reports.map((r) => parse(r.text));
    for (const [k, model] of models.entries()) {
      const what = k === 0 ? 'docx' : 'html';
      assert.deepEqual(errors(check(model) as Diag[]).map((d) => `${d.code} ${d.message}`), [], what);
      assert.equal(model.tables.applications?.rows.size, 25, `${what}: 表三 rows`);
      assert.equal(model.tables.reviewsAndLawsuits?.groups?.size, 3, `${what}: 表四`);
      const cell = model.tables.applications!.rows.get(doc.planted.row)!.cells[doc.planted.column as 'total'];
      assert.equal(cell.value, doc.planted.right, `${what}: ${doc.planted.row}·${doc.planted.column}`);
    }
    assert.deepEqual(tableCells(models[0]!), tableCells(models[1]!), 'docx and html tables');
    if (doc.variant === null) {
      const seedText = fixture(`reports/seeds/${doc.seed}`);
      assert.deepEqual(tableCells(models[0]!), tableCells(parse(seedText)), 'the seed text\'s tables');
      const diagnostics = (text: string) => check(parse(text)).map((d) => `${d.code} ${d.message}`);
      assert.deepEqual(diagnostics(reports[0]!.text), diagnostics(seedText), 'docx: the seed\'s diagnostics');
      assert.deepEqual(diagnostics(reports[1]!.text), diagnostics(seedText), 'html: the seed\'s diagnostics');
    }
  });
}
