// esbuild plugin: pdf.js, as bundled for the PDF reader, does not parse a font program it does not need.
//
// pdf.js turns every embedded font into a sanitised OpenType file (for rendering) before it can read a single
// character, and with `disableFontFace` it also compiles each glyph's outline when it builds an operator list.
// A report PDF exported by WPS embeds ten subset CJK TrueType fonts: that was 70% of reading the 淮安 PDF
// (checkAndRepair and glyph compilation, measured with --cpu-prof), and the reader needs none of it. What the
// text needs is in the font dictionary: the ToUnicode map (the characters) and the widths (/W, /Widths).
//
// So when a font has a ToUnicode stream, pdf.js is told the font has no embedded program, and takes the path it
// takes for a non-embedded font: characters from ToUnicode, widths from the dictionary, no outlines. Fonts without
// a ToUnicode stream are still parsed, since their characters may come from the program (a built-in encoding or
// the CID collection), and `isEvalSupported: false` keeps that parse from compiling anything.
// The text pdf.js extracts is the same either way: the four report PDFs give identical runs (text, position,
// width) patched and unpatched. And a font program that is never parsed cannot exploit the parser.
//
// A second, smaller patch makes CMap.forEach skip the holes of sparse maps (see below).
//
// The patches are applied to unpdf's pdf.js build by exact text; if the text is not found (another unpdf
// version) the build fails rather than ship an unpatched reader silently.

import { readFile } from 'node:fs/promises';

/** The file of unpdf that holds pdf.js (display layer and worker in one module). */
const PDFJS_FILE = /[\\/]unpdf[\\/]dist[\\/]pdfjs\.mjs$/;

/** What the patched text carries, so a test can check the bundle holds the patched pdf.js. */
export const TEXT_ONLY_MARKER = 'pdf-reader:text-only-fonts';

/** The patched source, or an Error saying why the patch does not apply. */
export function patchPdfjs(source) {
  // PartialEvaluator.translateFont({descriptor, …, toUnicode, …}) reads the font program:
  //   <file>=<descriptor>.get("FontFile","FontFile2","FontFile3")
  const signature = /async translateFont\(\{([^}]*)\}\)\{/.exec(source);
  if (!signature) return new Error('pdf.js text-only patch: translateFont({…}) not found');
  const param = (name) => new RegExp(`(?:^|,)${name}:([A-Za-z_$][\\w$]*)`).exec(signature[1])?.[1];
  const descriptor = param('descriptor');
  const toUnicode = param('toUnicode');
  if (!descriptor || !toUnicode) return new Error('pdf.js text-only patch: translateFont parameters not found');
  const read = `=${descriptor}.get("FontFile","FontFile2","FontFile3")`;
  const at = source.indexOf(read, signature.index);
  if (at < 0 || source.indexOf(read, at + 1) >= 0) return new Error('pdf.js text-only patch: the font program read is not where expected');
  if (!/class BaseStream\b/.test(source)) return new Error('pdf.js text-only patch: class BaseStream not found');
  const patched = `=(${JSON.stringify(TEXT_ONLY_MARKER)},${toUnicode} instanceof BaseStream)?null:${descriptor}.get("FontFile","FontFile2","FontFile3")`;
  const textOnly = source.slice(0, at) + patched + source.slice(at + read.length);

  // CMap.forEach visits every index below the map's length, defined or not: a CID font's ToUnicode map is a
  // sparse array of length up to 65536 in dictionary mode, so reading ten fonts' maps cost ~15 ms of lookups
  // of holes. Visiting the defined indices only (for…in, ascending for array indices) calls back with the same
  // (code, value) pairs in the same order.
  const forEachAt = textOnly.indexOf(CMAP_FOR_EACH);
  if (forEachAt < 0 || textOnly.indexOf(CMAP_FOR_EACH, forEachAt + 1) >= 0) return new Error('pdf.js CMap.forEach patch: CMap.forEach is not as expected');
  return textOnly.slice(0, forEachAt) + CMAP_FOR_EACH_SPARSE + textOnly.slice(forEachAt + CMAP_FOR_EACH.length);
}

const CMAP_FOR_EACH = 'forEach(e){const t=this._map,i=t.length;if(i<=65536)for(let a=0;a<i;a++)void 0!==t[a]&&e(a,t[a]);else for(const i in t)e(i,t[i])}';
const CMAP_FOR_EACH_SPARSE = 'forEach(e){const t=this._map;for(const i in t){const a=+i;void 0!==t[a]&&e(a,t[a])}}';

export const pdfjsTextOnly = {
  name: 'pdfjs-text-only',
  setup(build) {
    build.onLoad({ filter: PDFJS_FILE }, async (args) => {
      const result = patchPdfjs(await readFile(args.path, 'utf8'));
      if (result instanceof Error) return { errors: [{ text: `${result.message} (${args.path})` }] };
      return { contents: result, loader: 'js' };
    });
  },
};
