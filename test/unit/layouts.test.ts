// Issue 12 §3: the layouts real reports arrive in, each made here from seed 001 (TSV, 27 applications), clean and
// with one planted typo in 表三 （七）总计·自然人 (27 → 26). Whatever the layout, the checker reads the table or says it
// could not: a clean text gives no Error, and the typo is found on its cell or 表三 is declared partly read or
// unreadable — never an Error elsewhere. What the checker says on each is printed (t.diagnostic) for the record.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/report';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SEEDS, diagnose, errors, fixture, type Diag } from './helpers';

const seed = fixture(SEEDS.tsv001);
const PLANT = (t: string) => t.replace(/^(\(七\) 总计\t\t)27(\t)/m, '$126$2');
const planted = PLANT(seed);
assert.notEqual(planted, seed);

type Part = 2 | 3 | 4;
const HEADINGS: Record<Part, string> = { 2: '二、主动公开政府信息情况', 3: '三、收到和处理政府信息公开申请情况', 4: '四、政府信息公开行政复议、行政诉讼情况' };
const NEXT: Record<Part, string> = { 2: '三、收到和处理政府信息公开申请情况', 3: '四、政府信息公开行政复议、行政诉讼情况', 4: '五、存在的主要问题及改进情况' };

/** Rewrites the table lines (lines with a tab) of the parts given, each part's lines as a whole. */
function relayout(text: string, parts: readonly Part[], f: (rows: string[][], part: Part) => string[]): string {
  const lines = text.split('\n');
  for (const part of parts) {
    const a = lines.indexOf(HEADINGS[part]);
    const b = lines.indexOf(NEXT[part]);
    const first = lines.findIndex((l, i) => i > a && l.includes('\t'));
    let last = first;
    for (let i = first; i < b; i++) if (lines[i]!.includes('\t')) last = i;
    const rows = lines.slice(first, last + 1).filter((l) => l.includes('\t')).map((l) => l.split('\t'));
    lines.splice(first, last - first + 1, ...f(rows, part));
  }
  return lines.join('\n');
}

const isNumber = (c: string) => /^\d+$/.test(c.trim());
const labelsOf = (r: string[]) => r.filter((c) => c.trim() !== '' && !isNumber(c));
const valuesOf = (r: string[]) => r.filter((c) => isNumber(c));
const pipes = (cells: string[]) => `| ${cells.join(' | ')} |`;

const LAYOUTS: Record<string, (text: string) => string> = {
  'Markdown from a PDF converter: a |---| line after every row': (t) =>
    relayout(t, [2, 3, 4], (rows) => rows.flatMap((r) => [pipes(r), `|${r.map(() => '---').join('|')}|`])),
  'Markdown: header words split over cells ("商业 | 企业")': (t) =>
    relayout(t, [3], (rows) => rows.map((r) => pipes(r.flatMap((c) => (c === '商业企业' ? ['商业', '企业'] : c === '法律服务机构' ? ['法律服务', '机构'] : [c]))))),
  'Markdown: labels on a line of their own, numbers on the next': (t) =>
    relayout(t, [3], (rows) => rows.flatMap((r) => (valuesOf(r).length === 7 ? [pipes([...labelsOf(r), '', '', '', '', '', '', '']), pipes(['', ...valuesOf(r)])] : [pipes(r)]))),
  'page numbers ("— 4 —") and page markers between a table\'s rows': (t) =>
    relayout(t, [3], (rows) => rows.flatMap((r, i) => (i === 10 ? ['— 4 —', r.join('\t')] : i === 18 ? ['第 5 页 共 9 页', r.join('\t')] : [r.join('\t')]))),
  'a form feed at the start of a line, and "-3-" between rows': (t) =>
    relayout(t, [3, 4], (rows, part) => rows.flatMap((r, i) => (part === 3 && i === 12 ? ['-3-', `\f${r.join('\t')}`] : [r.join('\t')]))).replace('五、存在的主要问题', '\f五、存在的主要问题'),
  'OCR Markdown: 表三 as one small table per category under generic headers': (t) =>
    relayout(t, [3], (rows) => {
      const out: string[] = [];
      for (const r of rows) {
        if (valuesOf(r).length !== 7) continue;
        const label = labelsOf(r).at(-1)!;
        out.push('', pipes(['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计']), `|${Array(8).fill('---').join('|')}|`, pipes([label, ...valuesOf(r)]));
      }
      return out;
    }),
  'OCR Markdown: a header row repeated mid-table': (t) =>
    relayout(t, [3], (rows) => rows.flatMap((r, i) => (i === 14 ? [pipes(rows[1]!), pipes(rows[2]!), pipes(r)] : [pipes(r)]))),
  'OCR Markdown: 表四 as three five-column tables': (t) =>
    relayout(t, [4], (rows) => {
      const v = valuesOf(rows.at(-1)!);
      const head = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      return ['行政复议', '未经复议直接起诉', '复议后起诉'].flatMap((g, i) => ['', `**${g}**`, pipes(head), `|${Array(5).fill('---').join('|')}|`, pipes(v.slice(i * 5, i * 5 + 5))]);
    }),
  'pdftotext without -layout: one value per line after its label': (t) =>
    relayout(t, [2, 3, 4], (rows) => rows.flatMap((r) => r.map((c) => c.trim()).filter((c) => c !== ''))),
  'HTML table saved as text: merged cells as empty cells, a cell\'s paragraphs on separate lines': (t) =>
    relayout(t, [3], (rows) => rows.flatMap((r) => {
      const cells = ['', ...r, ''];
      const label = cells.findIndex((c) => c.includes('部分公开'));
      if (label < 0) return [cells.join('\t')];
      return [cells.slice(0, label).join('\t') + '\t（二）部分公开', `（区分处理的，只计这一情形，不计其他情形）\t${cells.slice(label + 1).join('\t')}`];
    })),
  'pdftotext -layout: a label wrapped over three lines, its numbers on the middle one': (t) =>
    relayout(t, [3], (rows) => rows.flatMap((r) => {
      const label = labelsOf(r).at(-1);
      const v = valuesOf(r);
      if (v.length !== 7) return [r.filter((c) => c.trim() !== '').join('    ')];
      if (label && label.includes('无正当理由逾期不补正')) return ['      1.申请人无正当理由逾期不', `      补正、行政机关不再处理其政    ${v.join('    ')}`, '      府信息公开申请'];
      return [`${labelsOf(r).join('  ')}    ${v.join('    ')}`];
    })),
  'a table written as raw HTML inside Markdown': (t) =>
    relayout(t, [3], (rows) => ['<table>', ...rows.map((r) => `<tr>${r.filter((c) => c !== '').map((c) => `<td>${c}</td>`).join('')}</tr>`), '</table>']),
};

