// The HTML reader: the real 平潭 pages (2021–2023) read through the engine against the hand-made table
// transcriptions, and small pages written here for each thing a page can do to a table or a paragraph.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse } from '../../server/src/report';
import { readHtml, readHtmlText, readPublished, sourceAt, sniffFormat } from '../../server/src/readers';
import { errors, type Diag } from './helpers';
import { assertMapSane, sharedFile, sharedText, tableCells } from './readerHelpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const PAGES = [
  { year: 2021, page: 'html/pingtan_2021_page.html', derived: 'derived/D003_pingtan_2021_tables.tsv.txt', published: '2022-02-08T16:34' },
  { year: 2022, page: 'html/pingtan_2022_page.html', derived: 'derived/D004_pingtan_2022_tables.tsv.txt', published: '2023-02-20T15:07' },
  { year: 2023, page: 'html/pingtan_2023_page.html', derived: 'derived/D005_pingtan_2023_tables.tsv.txt', published: '2024-03-08T15:34' },
];

/** Warnings each page really deserves (its own faults), pinned so that a new one shows. */
const EXPECTED_DIAGNOSTICS: Record<number, string[]> = {
  2021: [],
  2022: ['section-heading-variant'], // the page's own typo "行政法复议"
  2023: ['text-table-mismatch', 'numbering', 'numbering'], // 393 vs 470; "一是…三是…三是"
};

for (const { year, page, derived, published } of PAGES) {
  test(`平潭 ${year} page: every table read, 表二/三/四 equal the transcription, no Error, no page chrome`, (t) => {
    const bytes = sharedFile(t, page);
    const tables = sharedText(t, derived);
    if (!bytes || tables === undefined) return;
    const r = readHtml(bytes);
    assert.deepEqual(r.problems, []);
    assertMapSane(r, page);
    assert.equal(r.meta.encoding, 'utf-8');
    assert.equal(r.meta.title, `平潭综合实验区${year}年度政府信息公开工作年度报告`);
    assert.equal(r.meta.published, published);
    // The site around the article is not the report.
    // (The reports themselves mention 微信公众号 and 全真版上传: the chrome is these strings.)
    for (const chrome of ['当前位置', '微信 微博', 'QQ空间', '全真版 文字版', '附件下载', '来源：', '时间：20', '-->']) assert.ok(!r.text.includes(chrome), `${chrome} in the text`);
    assert.match(lines(r.text).at(-1)!, /信息处理费/);
    assert.ok(r.text.startsWith(`平潭综合实验区${year}年度政府信息公开工作年度报告\n`));

    const model = parse(r.text);
    assert.equal(model.year, year);
    for (const id of ['activeDisclosure', 'applications', 'reviewsAndLawsuits'] as const) {
      assert.ok(model.tables[id], `${id} found`);
      assert.equal(model.tables[id]!.unparseable, undefined, `${id} parseable`);
      assert.equal(model.tables[id]!.layout, 'tsv');
    }
    assert.equal(model.tables.applications!.rows.size, 25);
    assert.equal(model.tables.activeDisclosure!.rows.size, 6);
    assert.equal(model.tables.reviewsAndLawsuits!.groups!.size, 3);

    const got = tableCells(model);
    const want = tableCells(parse(tables));
    assert.deepEqual(got.applications, want.applications, '表三');
    assert.deepEqual(got.reviews, want.reviews, '表四');
    assert.deepEqual(got.disclosure, want.disclosure, '表二');

    const diags = check(model) as Diag[];
    assert.deepEqual(errors(diags).map((d) => `${d.code} ${d.message}`), []);
    assert.deepEqual(diags.map((d) => String(d.code)), EXPECTED_DIAGNOSTICS[year]);
  });
}

test('平潭 2021 page: every table cell maps to the HTML span that holds its digits', (t) => {
  const bytes = sharedFile(t, 'html/pingtan_2021_page.html');
  if (!bytes) return;
  const html = new TextDecoder().decode(bytes);
  const r = readHtml(bytes);
  const model = parse(r.text);
  const cells = [
    ...[...model.tables.activeDisclosure!.rows.values()].flatMap((row) => row.cellList),
    ...[...model.tables.applications!.rows.values()].flatMap((row) => row.cellList),
    ...[...model.tables.reviewsAndLawsuits!.groups!.values()].flatMap((g) => Object.values(g)),
  ];
  assert.equal(cells.length, 10 + 175 + 15);
  for (const cell of cells) {
    const entry = sourceAt(r.map, cell.span.start);
    assert.ok(entry && entry.source.kind === 'html', `cell ${cell.row}·${cell.column} mapped`);
    const source = entry.source as { start: number; end: number };
    assert.ok(html.slice(source.start, source.end).includes(cell.text), `${cell.row}·${cell.column}: "${cell.text}" in "${html.slice(source.start, source.end)}"`);
    assert.ok(source.end - source.start < 200, 'the span is the cell, not the table');
  }
  // Headings map to their paragraph.
  const heading = model.parts[0]!.heading.span;
  const h = sourceAt(r.map, heading.start)!.source as { start: number; end: number };
  assert.match(html.slice(h.start, h.end), /一、总体情况/);
});

