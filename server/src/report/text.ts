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
 * A line's text is sliced when asked for, not kept: a document's lines live as long as its model, and holding a
 * string per line made large documents spend their time in the garbage collector.
 */
class SourceLine implements Line {
  constructor(readonly index: number, readonly start: number, readonly end: number, private readonly source: string) {}
  get text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/**
 * Splits text into lines the way VS Code and LSP do: "\r\n", "\n" and a lone "\r" each end a line.
 * Linear in the text; never throws.
 */
export class LineIndex {
  readonly lines: readonly Line[];
  private readonly starts: number[];

  constructor(readonly text: string) {
    const lines: Line[] = [];
    const starts: number[] = [];
    let start = 0;
    const n = text.length;
    if (!text.includes('\r')) {
      // Fast path, the common case: "\n" only, found with indexOf rather than a character loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        lines.push(new SourceLine(lines.length, start, i, text));
        starts.push(start);
        start = i + 1;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */ || c === 13 /* \r */) {
          lines.push(new SourceLine(lines.length, start, i, text));
          starts.push(start);
          if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
          start = i + 1;
        }
      }
    }
    lines.push(new SourceLine(lines.length, start, n, text));
    starts.push(start);
    this.lines = lines;
    this.starts = starts;
  }

  /** The line containing `offset` (offsets inside a line break belong to the line they end). */
  lineAt(offset: number): Line {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    const o = Math.max(0, Math.min(offset, this.text.length));
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]!;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    const o = Math.max(0, Math.min(offset, this.text.length));
    return { line: line.index, character: Math.min(o, line.end) - line.start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.text.length;
    const line = this.lines[position.line]!;
    return Math.min(line.start + Math.max(0, position.character), line.end);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The range of a whole line's text, without its line break. */
  lineRange(line: number): Range {
    const l = this.lines[Math.max(0, Math.min(line, this.lines.length - 1))]!;
    return this.rangeOf({ start: l.start, end: l.end });
  }
}

/** Trims whitespace (including full-width space and a BOM) from both ends of a span of `text`. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isBlankChar(text.charCodeAt(start))) start++;
  while (end > start && isBlankChar(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 10 || c === 13 || c === 0x200b;
}
