// Cheap tests of a text, shared by the extension (which starts the language server only when the first report is
// opened) and the server (which parses only what may be a report). Plain functions over strings, importing
// nothing: the extension must not pull the engine into its bundle. What really is a report is decided by the
// engine's parse (ReportModel.isReport); these only decide whether it is worth asking.

/** How far into a text the sniffs look for the words a report begins with. */
const HEAD = 20000;

/**
 * Whether a text may be a 政府信息公开工作年度报告: words of its title near the top, or the headings of its parts.
 * Loose on purpose (parse decides), and false for ordinary text such as an expense list ("2023年报销明细").
 */
export function looksLikeReport(text: string): boolean {
  return /政府信息公开|政务公开|信息公开/.test(text.slice(0, HEAD)) || /总体情况|主动公开政府信息情况/.test(text);
}

/**
 * Whether a file's name says it is a report (its decoded base name, or a path or URI ending in it): for text so
 * garbled that its content no longer can. "2023年报销明细.txt" (an expense list) is not.
 */
export function nameSuggestsReport(pathOrUri: string): boolean {
  let name = pathOrUri.slice(Math.max(pathOrUri.lastIndexOf('/'), pathOrUri.lastIndexOf('\\')) + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // a name with a stray "%" is read as it is
  }
  return /年度报告|信息公开|政务公开|年报(?!销)/.test(name);
}

/**
 * What UTF-8 report text looks like when it is decoded as GBK (GB18030): the report's most frequent words, each
 * read at both byte alignments (a Chinese character is three bytes in UTF-8, GBK reads them two by two), without
 * the characters that depend on their neighbours, cut where GBK gives a private-use character or U+FFFD (decoders
 * differ there), pieces of three characters or more. Made with TextDecoder('gbk') from the UTF-8 bytes;
 * test/unit/encoding.test.ts makes them again and holds this list to it.
 */
export const UTF8_AS_GBK_WORDS: readonly string[] = [
  '鏀垮簻淇℃伅鍏', '斂搴滀俊鎭', // 政府信息公开
  '骞村害鎶ュ憡', '勾搴︽姤鍛', // 年度报告
  '涓诲姩鍏', '富鍔ㄥ叕寮', // 主动公开
  '琛屾斂澶嶈', // 行政复议
  '琛屾斂璇夎', '鏀胯瘔璁', // 行政诉讼
  '鎬讳綋鎯呭喌', '€讳綋鎯呭', // 总体情况
];

/** "，" (EF BC 8C) and "、" "。" (E3 80 81/82) read as GBK begin with these, characters no report uses. */
export const UTF8_AS_GBK_PUNCTUATION: readonly string[] = ['锛', '銆'];

/** Whether a text may be a report decoded with the wrong encoding (U+FFFD runs, or UTF-8 read as GBK). */
export function looksGarbled(text: string): boolean {
  const head = text.slice(0, HEAD);
  if (count(head, '\uFFFD', 8) >= 8) return true;
  if (hasReportWordsInMojibake(head)) return true;
  return UTF8_AS_GBK_PUNCTUATION.reduce((n, p) => n + count(head, p, 8), 0) >= 8;
}

/** Whether a report's own words stand in the text as UTF-8 read as GBK: the text is a report, garbled. */
export function hasReportWordsInMojibake(text: string): boolean {
  const head = text.slice(0, HEAD);
  return UTF8_AS_GBK_WORDS.some((w) => head.includes(w));
}

/** Occurrences of `s` in `text`, counted up to `max`. */
function count(text: string, s: string, max: number): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0 && n < max; i = text.indexOf(s, i + s.length)) n++;
  return n;
}