test('the same page read from an editor\'s text maps to the same offsets', (t) => {
  const bytes = sharedFile(t, 'html/pingtan_2023_page.html');
  if (!bytes) return;
  const a = readHtml(bytes);
  const b = readHtmlText(new TextDecoder().decode(bytes));
  assert.equal(b.text, a.text);
  assert.deepEqual(b.map, a.map);
});

// ---------------------------------------------------------------------------------------------
// Small pages

const REPORT_WORDS = '<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>';

test('rowspan and colspan: a merged label keeps its width on its first row, an empty cell below; a merged value is one cell', () => {
  const html = `<html><body><div class="main">${REPORT_WORDS}<table>
    <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>27</td><td colspan="2">0</td><td>30</td></tr>
    <tr><td colspan="2">（二）部分公开</td><td>5</td><td colspan="2">0</td><td>5</td></tr>
    <tr><td colspan="3">四、结转下年度继续办理</td><td>1</td><td colspan="2">0</td><td>1</td></tr>
  </table></div></body></html>`;
  const r = readHtml(utf8(html));
  assert.deepEqual(lines(r.text).slice(3), [
    '三、本年度办理结果\t（一）予以公开\t\t27\t0\t30',
    '\t（二）部分公开\t\t5\t0\t5',
    '四、结转下年度继续办理\t\t\t1\t0\t1',
  ]);
  assertMapSane(r);
});

test('the 2021 page\'s 11-column grid: values are taken in row order, the 商业企业 number is not filed under 自然人', () => {
  const html = `<body>${REPORT_WORDS}<table>
    <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="8">申请人情况</td></tr>
    <tr><td colspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
    <tr><td>&nbsp;</td><td colspan="2"><p>商业</p><p>企业</p></td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
    <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>64</td><td colspan="2">7</td><td>0</td><td>2</td><td>0</td><td>4</td><td>77</td></tr>
  </table></body>`;
  const r = readHtml(utf8(html));
  const row = lines(r.text).find((l) => l.startsWith('一、本年新收'))!;
  assert.deepEqual(row.split('\t').filter((c) => c !== ''), ['一、本年新收政府信息公开申请数量', '64', '7', '0', '2', '0', '4', '77']);
  assert.ok(r.text.includes('商业企业'));
  const model = parse(`平潭综合实验区2021年度政府信息公开工作年度报告\n${r.text}`);
  const received = model.tables.applications!.rows.get('newReceived')!;
  assert.equal(received.cells.naturalPerson.value, 64);
  assert.equal(received.cells.commercial.value, 7);
  assert.equal(received.cells.total.value, 77);
});

test('a cell\'s paragraphs, line breaks and runs join without a separator; &nbsp; and U+3000 are trimmed spaces', () => {
  const html = `<body>${REPORT_WORDS}<table><tr>
    <td><p>商业</p><p>企业&nbsp;</p></td><td><span>2</span><span>0</span></td><td>结果<br/>维持</td><td>&nbsp;5&nbsp;</td><td>\u3000</td><td><span>1</span>
      <span>2</span></td><td><p><o:p>&nbsp;</o:p></p></td><td>x</td>
  </tr></table></body>`;
  const r = readHtml(utf8(html));
  assert.equal(lines(r.text)[3], '商业企业\t20\t结果维持\t5\t\t12\t\tx');
  assertMapSane(r);
});

test('the article is found by the report\'s words; navigation, scripts, styles and frames are not read', () => {
  const html = `<!DOCTYPE html><html><head><title>某区2024年政府信息公开工作年度报告_年报_某区政府</title>
    <meta name="ArticleTitle" content="某区2024年政府信息公开工作年度报告"><meta name="PubDate" content="2025-01-20 09:30">
    <style>p { color: red } .x::after { content: "样式" }</style></head><body>
    <div class="nav"><a href="/">首页</a> &gt; <a>政务公开</a> 当前位置：年报</div>
    <div class="title">某区2024年政府信息公开工作年度报告</div>
    <div class="wrap"><div class="share">微信 微博</div><div class="content">
      <p>一、总体情况</p><p>本年度主动公开……</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
      <table><tr><td>自然人</td><td>法人或其他组织</td></tr></table><p>四、政府信息公开行政复议、行政诉讼情况</p>
      <p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
      <script>document.write("脚本")</script><iframe src="x.html">框架</iframe><noscript>无脚本</noscript>
    </div></div>
    <div class="footer">网站地图 | 联系我们</div></body></html>`;
  const r = readHtml(utf8(html));
  assert.deepEqual(lines(r.text), [
    '某区2024年政府信息公开工作年度报告',
    '一、总体情况', '本年度主动公开……', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
    '自然人\t法人或其他组织', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
  ]);
  assert.equal(r.meta.title, '某区2024年政府信息公开工作年度报告');
  assert.equal(r.meta.published, '2025-01-20T09:30');
  // The title line maps to the visible title, not to the meta tag.
  const title = sourceAt(r.map, 0)!.source as { start: number; end: number };
  assert.equal(html.slice(title.start, title.end), '某区2024年政府信息公开工作年度报告');
  assert.ok(html.slice(0, title.start).includes('class="title"'));
});

