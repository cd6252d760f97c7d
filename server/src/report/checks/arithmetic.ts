// The arithmetic identities of 表三 and 表四 (totals.ts computes them; the hovers read the same list).

import type { Collector, DiagnosticData } from '../check';
import { cellName, formatSum } from '../names';
import { computations } from '../totals';

export function checkArithmetic(c: Collector): void {
  const msg = c.msg;
  for (const comp of computations(c.model)) {
    if (comp.ok !== false) continue;
    const name = cellName(comp.result, msg);
    const data: DiagnosticData = { kind: 'replace', expected: comp.expected!, actual: comp.actual!, cell: `${comp.result.row}/${comp.result.column}` };
    switch (comp.kind) {
      case 'row-sum':
        c.add('row-sum', comp.result.span, msg.rowSum(name, comp.expected!, comp.actual!, formatSum(comp.operands)), data);
        break;
      case 'column-total':
        c.add('column-total', comp.result.span, msg.columnTotal(name, comp.expected!, comp.actual!), data);
        break;
      case 'balance':
        c.add('balance', comp.result.span, msg.balance(name, comp.expected!, comp.actual!, formatSum(comp.operands)), data);
        break;
    }
  }
}
