// A minimal WordprocessingML package written by hand: [Content_Types].xml, _rels/.rels, word/document.xml,
// word/styles.xml, word/footer1.xml (the page number, "- N -", as published reports have it: it lands between
// a table's rows in pdftotext's output where a table breaks across pages), word/_rels/document.xml.rels,
// docProps/core.xml and app.xml, zipped with fflate at a fixed time so the same document gives the same bytes. Tables carry the template's tblGrid, gridSpan and vMerge
// restart/continue (every covered cell written out, as Word and WPS do) and single borders on every cell.

import { zipSync, strToU8 } from 'fflate';
import type { ReportDocument } from './document';
import { place, table2Grid, table3Grid, table4Grid, type GridTable } from './tables';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** zip entry time: fixed, so the package's bytes depend only on its content. */
const MTIME = new Date('2025-01-01T00:00:00Z');

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface RunStyle { font: string; size: number; bold?: boolean }
const TITLE: RunStyle = { font: '方正小标宋简体', size: 44 };
const HEADING: RunStyle = { font: '黑体', size: 32 };
const BODY: RunStyle = { font: '仿宋_GB2312', size: 32 };
const CELL: RunStyle = { font: '宋体', size: 20 };

function run(text: string, s: RunStyle): string {
  const fonts = `<w:rFonts w:ascii="${s.font}" w:hAnsi="${s.font}" w:eastAsia="${s.font}" w:cs="${s.font}"/>`;
  return `<w:r><w:rPr>${fonts}${s.bold ? '<w:b/>' : ''}<w:sz w:val="${s.size}"/><w:szCs w:val="${s.size}"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function paragraph(text: string, s: RunStyle, opts: { center?: boolean; indent?: boolean; spacing?: boolean } = {}): string {
  const ppr = [
    opts.spacing ? '<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>' : '<w:spacing w:before="0" w:after="0"/>',
    opts.indent ? '<w:ind w:firstLine="640"/>' : '',
    opts.center ? '<w:jc w:val="center"/>' : '',
  ].join('');
  return `<w:p><w:pPr>${ppr}</w:pPr>${text ? run(text, s) : ''}</w:p>`;
}

const BORDER = (side: string) => `<w:${side} w:val="single" w:color="000000" w:sz="4" w:space="0"/>`;
const CELL_BORDERS = `<w:tcBorders>${['top', 'left', 'bottom', 'right'].map(BORDER).join('')}</w:tcBorders>`;

function table(t: GridTable): string {
  const total = t.grid.reduce((a, b) => a + b, 0);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(BORDER).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${t.grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = place(t).map((row) => {
    const cells = row.map((p) => {
      const span = p.cell.colSpan ?? 1;
      const width = t.grid.slice(p.column, p.column + span).reduce((a, b) => a + b, 0);
      const merge = p.continued ? '<w:vMerge w:val="continue"/>' : (p.cell.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : '';
      const tcPr = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}${CELL_BORDERS}<w:vAlign w:val="center"/></w:tcPr>`;
      // A covered cell holds one empty paragraph, as in Word's own files.
      const paras = p.continued ? ['<w:p/>'] : p.cell.paras.map((x) => paragraph(x, CELL, { center: !p.cell.left }));
      return `<w:tc>${tcPr}${paras.join('')}</w:tc>`;
    });
    return `<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}${rows.join('')}</w:tbl>`;
}

function body(doc: ReportDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title': out.push(paragraph(b.text, TITLE, { center: true, spacing: true })); break;
      case 'heading': out.push(paragraph(b.text, HEADING, { indent: true, spacing: true })); break;
      case 'paragraph': out.push(paragraph(b.text, BODY, { indent: true, spacing: true })); break;
      // An empty paragraph after each table, as Word needs between a table and what follows.
      case 'table2': out.push(table(table2Grid(b.values)), paragraph('', BODY)); break;
      case 'table3': out.push(table(table3Grid(b.values)), paragraph('', BODY)); break;
      case 'table4': out.push(table(table4Grid(b.values)), paragraph('', BODY)); break;
    }
  }
  return out.join('');
}

export function documentXml(doc: ReportDocument): string {
  const sect = '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body(doc)}${sect}</w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

const PAGE_RUN = (inner: string) => `<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>${inner}</w:r>`;
const FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${[
  '<w:t xml:space="preserve">- </w:t>', '<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
  '<w:fldChar w:fldCharType="separate"/>', '<w:t>1</w:t>', '<w:fldChar w:fldCharType="end"/>', '<w:t xml:space="preserve"> -</w:t>',
].map(PAGE_RUN).join('')}</w:p></w:ftr>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;

function core(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>gov-report corpus</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`;
}

const APP = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>gov-report corpus (scripts/corpus)</Application></Properties>`;

export function renderDocx(doc: ReportDocument): Uint8Array {
  const file = (s: string): [Uint8Array, { mtime: Date }] => [strToU8(s), { mtime: MTIME }];
  return zipSync(
    {
      '[Content_Types].xml': file(CONTENT_TYPES),
      '_rels/.rels': file(RELS),
      'word/document.xml': file(documentXml(doc)),
      'word/styles.xml': file(STYLES),
      'word/footer1.xml': file(FOOTER),
      'word/_rels/document.xml.rels': file(DOCUMENT_RELS),
      'docProps/core.xml': file(core(doc.title)),
      'docProps/app.xml': file(APP),
    },
    { level: 9, mtime: MTIME },
  );
}
