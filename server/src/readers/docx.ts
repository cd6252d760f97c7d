// Reads a Word document (.docx, and the .docx that WPS writes) into the report's text: the main document part is
// found through the package's relationships (`_rels/.rels`, officeDocument) and content types, never a fixed
// path; its body becomes paragraphs and tables (wordml.ts); the document properties give the title, author,
// creation date and the producing application. Decompression is bounded (zip.ts); no DTD or external entity is
// ever resolved (xml.ts).

import { TextBuilder } from './builder';
import { errorDetail, isoDate, resolveLimits } from './common';
import { parseXml, decodeXml, type XmlElement, type XmlSink } from './xml';
import { WordMlReader, renderWordBlocks, type WordProps } from './wordml';
import { NumberingReader, StyleNumberingReader, applyNumbering } from './numbering';
import { listZip, partKey, readEntry, type InflateBudget, type ZipListing } from './zip';
import type { PublishedMeta, PublishedReport, ReaderLimits, ReaderProblem } from './types';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_CORE = /\/metadata\/core-properties$/;
const REL_EXTENDED = /\/extended-properties$|\/extendedProperties$/;
const REL_NUMBERING = /\/numbering$/;
const REL_STYLES = /\/styles$/;
const MAIN_CONTENT_TYPES = /wordprocessingml\.document\.main\+xml|ms-word\.document\.macroEnabled\.main\+xml|wordprocessingml\.template\.main\+xml|ms-word\.template\.macroEnabledTemplate\.main\+xml/;

/** The most nested tables followed (deeper ones are read as text of the enclosing cell). */
const MAX_TABLE_NESTING = 32;

export function readDocx(bytes: Uint8Array, limits?: Partial<ReaderLimits>): PublishedReport {
  const lim = resolveLimits(limits);
  const builder = new TextBuilder();
  const problems: ReaderProblem[] = [];
  let meta: PublishedMeta = {};
  if (bytes.length > lim.maxBytes) {
    return builder.build('docx', meta, [{ code: 'too-large', detail: `${bytes.length} bytes > maxBytes ${lim.maxBytes}` }]);
  }
  try {
    const zip = listZip(bytes, lim.maxZipEntries);
    if (zip.problem) problems.push(zip.problem);
    if (zip.problem?.code === 'too-large') return builder.build('docx', meta, problems);
    const budget: InflateBudget = { remaining: lim.maxInflatedBytes };
    const read = (name: string, optional = false): string | undefined => readPart(bytes, zip, name, budget, problems, optional);

    const rels = relationships(read('_rels/.rels'));
    const main = rels.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target
      ?? contentTypeOverride(read('[Content_Types].xml'))
      ?? 'word/document.xml';
    const document = read(main);
    if (document === undefined) {
      if (!problems.some((p) => p.code === 'too-large' || p.code === 'encrypted')) {
        problems.push({ code: zip.problem ? 'damaged' : 'unsupported', detail: `no main document part (${main})` });
      }
    } else {
      const reader = new WordMlReader(Math.min(MAX_TABLE_NESTING, lim.maxDepth));
      const outcome = parseXml(document, reader);
      if (outcome.error || outcome.stopped) problems.push({ code: 'damaged', detail: `${main}: ${outcome.stopped ?? outcome.error}` });
      if (!reader.sawBody && !outcome.error) problems.push({ code: 'unsupported', detail: `${main} has no w:body` });
      // Automatic numbering ("一、" of a numbered heading) is not in the runs: it is written from the numbering part.
      const partRels = relationships(read(relsOf(main), true), directoryOf(main));
      const numberingXml = partRels.some((r) => REL_NUMBERING.test(r.type)) ? read(partRels.find((r) => REL_NUMBERING.test(r.type))!.target, true) : undefined;
      if (numberingXml !== undefined) {
        const numbering = new NumberingReader();
        parseXml(numberingXml, numbering);
        const stylesTarget = partRels.find((r) => REL_STYLES.test(r.type))?.target;
        const stylesXml = stylesTarget ? read(stylesTarget, true) : undefined;
        let styles: StyleNumberingReader | undefined;
        if (stylesXml !== undefined) parseXml(stylesXml, (styles = new StyleNumberingReader()));
        applyNumbering(reader.blocks, numbering, styles);
      }
      renderWordBlocks(builder, reader.blocks);
    }

    // Properties are optional: a missing or broken one is not a problem of the report.
    const props: WordProps = {};
    for (const target of [rels.find((r) => REL_CORE.test(r.type))?.target ?? 'docProps/core.xml', rels.find((r) => REL_EXTENDED.test(r.type))?.target ?? 'docProps/app.xml']) {
      const xml = read(target, true);
      if (xml === undefined) continue;
      const reader = new WordMlReader(1);
      parseXml(xml, reader);
      Object.assign(props, Object.fromEntries(Object.entries(reader.props).filter(([k]) => props[k as keyof WordProps] === undefined)));
    }
    meta = propsMeta(props);
  } catch (e) {
    problems.push({ code: 'damaged', detail: errorDetail(e) });
  }
  return builder.build('docx', meta, dedupe(problems));

  function readPart(data: Uint8Array, zip: ZipListing, name: string, budget: InflateBudget, into: ReaderProblem[], optional = false): string | undefined {
    const entry = zip.byName.get(partKey(name));
    if (!entry) return undefined;
    const { data: part, problem } = readEntry(data, entry, budget);
    if (problem && !(optional && problem.code === 'damaged')) into.push(problem);
    return part ? decodeXml(part) : undefined;
  }
}

/** The document properties as the report's meta (dates in ISO form). */
export function propsMeta(props: WordProps): PublishedMeta {
  const created = isoDate(props.created);
  return {
    ...(props.title ? { title: props.title } : {}),
    ...(props.author ? { author: props.author } : {}),
    ...(created ? { created } : {}),
    ...(props.application ? { application: props.application } : {}),
  };
}

function dedupe(problems: readonly ReaderProblem[]): ReaderProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function directoryOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/**
 * Relationships (`_rels/.rels`, or a part's own): external targets are left out; internal ones are resolved
 * against `base` (the package root, or the part's folder), a target starting with '/' from the root.
 */
function relationships(xml: string | undefined, base = ''): Relationship[] {
  if (xml === undefined) return [];
  const out: Relationship[] = [];
  parseXml(xml, new (class implements XmlSink {
    open(el: XmlElement): void {
      if (el.local !== 'Relationship') return;
      const type = el.attr('', 'Type');
      const target = el.attr('', 'Target');
      if (!type || !target || el.attr('', 'TargetMode') === 'External') return;
      out.push({ type, target: resolvePartName(target.startsWith('/') ? target : base + target) });
    }
    close(): void {}
    text(): void {}
  })());
  return out;
}

/** The part whose content type is a Word main document, from `[Content_Types].xml`. */
function contentTypeOverride(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  let found: string | undefined;
  parseXml(xml, new (class implements XmlSink {
    open(el: XmlElement): void {
      if (found || el.local !== 'Override') return;
      const type = el.attr('', 'ContentType');
      const name = el.attr('', 'PartName');
      if (type && name && MAIN_CONTENT_TYPES.test(type)) found = resolvePartName(name);
    }
    close(): void {}
    text(): void {}
  })());
  return found;
}

/** A relationship target (relative to the package root for `_rels/.rels`) as a part name. */
function resolvePartName(target: string): string {
  const parts: string[] = [];
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(decodeURIComponentSafe(seg));
  }
  return parts.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
