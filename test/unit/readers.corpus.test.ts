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

// Only some documents are committed as published files (the corpus keeps the others' conversions only), and a
// .docx whose name ../shared/reports/ uses is left to it (scripts/corpus/main.ts, LEFT_TO_SHARED).
const published = manifest.documents.filter((d) => existsSync(join(CORPUS, 'published', `${d.name}.html`)));
const formatsOf = (name: string) => ['docx', 'html'].filter((ext) => existsSync(join(CORPUS, 'published', `${name}.${ext}`)));

test('the corpus publishes the seeds and two variants as .html, four of them as .docx too', () => {
  assert.ok(published.length >= 7, published.map((d) => d.name).join(' '));
  assert.ok(published.filter((d) => formatsOf(d.name).length === 2).length >= 4, published.map((d) => `${d.name}: ${formatsOf(d.name).join('+')}`).join(' '));
});

for (const doc of published) {
  const formats = formatsOf(doc.name);
  test(`corpus ${doc.name}: ${formats.map((f) => `.${f}`).join(' and ')} read to the same tables, no Error${doc.variant === null ? ', the seed\'s diagnostics' : ', the right numbers'}`, async () => {
    const reports = await Promise.all(formats.map(async (ext) => {
      const r = await readPublished(new Uint8Array(readFileSync(join(CORPUS, 'published', `${doc.name}.${ext}`))));
      assert.equal(r.format, ext);
      assert.deepEqual(r.problems, [], ext);
      assertMapSane(r, ext);
      return r;
    }));
    const models = reports.map((r) => parse(r.text));
    for (const [k, model] of models.entries()) {
      const what = formats[k]!;
      assert.deepEqual(errors(check(model) as Diag[]).map((d) => `${d.code} ${d.message}`), [], what);
      assert.equal(model.tables.applications?.rows.size, 25, `${what}: 表三 rows`);
      assert.equal(model.tables.reviewsAndLawsuits?.groups?.size, 3, `${what}: 表四`);
      const cell = model.tables.applications!.rows.get(doc.planted.row)!.cells[doc.planted.column as 'total'];
      assert.equal(cell.value, doc.planted.right, `${what}: ${doc.planted.row}·${doc.planted.column}`);
    }
    if (models.length === 2) assert.deepEqual(tableCells(models[0]!), tableCells(models[1]!), 'docx and html tables');
    if (doc.variant === null) {
      const seedText = fixture(`reports/seeds/${doc.seed}`);
      const diagnostics = (text: string) => check(parse(text)).map((d) => `${d.code} ${d.message}`);
      for (const [k, model] of models.entries()) {
        assert.deepEqual(tableCells(model), tableCells(parse(seedText)), `${formats[k]}: the seed text's tables`);
        assert.deepEqual(diagnostics(reports[k]!.text), diagnostics(seedText), `${formats[k]}: the seed's diagnostics`);
      }
    }
  });
}
