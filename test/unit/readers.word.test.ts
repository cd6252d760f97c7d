// The Word-family readers: the generated seed .docx files and the WPS template against the seed texts, the
// LibreOffice .doc of seed 000, and small .docx / Word XML / RTF files written here for each thing Word does to
// a table or a paragraph.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse } from '../../server/src/report';
import { readDocx, readPublished, readRtf, readWord2003, sniffFormat, type PublishedReport } from '../../server/src/readers';
import { SEEDS, fixture } from './helpers';
import { assertMapSane, documentXml, fixtureBytes, makeDocx, p, sharedFile, tableCells } from './readerHelpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

function diagnosticsOf(text: string): string[] {
  return check(parse(text)).map((d) => `${d.code} ${d.message}`);
}

function assertSameReport(r: PublishedReport, seedText: string, what: string): void {
  assert.deepEqual(r.problems, [], what);
  assertMapSane(r, what);
  assert.deepEqual(diagnosticsOf(r.text), diagnosticsOf(seedText), `${what}: diagnostics`);
  const got = tableCells(parse(r.text));
  const want = tableCells(parse(seedText));
  assert.deepEqual(got, want, `${what}: table cells`);
  assert.equal(Object.keys(got.applications).length, 25, `${what}: 表三 rows`);
}

// ---------------------------------------------------------------------------------------------
// Real files

const SEED_DOCX = [
  { docx: 'docx/seed000.docx', seed: SEEDS.tsv000 },
  { docx: 'docx/seed002.docx', seed: SEEDS.cellPerLine002 },
  { docx: 'docx/seed003.docx', seed: SEEDS.tsvShifted003 },
];

for (const { docx, seed } of SEED_DOCX) {
  test(`${docx}: the seed's diagnostics and table cells`, (t) => {
    const bytes = sharedFile(t, docx);
    if (!bytes) return;
    const r = readDocx(bytes);
    assert.equal(r.format, 'docx');
    assertSameReport(r, fixture(seed), docx);
    assert.equal(r.meta.application, 'Microsoft Macintosh Word'); // python-docx's default, as FORMATS.md warns
    assert.match(r.meta.created ?? '', /^\d{4}-\d{2}-\d{2}T/);
  });
}

test('WPS template .docx: read without a problem, three tables, U+3000 placeholders are empty cells, the six headings', (t) => {
  const bytes = sharedFile(t, 'docx/template_2021_wps.docx');
  if (!bytes) return;
  const r = readDocx(bytes);
  assert.deepEqual(r.problems, []);
  assertMapSane(r);
  assert.match(r.meta.application ?? '', /^WPS Office/);
  const tables = new Set(r.map.flatMap((e) => ('table' in e.source ? [e.source.table] : [])));
  assert.deepEqual([...tables], [0, 1, 2]);
  assert.ok(!r.text.includes('\u3000'));
  const model = parse(r.text);
  assert.deepEqual(model.parts.map((p) => p.id), [1, 2, 3, 4, 5, 6]);
  const regulations = model.tables.activeDisclosure!.rows.get('regulations')!;
  assert.deepEqual(regulations.cellList.map((c) => `${c.kind}:${c.text}`), ['blank:', 'blank:', 'blank:']);
  // 表三: every row is there with its label and nothing but empty cells after it (the engine decides what an
  // all-blank table is).
  const table3 = r.text.slice(r.text.indexOf('三、收到和处理'), r.text.indexOf('四、政府信息公开行政复议'));
  const labelled = lines(table3).filter((l) => /^(?:[一二四]、|\t*（[一二三四五六七]）|\t*\d\.)/.test(l.replace(/^三、本年度办理结果\t/, '\t')));
  assert.equal(labelled.length, 25);
  for (const l of labelled) assert.ok(l.split('\t').every((c) => c === '' || /[\u4e00-\u9fff]/.test(c)), l);
});

test('seed 000 as a LibreOffice .doc (wide rows\' properties in the Data stream): the seed\'s diagnostics and table cells', async () => {
  const bytes = fixtureBytes('readers/seed000_libreoffice.doc');
  assert.equal(sniffFormat(bytes), 'doc');
  const r = await readPublished(bytes);
  assert.equal(r.format, 'doc');
  assertSameReport(r, fixture(SEEDS.tsv000), '.doc');
  const cell = r.map.find((e) => 'table' in e.source && e.source.table === 1 && e.source.row === 3);
  assert.ok(cell, 'cells map to table/row/column');
});

// ---------------------------------------------------------------------------------------------
// Small .docx files

const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;

