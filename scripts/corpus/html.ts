// The report as a web page, as a government site's editor publishes it: a <p> per paragraph (headings in
// <strong>), the three tables as real <table>s with the template's rowspan/colspan and a <p> per line of a
// cell's text. UTF-8, declared.

import type { ReportDocument } from './document';
import { esc } from './docx';
import { table2Grid, table3Grid, table4Grid, type GridTable } from './tables';

function table(t: GridTable): string {
  const rows = t.rows.map((row) => {
    const cells = row.map((cell) => {
      const attrs = [
        (cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : '',
        (cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : '',
        cell.left ? ' class="label"' : '',
      ].join('');
      const text = cell.paras.length === 1 ? esc(cell.paras[0]!) : cell.paras.map((p) => `<p>${esc(p)}</p>`).join('');
      return `<td${attrs}>${text}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export function renderHtml(doc: ReportDocument): string {
  const out: string[] = [];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'title': out.push(`<p class="title"><strong>${esc(b.text)}</strong></p>`); break;
      case 'heading': out.push(`<p><strong>${esc(b.text)}</strong></p>`); break;
      case 'paragraph': out.push(`<p>${esc(b.text)}</p>`); break;
      case 'table2': out.push(table(table2Grid(b.values))); break;
      case 'table3': out.push(table(table3Grid(b.values))); break;
      case 'table4': out.push(table(table4Grid(b.values))); break;
    }
  }
  const style = [
    'body { font-family: "仿宋_GB2312", "FangSong", serif; font-size: 16px; line-height: 1.8; max-width: 800px; margin: 2em auto; }',
    'p { text-indent: 2em; margin: 0; }',
    'p.title { text-align: center; text-indent: 0; font-size: 22px; margin: 1em 0; }',
    'table { border-collapse: collapse; margin: 1em auto; font-size: 13px; }',
    'td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }',
    'td.label { text-align: left; }',
    'td p { text-indent: 0; }',
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(doc.title)}</title>`,
    `<style>\n${style}\n</style>`,
    '</head>',
    '<body>',
    '<div class="article">',
    ...out,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
