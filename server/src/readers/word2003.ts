// Reads a Word XML file into the report's text: Word 2003 XML ("WordprocessingML 2003", root w:wordDocument,
// merges written as w:gridSpan and w:vmerge/w:hmerge) and Word 2007+'s single-file "Flat OPC" XML (root
// pkg:package, the main document part inline). Both mark themselves `<?mso-application progid="Word.Document"?>`
// and are often saved with a .doc extension. One streaming pass reads the body and the document properties
// (o:DocumentProperties, or the core and app parts of the package).

import { TextBuilder } from './builder';
import { errorDetail, resolveLimits } from './common';
import { propsMeta } from './docx';
import { WordMlReader, renderWordBlocks } from './wordml';
import { decodeXml, parseXml } from './xml';
import type { PublishedMeta, PublishedReport, ReaderLimits, ReaderProblem } from './types';

const MAX_TABLE_NESTING = 32;

export function readWord2003(bytes: Uint8Array, limits?: Partial<ReaderLimits>): PublishedReport {
  const lim = resolveLimits(limits);
  const builder = new TextBuilder();
  const problems: ReaderProblem[] = [];
  let meta: PublishedMeta = {};
  if (bytes.length > lim.maxBytes) {
    return builder.build('word2003xml', meta, [{ code: 'too-large', detail: `${bytes.length} bytes > maxBytes ${lim.maxBytes}` }]);
  }
  try {
    const reader = new WordMlReader(Math.min(MAX_TABLE_NESTING, lim.maxDepth));
    const outcome = parseXml(decodeXml(bytes), reader);
    if (outcome.error || outcome.stopped) problems.push({ code: 'damaged', detail: outcome.stopped ?? outcome.error });
    else if (!reader.sawBody) problems.push({ code: 'unsupported', detail: 'no w:body in the XML' });
    renderWordBlocks(builder, reader.blocks);
    meta = propsMeta(reader.props);
  } catch (e) {
    problems.push({ code: 'damaged', detail: errorDetail(e) });
  }
  return builder.build('word2003xml', meta, problems);
}
