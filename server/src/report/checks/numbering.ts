// Ordinal sequences of the prose (（一）（二）…, 一是/二是…, 1. 2. …): a gap or a repeat is flagged on the ordinal.

import type { Collector } from '../check';
import { chineseNumeral } from '../normalize';

function ordinalText(style: string, value: number): string {
  switch (style) {
    case 'paren': return `（${chineseNumeral(value)}）`;
    case 'shi': return `${chineseNumeral(value)}是`;
    default: return `${value}.`;
  }
}

export function checkNumbering(c: Collector): void {
  for (const seq of c.model.ordinalSequences) {
    for (let i = 1; i < seq.length; i++) {
      const prev = seq[i - 1]!;
      const cur = seq[i]!;
      if (cur.value === prev.value + 1) continue;
      const expected = ordinalText(cur.style, prev.value + 1);
      c.add('numbering', cur.span, c.msg.numbering(expected, cur.text), { kind: 'info', expected, actual: cur.text });
    }
  }
}