test('a visible 发布时间 is the publication date when no meta gives one', () => {
  const html = `<body><h1>某局2023年度政府信息公开工作年度报告</h1><div>发布时间：2024-01-31 10:05　来源：某局</div><div>${REPORT_WORDS}</div></body>`;
  const r = readHtml(utf8(html));
  assert.equal(r.meta.published, '2024-01-31T10:05');
  assert.equal(r.meta.title, undefined);
  assert.equal(lines(r.text)[0], '一、总体情况');
});

test('a page laid out in a table: the outer table\'s cells are blocks, the inner table is the data table', () => {
  const html = `<body><table width="100%"><tr><td>导航</td></tr><tr><td>${REPORT_WORDS}
    <table><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table><p>六、其他需要报告的事项</p></td></tr></table></body>`;
  const r = readHtml(utf8(html));
  assert.deepEqual(lines(r.text), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '规章\t0\t0\t0', '六、其他需要报告的事项']);
});

test('encodings: GBK by <meta charset>, GB2312 by http-equiv, undeclared GBK sniffed, UTF-16 by BOM', () => {
  // 自然人 in GBK: D7D4 C8BB C8CB.
  const gbk = [0xd7, 0xd4, 0xc8, 0xbb, 0xc8, 0xcb];
  const page = (head: string) => new Uint8Array([...utf8(`<html><head>${head}</head><body><p>`), ...gbk, ...utf8('</p></body></html>')]);
  for (const [head, label] of [['<meta charset="gbk">', 'declared gbk'], ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'declared gb2312'], ['', 'undeclared'], ['<meta charset="utf-8">', 'wrongly declared utf-8']] as const) {
    const r = readHtml(page(head));
    assert.equal(r.text, '自然人\n', label);
    assert.equal(r.meta.encoding, 'gb18030', label);
  }
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<html><body><p>自然人</p></body></html>'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  assert.equal(sniffFormat(utf16), 'html');
  const r = readHtml(utf16);
  assert.equal(r.text, '自然人\n');
  assert.equal(r.meta.encoding, 'utf-16le');
});

test('100,000 nested tables: read in linear time, deeper content flattened, map sane', async () => {
  const n = 100_000;
  const html = `<body>${'<table><tr><td>'.repeat(n)}最深处的文字${'</td></tr></table>'.repeat(n)}<p>之后</p></body>`;
  const started = performance.now();
  const r = await readPublished(utf8(html));
  const elapsed = performance.now() - started;
  assert.equal(r.format, 'html');
  assert.deepEqual(r.problems, []);
  assert.ok(r.text.includes('最深处的文字'));
  assert.ok(r.text.includes('之后'));
  assertMapSane(r);
  assert.ok(elapsed < 5000, `${elapsed.toFixed(0)} ms`);
});

test('misnested and stray end tags cost nothing extra (no quadratic search)', () => {
  const html = `<body>${'<div><span>'.repeat(20_000)}文字${'</p></li></td>'.repeat(50_000)}</body>`;
  const started = performance.now();
  const r = readHtml(utf8(html));
  assert.ok(performance.now() - started < 3000);
  assert.ok(r.text.includes('文字'));
});

test('hidden elements: left out when the visible page holds the report, read when only they do', () => {
  const report = `${REPORT_WORDS}<table><tr><td>自然人</td><td>3</td></tr></table>`;
  const visible = readHtml(utf8(`<body><div>${report}</div><div style="display: none">${report}<p>隐藏的副本</p></div><p hidden>也隐藏</p></body>`));
  assert.ok(!visible.text.includes('隐藏的副本') && !visible.text.includes('也隐藏'));
  assert.equal(lines(visible.text).filter((l) => l === '一、总体情况').length, 1);
  const tabbed = readHtml(utf8(`<body><div class="tab">全真版 <iframe src="viewer.html"></iframe></div><div class="text" style="display:none">${report}</div></body>`));
  assert.deepEqual(lines(tabbed.text), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '自然人\t3']);
});

test('a page titled with the site\'s name alone gets no title line', () => {
  const r = readHtml(utf8(`<html><head><title>某市人民政府门户网站</title></head><body><div>${REPORT_WORDS}</div></body></html>`));
  assert.equal(lines(r.text)[0], '一、总体情况');
  assert.equal(r.meta.title, '某市人民政府门户网站');
});
