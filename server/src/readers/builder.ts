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

  /** A blank line. */
  blank(): void {
    this.write('\n');
  }

  /** One table row: its cells in order, tab-separated; an undefined cell is an empty cell (a merge). */
  row(cells: readonly (Sourced | undefined)[]): void {
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) this.write('\t');
      const c = cells[i];
      if (c) this.write(clean(c.text), c.source);
    }
    this.write('\n');
  }

  build(format: PublishedFormat, meta: PublishedMeta, problems: readonly ReaderProblem[]): PublishedReport {
    return { format, text: this.parts.join(''), map: this.entries, meta, problems };
  }
}

/** Text of one cell or paragraph on one line: layout characters become spaces, runs of spaces one space. */
function clean(s: string): string {
  return s.replace(LAYOUT_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}
