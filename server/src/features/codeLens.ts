// A code lens over each table: does its 勾稽关系 hold? Counts come from the same computations the rules use.

import type { CodeLens } from 'vscode-languageserver-types';
import { computations, type Locale, type ReportModel, type Table } from '../report';
import { COMMANDS } from '../shared/protocol';


export function codeLenses(model: ReportModel, locale: Locale): CodeLens[] {
  const en = locale === 'en';
  const all = computations(model);
  const lenses: CodeLens[] = [];
  const tables = [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits].filter((t): t is Table => t !== undefined);
  for (const t of tables) {
    const range = model.lines.rangeOf({ start: t.firstLine.start, end: t.firstLine.start });
    let title: string;
    if (t.unparseable) {
      title = en ? '⚠ table cannot be read reliably: not checked' : '⚠ 表格无法可靠识别，未核对';
    } else if (t.id === 'activeDisclosure') {
      const cells = [...t.rows.values()].flatMap((r) => Object.values(r.cells));
      const bad = cells.filter((c) => c.kind !== 'number').length;
      title = bad === 0 ? (en ? `✓ ${cells.length} cells, all numbers` : `✓ 共 ${cells.length} 个单元格，均为数字`) : (en ? `✗ ${bad} cells blank or invalid` : `✗ ${bad} 个单元格为空或无效`);
    } else {
      const mine = all.filter((c) => c.result.table === t.id);
      const failed = mine.filter((c) => c.ok === false).length;
      const unknown = mine.filter((c) => c.ok === undefined).length;
      const checked = mine.length - unknown;
      if (mine.length === 0) title = en ? '– no totals to check' : '– 无可核对的合计';
      else if (failed === 0) title = en ? `✓ balances: ${checked} totals hold${unknown ? `, ${unknown} not computable` : ''}` : `✓ 勾稽关系成立：${checked} 项合计正确${unknown ? `，${unknown} 项无法计算` : ''}`;
      else title = en ? `✗ does not balance: ${failed} of ${checked} totals wrong` : `✗ 勾稽关系不成立：${checked} 项合计中 ${failed} 项有误`;
    }
    lenses.push({ range, command: { title, command: COMMANDS.showProblems } });
  }
  return lenses;
}
