// Hover: on a table number, what it is and every total it takes part in, computed; on a 总计 cell, its operands
// and whether it balances; on a part heading, what the format requires that part to contain.

import type { Hover, Position } from 'vscode-languageserver-types';
import { cellName, inspect, partName, type Computation, type Locale, type ReportModel } from '../report';
import { partRequirements } from './requirements';

function sumText(c: Computation, locale: Locale): string {
  // Zero operands are left out, as a person would write the sum ("4 + 1 + 1 + 21 = 27").
  const nonZero = c.operands.filter((o) => o.cell.value !== 0);
  const shown = nonZero.length > 0 ? nonZero : c.operands.slice(0, 1);
  const parts = shown.map((o, i) => `${i === 0 ? (o.sign < 0 ? '−' : '') : o.sign < 0 ? ' − ' : ' + '}${o.cell.value}`).join('');
  const mark = c.ok ? '✓' : `✗（${locale === 'en' ? 'table says' : '表中为'} ${c.actual}）`;
  return `${parts} = ${c.expected} ${mark}`;
}

function describe(c: Computation, locale: Locale): string {
  const result = cellName(c.result, locale);
  if (c.expected === undefined) {
    const why = locale === 'en' ? 'not computed: a cell involved is blank or not a number' : '无法计算：涉及的单元格有空白或非数字';
    return `${result}：${why}`;
  }
  if (c.kind === 'balance') {
    // 一 + 二 − （七） = 四
    return `${result} = ${locale === 'en' ? 'I + II − (7)' : '一 + 二 − （七）'} = ${sumText(c, locale)}`;
  }
  return `${result} = ${sumText(c, locale)}`;
}

const KIND_LABEL: Record<Computation['kind'], [string, string]> = {
  'row-sum': ['行合计', 'row total'],
  'column-total': ['列合计', 'column total'],
  balance: ['勾稽关系', 'balance'],
};

export function hover(model: ReportModel, position: Position, locale: Locale): Hover | undefined {
  const info = inspect(model, position);
  if (!info) return undefined;
  if (info.kind === 'heading') {
    return {
      contents: { kind: 'markdown', value: `**${partName(info.part.id, locale)}**\n\n${partRequirements(info.part.id, locale)}` },
      range: model.lines.rangeOf(info.part.heading.span),
    };
  }
  const { cell, computations } = info;
  const lines = [`**${cellName(cell, locale)}**`, ''];
  const value = cell.kind === 'number' ? String(cell.value) : cell.text || (locale === 'en' ? '(blank)' : '（空）');
  lines.push(`${locale === 'en' ? 'Value' : '数值'}：${value}`);
  for (const c of computations) {
    const label = KIND_LABEL[c.kind][locale === 'en' ? 1 : 0];
    lines.push('', `- ${label}：${describe(c, locale)}`);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: model.lines.rangeOf(cell.span) };
}