/** What the checker said about 表三 and its numbers, in one line for the record. */
function summary(diags: readonly Diag[]): string {
  const shown = diags.filter((d) => ['row-sum', 'column-total', 'balance', 'table-partly-read', 'table-unparseable', 'table-row-missing', 'table-missing', 'cell-blank'].includes(String(d.code)));
  return shown.length === 0 ? '(nothing about the tables)' : shown.map((d) => `${d.severity === 1 ? 'Error' : 'Warning'} ${d.code}: ${d.message}`).join(' | ');
}

for (const [name, layout] of Object.entries(LAYOUTS)) {
  test(`${name}: clean gives no Error; the planted typo is found on its cell or 表三 is declared not fully read`, (t) => {
    const clean = layout(seed);
    const bad = layout(planted);
    assert.notEqual(clean, bad, 'the layout keeps the planted typo');
    const cleanErrors = errors(diagnose(clean));
    assert.deepEqual(cleanErrors.map((d) => `${d.code} ${d.message}`), [], 'clean: no Error');
    const diags = diagnose(bad);
    const onCell = errors(diags).filter((d) => {
      const line = bad.split(/\r\n|\r|\n/)[d.range.start.line]!;
      return line.slice(d.range.start.character, d.range.end.character) === '26';
    });
    const declared = diags.filter((d) => (d.code === 'table-partly-read' || d.code === 'table-unparseable') && d.message.startsWith('表三'));
    assert.ok(onCell.length === 1 || declared.length === 1, `planted: found on its cell or 表三 declared; said: ${summary(diags)}`);
    assert.deepEqual(errors(diags).filter((d) => !onCell.includes(d)).map((d) => d.message), [], 'planted: no Error anywhere else');
    t.diagnostic(`clean: ${summary(diagnose(clean))}`);
    t.diagnostic(`planted: ${summary(diags)}`);
  });
}

test('pdftotext without -layout, numbers before their labels: never misread, 表三 declared partly read', () => {
  const text = relayout(planted, [3], (rows) => rows.flatMap((r) => {
    const labels = labelsOf(r);
    const v = valuesOf(r);
    // Half the rows put their numbers first, as page-by-page extractors do with a label centred in a tall cell.
    return v.length === 7 && labels.some((l) => /[24680]\./.test(l)) ? [...v, ...labels] : [...labels, ...v];
  }));
  const diags = diagnose(text);
  // The rows whose numbers came first are not read; the typo's row and column still show it, on its cell only.
  const lines = text.split('\n');
  assert.deepEqual(errors(diags).map((d) => lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)), ['26'], 'no Error from a misread');
  assert.ok(diags.some((d) => d.code === 'table-partly-read' && d.message.includes('数字出现在标签之前')), JSON.stringify(diags.map((d) => d.message)));
  assert.deepEqual(errors(diagnose(text.replace(/^26$/m, '27'))).map((d) => d.message), [], 'the same layout, clean: no Error');
});

