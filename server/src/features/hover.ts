// Hover: on a table number, what it is and every total it takes part in, computed; on a 总计 cell, its operands
// and whether it balances; on a part heading, what the format requires that part to contain.

import type { Hover, Position } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import { cellName, inspect, partName, type Computation, type ReportModel } from '../report';

function sumText(c: Computation, msg: Messages): string {
  // Zero operands are left out, as a person would write the sum ("4 + 1 + 1 + 21 = 27").
  const nonZero = c.operands.filter((o) => o.cell.value !== 0);
  const shown = nonZero.length > 0 ? nonZero : c.operands.slice(0, 1);
  const parts = shown.map((o, i) => `${i === 0 ? (o.sign < 0 ? '−' : '') : o.sign < 0 ? ' − ' : ' + '}${o.cell.value}`).join('');
  const mark = c.ok ? '✓' : msg.tableSays(c.actual!);
  return `${parts} = ${c.expected} ${mark}`;
}

function describe(c: Computation, msg: Messages): string {
  const result = cellName(c.result, msg);
  if (c.expected === undefined) return `${result}：${msg.notComputed()}`;
  // 一 + 二 − （七） = 四
  if (c.kind === 'balance') return `${result} = ${msg.balanceFormula()} = ${sumText(c, msg)}`;
  return `${result} = ${sumText(c, msg)}`;
}

export function hover(model: ReportModel, position: Position, msg: Messages): Hover | undefined {
  const info = inspect(model, position);
  if (!info) return undefined;
  if (info.kind === 'heading') {
    return {
      contents: { kind: 'markdown', value: `**${partName(info.part.id, msg)}**\n\n${msg.partRequirements(info.part.id)}` },
      range: model.lines.rangeOf(info.part.heading.span),
    };
  }
  const { cell, computations } = info;
  const lines = [`**${cellName(cell, msg)}**`, ''];
  lines.push(msg.hoverValue(cell.kind === 'number' ? String(cell.value) : cell.text || msg.blankValue()));
  for (const c of computations) lines.push('', `- ${msg.identityLabel(c.kind)}：${describe(c, msg)}`);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: model.lines.rangeOf(cell.span) };
}
