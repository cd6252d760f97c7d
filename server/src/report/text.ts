// Source text utilities: line splitting and offset <-> position conversion.
// Offsets and characters are UTF-16 code units, as in JavaScript strings and LSP.

import type { Position, Range } from 'vscode-languageserver-types';

/** A half-open range of UTF-16 offsets into the report text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Line {
  /** 0-based line number. */
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  readonly text: string;
}

/**
 * Splits text into lines the way VS Code and LSP do: "\r\n", "\n" and a lone "\r" each end a line.
 * Linear in the text; never throws. Only the line boundaries are kept (two arrays of numbers): Line objects are
 * made when asked for and die young — a document's lines live as long as its model, and an object (and a
 * string) per line made large documents spend their time in the garbage collector.
 */
export class LineIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    const { starts, ends } = this;
    let start = 0;
    const n = text.length;
    if (!text.includes('\r')) {
      // Fast path, the common case: "\n" only, found with indexOf rather than a character loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        starts.push(start);
        ends.push(i);
        start = i + 1;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */ || c === 13 /* \r */) {
          starts.push(start);
          ends.push(i);
          if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
          start = i + 1;
        }
      }
    }
    starts.push(start);
    ends.push(n);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offset of the first character of line `index` (not clamped: hot loops pass valid indices). */
  startOf(index: number): number {
    return this.starts[index]!;
  }

  /** Offset just past the last character of line `index`, before its line break. */
  endOf(index: number): number {
    return this.ends[index]!;
  }

  /** Line `index` (clamped to the document). */
  line(index: number): Line {
    const i = Math.max(0, Math.min(index, this.starts.length - 1));
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    return { index: i, start, end, text: this.text.slice(start, end) };
  }

  /** The index of the line containing `offset`, without making a Line. */
  indexAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    const o = Math.max(0, Math.min(offset, this.text.length));
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * indexAt for offsets visited in increasing order: walks on from line `from` (the previous answer), so a scan
   * that asks for every match's line stays linear instead of paying a binary search per match.
   */
  indexAtFrom(offset: number, from: number): number {
    const starts = this.starts;
    let i = Math.max(0, Math.min(from, starts.length - 1));
    if (starts[i]! > offset) return this.indexAt(offset);
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return i;
  }

  /** Start and end (before the line break) of the line containing `offset`, without slicing its text. */
  boundsAt(offset: number): { start: number; end: number } {
    const i = this.indexAt(offset);
    return { start: this.starts[i]!, end: this.ends[i]! };
  }

  positionAt(offset: number): Position {
    const i = this.indexAt(offset);
    const o = Math.max(0, Math.min(offset, this.text.length));
    return { line: i, character: Math.min(o, this.ends[i]!) - this.starts[i]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[position.line]! + Math.max(0, position.character), this.ends[position.line]!);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** The span without the whitespace (and blank lines) at its end: where text appended to a part belongs. */
export function trimSpanEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && isBlankChar(text.charCodeAt(end - 1))) end--;
  return { start: span.start, end };
}

/** Trims whitespace (including full-width space and a BOM) from both ends of a span of `text`. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isBlankChar(text.charCodeAt(start))) start++;
  while (end > start && isBlankChar(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Blank in a report's text: spaces of every width, tabs, line breaks, a form feed (a page break at a line's start), BOM and zero-width space. */
export function isBlankChar(c: number): boolean {
  // Most characters tested are CJK or digits: one comparison tells them apart from the ASCII blanks.
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

/**
 * Exactly the characters of a regex \s (and of String.prototype.trim): where a character test stands in for a
 * regex or a trim, it must agree with it.
 */
export function isJsWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether text[from, to) is all whitespace — what `text.slice(from, to).trim() === ''` says, without the slice. */
export function isWhitespaceRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isJsWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A copy of `s` that does not keep the string it was sliced from alive. A slice of a document may share the
 * document's storage; a memo that outlives the document must not hold one (4,096 keys would pin 4,096 reports).
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * Values computed from short strings that every report repeats (table labels): computed once, kept across
 * documents. The only state of the engine that outlives a parse, so it is bounded — emptied when it holds
 * `maxEntries`, longer keys computed and not kept — and keyed by detached copies.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly maxKeyLength: number, private readonly maxEntries = 4096) {}

  /** `compute(key)`, remembered. `compute` must be a pure function of the key and never return undefined. */
  get(key: string, compute: (key: string) => V): V {
    if (key.length > this.maxKeyLength) return compute(key);
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.values.size >= this.maxEntries) this.values.clear();
      this.values.set(detach(key), value);
    }
    return value;
  }
}

/** The value that occurs most often; on a tie, the one seen first. */
export function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, count] of counts) {
    if (count > bestCount) {
      best = v;
      bestCount = count;
    }
  }
  return best;
}