test('rows with fewer values than columns (an empty cell lost): those rows are named as not read, nothing is computed from them', () => {
  const text = relayout(planted, [3], (rows) => rows.map((r) => {
    const cells = r.filter((c) => c.trim() !== '');
    // pdftotext -layout drops an empty cell: here the 商业企业 value of 予以公开 is gone.
    if (cells.some((c) => c.includes('予以公开'))) cells.splice(cells.length - 6, 1);
    return cells.join('    ');
  }));
  const model = parse(text);
  assert.equal(model.tables.applications!.rows.get('granted')!.problem, 'fewer-values');
  const diags = diagnose(text);
  assert.ok(diags.some((d) => d.code === 'table-partly-read' && /“（一）予以公开”（数字少于列数）/.test(d.message)), JSON.stringify(diags.map((d) => d.message)));
  // The typo's identities run through 予以公开: the column total cannot be computed; the row sum and balance can.
  assert.deepEqual(errors(diags).map((d) => d.code), ['row-sum']);
});

test('a placeholder table of "-": one warning that the table holds no numbers, no cell-by-cell noise', () => {
  const text = relayout(seed, [3], (rows) => rows.map((r) => pipes(r.map((c) => (isNumber(c) ? '-' : c)))));
  const diags = diagnose(text);
  assert.deepEqual(diags.filter((d) => String(d.code).startsWith('cell-') || d.severity === 1).map((d) => d.code), []);
  assert.ok(diags.some((d) => d.code === 'table-unparseable' && /^表三中没有数字/.test(d.message)));
});

test('pdftotext without -layout (the corpus\'s LibreOffice PDF): 表二 and 表三 with no row read are declared unreadable, not "partly read"', () => {
  const text = readFileSync(join(ROOT, 'test/corpus/libreoffice-pdf-pdftotext/seed000.clean.txt'), 'utf8');
  const diags = diagnose(text);
  assert.deepEqual(errors(diags).map((d) => d.code), []);
  const declared = diags.filter((d) => /^表[二三]/.test(d.message));
  assert.deepEqual(declared.map((d) => d.code), ['table-unparseable', 'table-unparseable'], JSON.stringify(declared.map((d) => d.message)));
  assert.ok(declared.every((d) => /无法可靠识别（没有一行能可靠识别：/.test(d.message)));
});

test('表四\'s 15 values one per line in runs its groups do not name: said as values split over places, not as a wrong count', () => {
  const text = relayout(seed, [4], (rows) => rows.flatMap((r) => (valuesOf(r).length === 15 ? [valuesOf(r).slice(0, 5).join('\t'), '结果', valuesOf(r).slice(5).join('\t')] : [r.join('\t')])));
  const t4 = diagnose(text).filter((d) => d.message.startsWith('表四'));
  assert.deepEqual(t4.map((d) => d.code), ['table-unparseable'], JSON.stringify(t4.map((d) => d.message)));
  assert.match(t4[0]!.message, /15个数字分在2处，无法确定各自所属的列/);
});

test('a table with its header and nothing under it, or "-" in every cell, is said the same way for 表二, 表三 and 表四: one Warning that it holds no numbers', () => {
  for (const part of [2, 3, 4] as const) {
    const dashes = relayout(seed, [part], (rows) => rows.map((r) => r.map((c) => (isNumber(c) ? '-' : c)).join('\t')));
    const said = diagnose(dashes).filter((d) => d.severity === 1 || /^表[二三四]/.test(d.message) || String(d.code).startsWith('cell-'));
    const name = ({ 2: '表二', 3: '表三', 4: '表四' } as const)[part];
    assert.deepEqual(said.map((d) => `${d.code} ${d.message.split('（')[0]}`), [`table-unparseable ${name}中没有数字`], `${part}: ${JSON.stringify(said.map((d) => d.message))}`);
  }
  const headerOnly = relayout(seed, [2], (rows) => rows.filter((r) => valuesOf(r).length === 0).map((r) => r.join('\t')));
  assert.deepEqual(diagnose(headerOnly).filter((d) => /^表二|缺少表二/.test(d.message)).map((d) => d.code), ['table-unparseable']);
});

test('a label no row has, with its numbers on its line, leaves only that row unread; its neighbours are read', () => {
  const text = seed.replace('6. 属于四类过程性信息', '6. 阶段性材料');
  assert.notEqual(text, seed);
  const t3 = parse(text).tables.applications!;
  assert.deepEqual(t3.reading.unread.map((u) => `${u.row}:${u.reason}`), ['denied.processInfo:label-not-found']);
  assert.equal(t3.rows.get('denied.internalAffairs')!.problem, undefined);
  assert.equal(t3.rows.get('denied.enforcementFile')!.problem, undefined);
});

test('a line of "-" after 表三\'s last row holds nothing to lose: the table is read whole', () => {
  const text = relayout(seed, [3], (rows) => [...rows.map((r) => r.join('\t')), '-\t-\t-\t-']);
  assert.equal(parse(text).tables.applications!.reading.status, 'read');
});

test('a column heading carried from the header ("其他") is not the label of a row whose label is cut over two lines', () => {
  const text = seed.replace(/^一、本年新收/m, '一、本\n年新收');
  assert.notEqual(text, seed);
  const t3 = parse(text).tables.applications!;
  assert.equal(t3.rows.get('otherHandling.other')!.cellList[0]!.value, 0, 'its own numbers, not 一\'s 27');
  assert.deepEqual(errors(diagnose(text)).map((d) => d.code), []);
});
