// Builds a reader's rendered text and its source map together, so that every span of the text knows where it
// came from. Paragraphs become lines; a table row becomes one line of cells separated by tabs (the TSV layout the
// engine reads best), merged cells written as empty cells where the grid needs them.

import type { PublishedFormat, PublishedMeta, PublishedReport, ReaderProblem, SourceMapEntry, SourcePlace } from './types';

/** A piece of text and where it came from. */
export interface Sourced {
  readonly text: string;
  readonly source: SourcePlace;
}

/** Characters that would break the line-and-tab layout inside one cell or paragraph. */
const LAYOUT_BREAKS = /[\t\r\n\u2028\u2029\f\v]+/g;

export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly entries: SourceMapEntry[] = [];
  private length = 0;

  private write(s: string, source?: SourcePlace): void {
    if (source && s.length > 0) this.entries.push({ start: this.length, end: this.length + s.length, source });
    this.parts.push(s);
    this.length += s.length;
  }

  /** One paragraph on a line of its own. Blank paragraphs are kept as blank lines (they separate blocks). */
  paragraph(p: Sourced): void {
    this.write(clean(p.text), p.source);
    this.write('\n');
  }

  /**
   * One paragraph on a line of its own, written from pieces that each keep their own source (a PDF paragraph's
   * lines, which may lie on two pages). The pieces are written as given, one after the other, with the cleaning
   * `paragraph` does applied to the line as a whole; a space at a piece's start (a separator the reader chose)
   * is written outside that piece's source entry.
   */
  paragraphOf(pieces: readonly Sourced[]): void {
    this.pieces(pieces);
    this.write('\n');
  }

  private pieces(pieces: readonly Sourced[]): void {
    let atStart = true;
    let endsWithSpace = false;
    const texts = pieces.map((p) => p.text.replace(LAYOUT_BREAKS, ' ').replace(/ {2,}/g, ' '));
    let last = texts.length - 1;
    while (last >= 0 && texts[last]!.trim() === '') last--;
    for (let i = 0; i <= last; i++) {
      let s = texts[i]!;
      if (i === last) s = s.trimEnd();
      if (atStart || endsWithSpace) s = s.trimStart();
      if (s === '') continue;
      if (s.startsWith(' ')) {
        this.write(' ');
        s = s.slice(1);
      }
      this.write(s, pieces[i]!.source);
      atStart = false;
      endsWithSpace = s.endsWith(' ');
    }
  }

  /** A blank line. */
  blank(): void {
    this.write('\n');
  }

  /**
   * One table row: its cells in order, tab-separated; an undefined cell is an empty cell (a merge). A cell given
   * as several pieces (a cell split by a page break) is written as their texts one after the other, each piece
   * with its own source.
   */
  row(cells: readonly (Sourced | readonly Sourced[] | undefined)[]): void {
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) this.write('\t');
      const c = cells[i];
      if (!c) continue;
      if (!isPieces(c)) this.write(clean(c.text), c.source);
      else this.pieces(c);
    }
    this.write('\n');
  }

  build(format: PublishedFormat, meta: PublishedMeta, problems: readonly ReaderProblem[]): PublishedReport {
    return { format, text: this.parts.join(''), map: this.entries, meta, problems };
  }
}

function isPieces(c: Sourced | readonly Sourced[]): c is readonly Sourced[] {
  return Array.isArray(c);
}

/** Text of one cell or paragraph on one line: layout characters become spaces, runs of spaces one space. */
function clean(s: string): string {
  return s.replace(LAYOUT_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}
