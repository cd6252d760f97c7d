// Text decoded with the wrong encoding (encoding-garbled). An editor that opens a GBK/GB18030 report as UTF-8
// shows U+FFFD where the Chinese was (the tables' digits survive, the words do not); one that opens a UTF-8 report
// as GBK shows mojibake ("鏀垮簻淇℃伅鍏紑" for 政府信息公开). Either way nothing in the report can be read, and
// saying "no problems" would be a lie: one Warning says what happened and how to reopen the file.
//
// Unlike the other checks this one reads the text, not the model: text this garbled is seldom parsed as a report
// at all, and the caller (the language server) decides, by the file's name or language, that it is worth saying.

import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveSeverity, SOURCE, type CheckOptions } from '../check';
import { messagesFor } from '../../l10n';
import { LineIndex, type Span } from '../text';
import { UTF8_AS_GBK_PUNCTUATION, UTF8_AS_GBK_WORDS } from '../../shared/sniff';

export type Garbling = 'replacement' | 'utf8-as-gbk';

export interface GarbledText {
  readonly kind: Garbling;
  /** The first garbled run: where the warning goes. */
  readonly span: Span;
  /** How many garbled places were counted (U+FFFD characters, or mojibake words and punctuation). */
  readonly count: number;
}

/**
 * Fewest U+FFFD for a text to be called garbled. A real report has none (a PDF converter may leave one or two for a
 * glyph it could not map); a GBK report read as UTF-8 has one for nearly every character.
 */
const MIN_REPLACEMENT = 10;
/** Fewest mojibake words, or mojibake punctuation marks, for UTF-8 read as GBK. */
const MIN_WORDS = 2;
const MIN_PUNCTUATION = 10;

const REPLACEMENT = '\uFFFD';

/** Whether, and how, the text is garbled; undefined for text that reads right. Linear in the text. */
export function findGarbling(text: string): GarbledText | undefined {
  // UTF-8 read as GBK: the report's own words in mojibake, or its full-width punctuation.
  let words = 0;
  let punctuation = 0;
  let at = -1;
  let atEnd = -1;
  const note = (i: number, length: number) => {
    if (at < 0 || i < at) {
      at = i;
      atEnd = i + length;
    }
  };
  for (const w of UTF8_AS_GBK_WORDS) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
      words++;
      note(i, w.length);
    }
  }
  for (const p of UTF8_AS_GBK_PUNCTUATION) {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + p.length)) {
      punctuation++;
      note(i, p.length);
    }
  }
  // First: GBK's decoder leaves U+FFFD in UTF-8 text too (a pair it has no character for).
  if (words >= MIN_WORDS || punctuation >= MIN_PUNCTUATION) {
    return { kind: 'utf8-as-gbk', span: { start: at, end: atEnd }, count: words + punctuation };
  }
  // U+FFFD: the first run, and how many in all.
  const first = text.indexOf(REPLACEMENT);
  if (first >= 0) {
    let count = 0;
    for (let i = first; i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) count++;
    if (count >= MIN_REPLACEMENT) {
      let end = first;
      while (end < text.length && text[end] === REPLACEMENT) end++;
      return { kind: 'replacement', span: { start: first, end }, count };
    }
  }
  return undefined;
}

/** One Warning for a garbled text (none when it reads right or the rule is off). */
export function checkEncoding(text: string, options: CheckOptions = {}, lines?: LineIndex): Diagnostic[] {
  const severity = resolveSeverity('encoding-garbled', options);
  if (severity === undefined) return [];
  const found = findGarbling(text);
  if (!found) return [];
  const msg = messagesFor(options.locale);
  const index = lines ?? new LineIndex(text);
  return [{
    range: index.rangeOf(found.span),
    severity,
    code: 'encoding-garbled',
    source: SOURCE,
    message: msg.encodingGarbled(found.kind, found.count),
    data: { kind: 'info', garbling: found.kind },
  }];
}