test('docx merges: gridSpan, vMerge restart / continue / no value, gridBefore; a merged value is one cell', () => {
  const body = `${p('三、收到和处理政府信息公开申请情况')}<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(5)}</w:tblGrid>
    <w:tr>${tc(p('三、本年度办理结果'), '<w:vMerge w:val="restart"/>')}${tc(p('（一）予以公开'), '<w:gridSpan w:val="2"/>')}${tc(p('2'))}${tc(p('0'))}</w:tr>
    <w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('（二）部分公开'), '<w:gridSpan w:val="2"/>')}${tc(p('1'))}${tc(p('1'))}</w:tr>
    <w:tr>${tc(p(''), '<w:vMerge w:val="continue"/>')}${tc(p('（七）总计'), '<w:gridSpan w:val="2"/>')}${tc(p('3'), '<w:gridSpan w:val="2"/>')}</w:tr>
    <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('四、结转'), '<w:gridSpan w:val="2"/>')}${tc(p('0'))}${tc(p('0'))}</w:tr>
  </w:tbl>`;
  const r = readDocx(makeDocx(documentXml(body)));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(lines(r.text), [
    '三、收到和处理政府信息公开申请情况',
    '三、本年度办理结果\t（一）予以公开\t\t2\t0',
    '\t（二）部分公开\t\t1\t1',
    '\t（七）总计\t\t3',
    '\t四、结转\t\t0\t0',
  ]);
  const rowMap = r.map.filter((e) => 'row' in e.source).map((e) => e.source);
  assert.deepEqual(rowMap[0], { kind: 'word', table: 0, row: 0, column: 0 });
  assert.deepEqual(rowMap.at(-1), { kind: 'word', table: 0, row: 3, column: 4 });
});

