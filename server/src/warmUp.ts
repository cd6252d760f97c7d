// Warming the engine before the first document arrives.
//
// V8 optimises a function after it has run a while, and throws the optimised code away when it meets a case its
// feedback has not seen (a deopt), then optimises again later. Warmed on the template alone, the first edits of a
// real report still hit both: the template has one layout, ASCII digits only and almost no prose, so a real
// report's full-width punctuation, unnumbered sub-headings or column layout deoptimised tokenizeLine, makeCell,
// findSubsections… during the user's first keystrokes (node --trace-deopt; 2–8 ms edits at 100 KB where 0.7 ms is
// usual). So the warm-up runs the whole path of a keystroke over the template in every layout reports arrive in
// (docs/format.md §10), with the irregularities real text has, interleaved from the first iteration so that the feedback
// covers them all before anything is optimised.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, parse, template } from './report';
import { hover } from './features/hover';
import { zhCN } from './l10n/zh-CN';

// Prose as long reports have it (ordinals, stated numbers): the template alone has almost none.
const PROSE = [
  '2024年，我局认真贯彻落实《条例》，一是加强组织领导，二是完善制度机制，三是强化平台建设。',
  '1.全年共受理政府信息公开申请27件，办结25件，另有2件顺延到下年度答复。',
  '2.政府信息公开行政复议1件，行政诉讼0件，均获维持；现行有效规范性文件12件。',
].join('\n');

/** Each table line's cells, or undefined for a line outside the tables (the template's tables are TSV). */
function tableCells(line: string): string[] | undefined {
  return line.includes('\t') ? line.split('\t') : undefined;
}

function relayout(tsv: string, row: (cells: string[]) => string): string {
  const out: string[] = [];
  for (const line of tsv.split('\n')) {
    const cells = tableCells(line);
    out.push(cells ? row(cells) : line);
  }
  return out.join('\n');
}

/**
 * The template report in each layout of docs/format.md §10, with what real text does to it: numbers that do not add up,
 * full-width digits and separators, blank markers, ASCII brackets, unnumbered sub-headings, page numbers inside
 * a table, and long prose.
 */
export function warmUpTexts(): string[] {
  const base = template.reportTemplate('某某局', 2024);
  let n = 0;
  // Varied numbers, most rows not balancing: the diagnostics' messages and fix data are part of the path too.
  const tsv = base.replace(/\t0(?=\t|$)/gm, () => `\t${(n++ * 7) % 13}`);
  const irregular = tsv
    .replace('（一）主动公开情况。', `主动公开情况：\n${Array(20).fill(PROSE).join('\n')}`)
    .replace('（二）依申请公开情况。', '依申请公开情况：\n主要做法如下：  ')
    .replace('（七）总计', '(七) 总计')
    .replace(/^规章\t.*$/m, '规章\t１２\t—\t1,234')
    .replace(/^行政处罚\t.*$/m, '行政处罚\t/')
    .replace('（二）部分公开', '-3-\n（二）部分公开');
  // Typos the blame explains: （七）总计·自然人 (a column total), 四·自然人 (a balance), 表四 (a group that cannot be told).
  const planted = base
    .replace(/^(（七）总计\t\t)0/m, '$11')
    .replace(/^(四、结转下年度继续办理\t\t)0/m, '$11')
    .replace(/^0(\t0\t0\t0\t)0(\t0)/m, '1$11$2');
  return [
    tsv,
    planted,
    base.replace('（一）主动公开情况。', `（一）主动公开情况。\n${Array(60).fill(PROSE).join('\n')}`),
    irregular,
    // `pdftotext -layout`: columns by runs of spaces, empty cells gone.
    relayout(irregular, (cells) => cells.filter((c) => c !== '').join('    ')),
    // Markdown pipes.
    relayout(tsv, (cells) => `| ${cells.join(' | ')} |`),
    // One cell per line, each ending in " |".
    relayout(irregular, (cells) => cells.map((c) => `${c} |`).join('\n')),
    // Rows that lost their leading empty cell (columns shift).
    relayout(tsv, (cells) => (cells[0] === '' ? cells.slice(1) : cells).join('\t')),
  ];
}

/**
 * Runs keystrokes through the engine for up to `budgetMs`: an incremental update, parse, check, the JSON sent,
 * a hover; every other iteration on one of the warm-up texts in turn.
 */
export function warmUp(budgetMs: number): void {
  const started = performance.now();
  try {
    const texts = warmUpTexts();
    const first = texts[0]!;
    const doc = TextDocument.create('warmup:report', 'gov-report', 1, first);
    const at = doc.positionAt(first.indexOf('（一）') + 3);
    for (let i = 0; i < 600 && performance.now() - started < budgetMs; i++) {
      const edited = i % 4 === 0
        ? { range: { start: at, end: at }, text: '年' }
        : i % 4 === 2 ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' } : undefined;
      if (edited) TextDocument.update(doc, [edited], i + 2);
      const model = parse(edited ? doc.getText() : texts[(i >> 1) % texts.length]!);
      JSON.stringify(check(model));
      hover(model, at, zhCN);
    }
  } catch {
    // warming up is an optimisation only
  }
}
