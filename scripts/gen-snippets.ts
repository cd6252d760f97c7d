// Generates snippets/gov-report.json from the engine's template text, so snippets, quick fixes and the
// "new report" command insert the same tables. Run by scripts/build.mjs; the output is committed.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { template } from '../server/src/report';

/** Escapes snippet syntax and puts a numbered tab stop on every table number. */
function withTabStops(text: string, firstStop = 1): { body: string[]; next: number } {
  let n = firstStop;
  const body = text.split('\n').map((line) =>
    line.replace(/[$}\\]/g, '\\$&').split('\t').map((cell) => (cell === '0' ? `\${${n++}:0}` : cell)).join('\t'),
  );
  return { body, next: n };
}

/**
 * A TSV table as a Markdown (GFM) table: every row padded to the widest, a delimiter row after the first. Merged
 * cells of the template stay empty cells, as in the TSV layout; the engine reads both the same.
 */
export function markdownTable(tsv: string, valueColumns = 0): string {
  const rows = tsv.split('\n').map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  // A row with fewer label cells than the widest gets empty ones before its values, so that the columns line up.
  const pad = (cells: string[]) => {
    const fill = Array<string>(width - cells.length).fill('');
    return valueColumns > 0 ? [...cells.slice(0, cells.length - valueColumns), ...fill, ...cells.slice(cells.length - valueColumns)] : [...cells, ...fill];
  };
  const line = (cells: string[]) => `| ${pad(cells).join(' | ')} |`;
  return [line(rows[0]!), `|${Array<string>(width).fill('---').join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** The report as Markdown: the title and the parts as headings, the tables as Markdown tables. */
export function markdownReport(tsvReport: string): string {
  const out: string[] = [];
  let table: string[] = [];
  const flush = () => {
    // 表三's rows: seven values after two or three label cells.
    if (table.length > 0) out.push(markdownTable(table.join('\n'), table.some((l) => l.includes('申请人情况')) ? 7 : 0));
    table = [];
  };
  tsvReport.split('\n').forEach((line, i) => {
    if (line.includes('\t')) {
      table.push(line);
      return;
    }
    flush();
    if (i === 0) out.push(`# ${line}`);
    else if (/^[一二三四五六]、/.test(line)) out.push(`## ${line}`);
    else out.push(line);
  });
  flush();
  return out.join('\n');
}

/** Escapes snippet syntax and puts a numbered tab stop on every number of a Markdown table. */
function markdownWithTabStops(text: string, firstStop = 1): { body: string[]; next: number } {
  let n = firstStop;
  const body = text.split('\n').map((line) =>
    line.replace(/[$}\\]/g, '\\$&').replace(/(?<=\| )0(?= \|)/g, () => `\${${n++}:0}`),
  );
  return { body, next: n };
}

/** The Markdown snippets: the same tables and skeleton, in Markdown (snippets/gov-report.md.json). */
export function markdownSnippets(): Record<string, { prefix: string[]; description: string; body: string[] }> {
  const tsv = snippets();
  const t2 = markdownWithTabStops(markdownTable(template.activeDisclosureTableText()));
  const t3 = markdownWithTabStops(markdownTable(template.applicationsTableText(), 7));
  const t4 = markdownWithTabStops(markdownTable(template.reviewsTableText()));
  const skeleton = markdownReport(template.reportTemplate('${1:XX单位}', 2025)).replace(/2025/g, '${2:2025}').split('\n');
  const names = Object.keys(tsv);
  return {
    [names[0]!]: { ...tsv[names[0]!]!, body: t2.body },
    [names[1]!]: { ...tsv[names[1]!]!, body: t3.body },
    [names[2]!]: { ...tsv[names[2]!]!, body: t4.body },
    [names[3]!]: { ...tsv[names[3]!]!, body: skeleton },
  };
}

export function snippets(): Record<string, { prefix: string[]; description: string; body: string[] }> {
  const t2 = withTabStops(template.activeDisclosureTableText());
  const t3 = withTabStops(template.applicationsTableText());
  const t4 = withTabStops(template.reviewsTableText());
  const skeleton = template.reportTemplate('${1:XX单位}', 2025).replace(/2025/g, '${2:2025}').split('\n');
  return {
    '表二 主动公开政府信息情况': { prefix: ['表二', 'biao2', 'table2'], description: '表二：主动公开政府信息情况（第二十条第（一）（五）（六）（八）项）', body: t2.body },
    '表三 收到和处理政府信息公开申请情况': { prefix: ['表三', 'biao3', 'table3'], description: '表三：收到和处理政府信息公开申请情况（25行×7列）', body: t3.body },
    '表四 政府信息公开行政复议、行政诉讼情况': { prefix: ['表四', 'biao4', 'table4'], description: '表四：政府信息公开行政复议、行政诉讼情况', body: t4.body },
    '年度报告框架（六个部分）': { prefix: ['年度报告', 'nianbao', 'report'], description: '政府信息公开工作年度报告：标题、引言和六个部分（含表二、三、四）', body: skeleton },
  };
}

// Writes only when asked: the tests import snippets() from a bundle that shares this module.
const outArg = process.argv.indexOf('--write');
if (outArg >= 0) {
  const out = process.argv[outArg + 1] ?? join(process.cwd(), 'snippets', 'gov-report.json');
  writeFileSync(out, JSON.stringify(snippets(), null, 2) + '\n');
  writeFileSync(out.replace(/\.json$/, '.md.json'), JSON.stringify(markdownSnippets(), null, 2) + '\n');
}