test('docx text: runs split inside a number, tabs, breaks, U+3000 cells, insertions kept, deletions and field codes dropped', () => {
  const run = (t: string, rpr = '') => `<w:r>${rpr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  const body = `
    <w:p>${run('收到申请')}${run('1')}<w:r><w:rPr><w:b/></w:rPr><w:t>2</w:t></w:r>${run('件')}</w:p>
    <w:p>${run('一是')}<w:r><w:tab/></w:r>${run('二是')}<w:r><w:br/></w:r>${run('第二行')}</w:p>
    <w:p><w:ins w:id="1" w:author="a">${run('插入的')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del><w:moveFrom w:id="3" w:author="a">${run('移走的')}</w:moveFrom>${run('正文')}</w:p>
    <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('结果')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
    <w:sdt><w:sdtPr><w:alias w:val="标题"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>${p('控件里的段落')}</w:sdtContent></w:sdt>
    <w:tbl><w:tr>${tc(`<w:p>${run('商业')}</w:p><w:p>${run('企业')}</w:p>`)}${tc(`<w:p>${run('\u3000')}</w:p>`)}${tc(`<w:p>${run('结果')}<w:r><w:br/></w:r>${run('维持')}</w:p>`)}${tc(p('7'))}</w:tr></w:tbl>`;
  const r = readDocx(makeDocx(documentXml(body)));
  assert.deepEqual(lines(r.text), ['收到申请12件', '一是 二是', '第二行', '插入的正文', '结果', '控件里的段落', '商业企业\t\t结果 维持\t7']);
  assertMapSane(r);
  assert.deepEqual(r.map.slice(0, 4).map((e) => e.source), [0, 1, 1, 2].map((paragraph) => ({ kind: 'word', paragraph })));
});

test('docx mc:AlternateContent: the text box is read once, after its paragraph', () => {
  const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
  const body = `<w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>${box('文本框里的标题')}</wps:txbx><a:t>绘图里的文字</a:t></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${box('文本框里的标题')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>${p('下一段')}`;
  const r = readDocx(makeDocx(documentXml(body)));
  assert.deepEqual(lines(r.text), ['锚定段落', '文本框里的标题', '下一段']);
});

test('docx: the main part is found through _rels/.rels wherever it is; properties give the meta', () => {
  const r = readDocx(makeDocx(documentXml(p('某县2024年政府信息公开工作年度报告')), {
    mainPath: 'content/main.xml',
    parts: {
      'docProps/core.xml': '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>年度报告</dc:title><dc:creator>办公室</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-15T08:30:00Z</dcterms:created></cp:coreProperties>',
      'docProps/app.xml': '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>WPS Office_12.1.0.1</Application></Properties>',
      'word/document.xml': documentXml(p('不是这一份')),
    },
  }));
  assert.deepEqual(r.problems, []);
  assert.equal(r.text, '某县2024年政府信息公开工作年度报告\n');
  assert.deepEqual(r.meta, { title: '年度报告', author: '办公室', created: '2025-01-15T08:30:00Z', application: 'WPS Office_12.1.0.1' });
});

test('docx: a DOCTYPE with an external entity is never resolved', () => {
  const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('前&secret;后')}</w:body></w:document>`;
  const r = readDocx(makeDocx(xml));
  assert.ok(!r.text.includes('root:'));
  assert.match(r.text, /前.*后/);
});

test('docx: a page laid out in a table keeps its inner data table', () => {
  const inner = `<w:tbl><w:tr>${tc(p('规章'))}${tc(p('0'))}${tc(p('0'))}${tc(p('0'))}</w:tr></w:tbl>`;
  const body = `<w:tbl><w:tr>${tc(`${p('二、主动公开政府信息情况')}${inner}${p('（文字）')}`)}</w:tr></w:tbl>`;
  const r = readDocx(makeDocx(documentXml(body)));
  assert.deepEqual(lines(r.text), ['二、主动公开政府信息情况', '规章\t0\t0\t0', '（文字）']);
});

test('docx automatic numbering: "一、" and "（一）" of numbered headings are written, from the paragraph or its style', () => {
  const numbered = (text: string, numId: number, ilvl: number) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const styled = (text: string, style: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const body = [
    styled('总体情况', 'Part'), numbered('主动公开', 1, 1), numbered('依申请公开', 1, 1), numbered('第一点', 1, 2),
    styled('主动公开政府信息情况', 'Part'), numbered('平台建设', 1, 1), numbered('不编号', 0, 0), numbered('要点', 2, 0), numbered('项目', 2, 0),
  ].join('');
  const lvl = (ilvl: number, format: string, text: string, suff = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${suff}</w:lvl>`;
  const numbering = `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="10">${lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>
    <w:abstractNum w:abstractNumId="20">${lvl(0, 'bullet', '')}</w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num></w:numbering>`;
  const styles = `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:style w:type="paragraph" w:styleId="Heading"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Part"><w:basedOn w:val="Heading"/></w:style></w:styles>`;
  const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="b" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/></Relationships>`;
  const r = readDocx(makeDocx(documentXml(body), { parts: { 'word/numbering.xml': numbering, 'word/styles.xml': styles, 'word/_rels/document.xml.rels': rels } }));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(lines(r.text), ['一、总体情况', '（一）主动公开', '（二）依申请公开', '1.第一点', '二、主动公开政府信息情况', '（一）平台建设', '不编号', '要点', '项目']);
});

// ---------------------------------------------------------------------------------------------
// Word XML (2003 and Flat OPC)

test('Word 2003 XML: w:vmerge / w:hmerge / w:gridSpan, wx:sect, o:DocumentProperties; sniffed whatever the extension', async () => {
  const W = 'http://schemas.microsoft.com/office/word/2003/wordml';
  const t = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="${W}" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xmlns:o="urn:schemas-microsoft-com:office:office">
<o:DocumentProperties><o:Title>某县2023年报</o:Title><o:Author>张三</o:Author><o:Created>2024-01-10T02:03:00Z</o:Created></o:DocumentProperties>
<w:body><wx:sect>${t('四、政府信息公开行政复议、行政诉讼情况')}<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr><w:tc><w:tcPr><w:vmerge w:val="restart"/></w:tcPr>${t('行政复议')}</w:tc><w:tc><w:tcPr><w:hmerge w:val="restart"/></w:tcPr>${t('结果维持')}</w:tc><w:tc><w:tcPr><w:hmerge/></w:tcPr>${t('')}</w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr>${t('')}</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${t('5')}</w:tc></w:tr>
</w:tbl></wx:sect></w:body></w:wordDocument>`;
  const bytes = utf8(xml);
  assert.equal(sniffFormat(bytes), 'word2003xml');
  const r = await readPublished(bytes);
  assert.equal(r.format, 'word2003xml');
  assert.deepEqual(r.problems, []);
  assert.deepEqual(lines(r.text), ['四、政府信息公开行政复议、行政诉讼情况', '行政复议\t结果维持\t', '\t5']);
  assert.deepEqual(r.meta, { title: '某县2023年报', author: '张三', created: '2024-01-10T02:03:00Z' });
});

test('Flat OPC Word XML (pkg:package): only the main document part is read', () => {
  const xml = `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>
<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
<pkg:part pkg:name="/word/glossary/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"><pkg:xmlData>${documentXml(p('词汇表')).replace(/^<\?xml[^>]*\?>/, '')}</pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>${documentXml(p('正文段落')).replace(/^<\?xml[^>]*\?>/, '')}</pkg:xmlData></pkg:part>
</pkg:package>`;
  assert.equal(sniffFormat(utf8(xml)), 'word2003xml');
  const r = readWord2003(utf8(xml));
  assert.deepEqual(r.problems, []);
  assert.equal(r.text, '正文段落\n');
});

// ---------------------------------------------------------------------------------------------
// RTF

test('RTF: GBK bytes by \\ansicpg936 and by \\fcharset134, \\u with \\uc fallback, skipped destinations, fields, info', () => {
  const rtf = String.raw`{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset0 Times;}{\f1\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}{\colortbl;\red0\green0\blue0;}
{\info{\title \'c4\'ea\'b1\'a8}{\author \'d5\'c5\'c8\'fd}{\creatim\yr2024\mo3\dy8\hr15\min34}}{\*\generator WPS Office;}
\pard \'d7\'d4\'c8\'bb\'c8\'cb\par
\pard {\f1 \'d7\'d4\'c8\'bb}\uc1\u20154\'3f\par
\pard {\*\bkmkstart x}{\field{\*\fldinst HYPERLINK "x"}{\fldrslt \'bd\'e1\'b9\'fb}}{\pict\pngblip 89504e47}\tab end\par}`;
  const r = readRtf(latin1(rtf));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(lines(r.text), ['自然人', '自然人', '结果 end']);
  assert.deepEqual(r.meta, { title: '年报', author: '张三', created: '2024-03-08T15:34', application: 'WPS Office' });
});

test('RTF tables: \\cellx grid, \\clvmgf/\\clvmrg and \\clmgf/\\clmrg merges, paragraphs in a cell joined', () => {
  const row = (defs: string, cells: string[]) => `\\trowd${defs}\\pard\\intbl ${cells.map((c) => `${c}\\cell `).join('')}\\row\n`;
  const rtf = `{\\rtf1\\ansi\\ansicpg936
\\pard \\'c8\\'fd\\'a1\\'a2\\'ca\\'d5\\'b5\\'bd\\par
${row('\\clvmgf\\cellx1000\\cellx2000\\cellx3000', ["\\'c9\\'cc\\'d2\\'b5\\par \\'c6\\'f3\\'d2\\'b5", '1', '2'])}${row('\\clvmrg\\cellx1000\\cellx3000', ['', '5'])}${row('\\cellx1000\\clmgf\\cellx2000\\clmrg\\cellx3000', ['x', '7', ''])}\\pard after\\par}`;
  const r = readRtf(latin1(rtf));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(lines(r.text), ['三、收到', '商业企业\t1\t2', '\t5', 'x\t7', 'after']);
  assertMapSane(r);
  assert.deepEqual(r.map.find((e) => e.source.kind === 'word' && 'row' in e.source && e.source.row === 1)?.source, { kind: 'word', table: 0, row: 1, column: 1 });
});

test('RTF never throws on unbalanced braces, \\bin data or a missing header', () => {
  for (const rtf of ['{\\rtf1 a}}}} b\\par', '{\\rtf1 {{{{ a\\par', '{\\rtf1 \\bin5 }}}}} after\\par}', '{\\rtf1 \\bin999999999', '{\\rtf1 \\u-3913?\\u99999999999\\par}', 'no header']) {
    const r = readRtf(latin1(rtf));
    assertMapSane(r, rtf);
  }
  assert.match(readRtf(latin1('{\\rtf1 a}}}} b\\par')).problems[0]?.code ?? '', /damaged/);
});

// ---------------------------------------------------------------------------------------------
// Sniffing

test('sniffFormat: from the bytes, never the name', () => {
  const docx = makeDocx(documentXml(p('x')));
  assert.equal(sniffFormat(docx), 'docx');
  assert.equal(sniffFormat(utf8('{\\rtf1 x}')), 'rtf');
  assert.equal(sniffFormat(utf8('%PDF-1.7\n')), 'pdf');
  assert.equal(sniffFormat(utf8('\ufeff  <!-- saved --><!DOCTYPE html><html>')), 'html');
  assert.equal(sniffFormat(utf8('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">')), 'html');
  assert.equal(sniffFormat(utf8('<meta charset="gbk"><table>')), 'html');
  assert.equal(sniffFormat(utf8('<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><meta name=ProgId content=Word.Document>')), 'html');
  assert.equal(sniffFormat(utf8('<?xml version="1.0"?><w:wordDocument xmlns:w="x">')), 'word2003xml');
  assert.equal(sniffFormat(fixtureBytes('readers/seed000_libreoffice.doc')), 'doc');
  assert.equal(sniffFormat(utf8('just some text')), undefined);
  assert.equal(sniffFormat(new Uint8Array()), undefined);
  // A zip that is not a Word document (an .xlsx, an .odt).
  assert.equal(sniffFormat(makeDocx('<x/>', { mainPath: 'xl/workbook.xml' })), undefined);
});

test('readPublished: an unknown file is a report with an unsupported problem; PDFs wait for their reader', async () => {
  const unknown = await readPublished(utf8('plain text, no markup'));
  assert.equal(unknown.format, 'unknown');
  assert.equal(unknown.text, '');
  assert.deepEqual(unknown.problems.map((x) => x.code), ['unsupported']);
  const pdf = await readPublished(utf8('%PDF-1.4\n%%EOF'));
  assert.equal(pdf.format, 'pdf');
  assert.equal(pdf.problems.length, 1);
});
