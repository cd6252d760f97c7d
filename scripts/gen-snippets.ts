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
}
