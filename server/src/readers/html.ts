// Reads a published web page (HTML) into the report's text: the article body only (not the site's navigation,
// breadcrumbs, share buttons and footer around it), paragraphs one per line, tables one row per TSV line laid
// out on their rowspan/colspan grid, and a map from every line and cell back to UTF-16 offsets in the decoded
// page. Nothing in the page is executed or fetched: scripts, styles, frames and templates are skipped unread.
//
// Tokens come from htmlparser2's Tokenizer; the tree is built here. htmlparser2's Parser keeps its stack of open
// elements with `unshift`/`indexOf`, which made 80,000 nested tables take 12 s (quadratic): this builder pushes
// and pops, counts open elements by name (a stray end tag costs O(1)), and stops making nodes below
// `limits.maxDepth` (deeper text still lands in the deepest node: flattened, never lost).

import { Tokenizer } from 'htmlparser2';
import { TextBuilder } from './builder';
import { decoderLabel, errorDetail, isoDate, isValidUtf8, joinSplitNumber, latin1, normalizeSpaces, resolveLimits } from './common';
import { MAX_SPAN, isLabelText, renderRow, type PlacedCell } from './grid';
import type { PublishedMeta, PublishedReport, ReaderLimits, ReaderProblem, SourcePlace } from './types';

// ---------------------------------------------------------------------------------------------
// Decoding

/** The page as text, and the encoding it was decoded from (a BOM is consumed, as editors do). */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const encoding = htmlEncoding(bytes);
  try {
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  } catch {
    // A runtime without that legacy decoder (a build without full ICU): UTF-8, with replacement characters.
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
}

/**
 * Which encoding a page is in: a byte-order mark, else the `<meta charset>` / `http-equiv` Content-Type (or an
 * XML declaration) in the first 4 KB, else UTF-8 when the bytes are valid UTF-8, else GB18030 (the superset
 * of GBK and GB2312, what Chinese sites that declare nothing are written in). A page declared UTF-8 whose bytes
 * are not UTF-8 is sniffed like an undeclared one: such pages are GBK pages with a template's declaration.
 */
export function htmlEncoding(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = latin1(bytes, 0, Math.min(bytes.length, 4096));
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ?? /<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  const declared = m ? decoderLabel(m[1]!) : undefined;
  // A page cannot declare itself UTF-16 in ASCII bytes: the declaration is wrong (HTML says: use UTF-8).
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) return declared;
  return isValidUtf8(bytes) ? 'utf-8' : 'gb18030';
}

// ---------------------------------------------------------------------------------------------
// The tree

/** A run of text as the tokenizer gave it: decoded text and its source range. */
interface Chunk {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A character reference (`&nbsp;`): its text is not its source. */
  readonly entity: boolean;
}

interface Attr {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

class HNode {
  readonly children: (HNode | Chunk)[] = [];
  containsTable = false;
  /** display:none, visibility:hidden or the hidden attribute: read only when nothing visible is a report. */
  hidden = false;
  flatStart = 0;
  flatEnd = 0;
  constructor(
    readonly tag: string,
    /** Offset of the `<` of the start tag. */
    readonly start: number,
    readonly attrs: Readonly<Record<string, Attr>>,
    readonly parent: HNode | undefined,
  ) {}
  attr(name: string): string | undefined {
    return this.attrs[name]?.value;
  }
}

interface OpenElement {
  readonly tag: string;
  readonly node: HNode | undefined;
  /** Content not rendered: script, style, hidden elements… */
  readonly skip: boolean;
  /** The node text went to before this element opened. */
  readonly outer: HNode;
}

interface MetaTag {
  readonly key: string;
  readonly content: Attr;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'image']);
/** Elements whose content is never part of the article: code, styles, frames, forms' widgets, media. */
const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'head', 'title', 'object', 'applet', 'svg', 'math', 'select', 'textarea', 'button', 'canvas', 'audio', 'video', 'map', 'noembed', 'noframes', 'frameset', 'xml', 'datalist', 'dialog']);
/** Attributes kept (the rest are dropped as they are read). */
const KEEP_ATTRS = new Set(['class', 'id', 'colspan', 'rowspan', 'name', 'property', 'http-equiv', 'content', 'style', 'hidden', 'itemprop']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'figure', 'figcaption', 'address', 'center', 'form', 'fieldset', 'legend', 'hr', 'caption', 'details', 'summary', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'dir', 'menu', 'hgroup', 'body', 'html', 'listing', 'xmp', 'plaintext', 'option', 'optgroup']);
/** Start tags that close an open `<p>` (HTML's "close a p element in button scope"). */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt', 'listing', 'xmp', 'plaintext']);
const HEAD_CONTENT = new Set(['meta', 'link', 'title', 'style', 'script', 'base', 'noscript', 'template', 'basefont', 'bgsound']);
const P_SCOPE = new Set(['td', 'th', 'table', 'button', 'html', 'caption', 'object', 'applet', 'template', 'marquee']);
const DEFAULT_SCOPE = new Set(['td', 'th', 'table', 'html', 'caption', 'object', 'applet', 'template', 'marquee']);
const TABLE_SCOPE = new Set(['table', 'html', 'template']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Farthest an implied or explicit end tag looks down the stack (bounds the work of misnested markup). */
const MAX_SEARCH = 512;
/** Deepest recursion the renderer may be asked for, whatever limits.maxDepth says. */
const MAX_TREE_DEPTH = 1000;

class TreeBuilder {
  readonly root = new HNode('#root', 0, {}, undefined);
  readonly metas: MetaTag[] = [];
  title = '';
  private titleDone = false;
  private readonly stack: OpenElement[] = [];
  private readonly openCount = new Map<string, number>();
  private current: HNode = this.root;
  private skipDepth = 0;
  private nodeDepth = 0;
  private cursor = 0;
  // The start tag being read.
  private tagName = '';
  private tagStart = 0;
  private attrs: Record<string, Attr> = {};
  private attrName = '';
  private attrValue = '';
  private attrStart = -1;
  private attrEnd = -1;

  constructor(private readonly html: string, private readonly maxDepth: number) {}

  // Tokenizer callbacks -------------------------------------------------------------------------
  onopentagname(start: number, end: number): void {
    this.tagName = this.html.slice(start, end).toLowerCase();
    this.tagStart = start - 1;
    this.attrs = {};
  }
  onattribname(start: number, end: number): void {
    this.attrName = this.html.slice(start, end).toLowerCase();
    this.attrValue = '';
    this.attrStart = -1;
    this.attrEnd = -1;
  }
  onattribdata(start: number, end: number): void {
    if (!KEEP_ATTRS.has(this.attrName)) return;
    this.attrValue += this.html.slice(start, end);
    if (this.attrStart < 0) this.attrStart = start;
    this.attrEnd = end;
  }
  onattribentity(codepoint: number): void {
    if (KEEP_ATTRS.has(this.attrName)) this.attrValue += String.fromCodePoint(codepoint);
  }
  onattribend(_quote: number, end: number): void {
    if (!KEEP_ATTRS.has(this.attrName) || this.attrs[this.attrName]) return;
    const start = this.attrStart < 0 ? end : this.attrStart;
    this.attrs[this.attrName] = { value: this.attrValue, start, end: Math.max(start, this.attrEnd < 0 ? end : this.attrEnd) };
  }
  onopentagend(end: number): void {
    this.open(this.tagName, this.tagStart, this.attrs, false);
    this.cursor = end + 1;
  }
  onselfclosingtag(end: number): void {
    // `<br/>` and `<p/>` are start tags in HTML; only foreign (namespaced) elements really close themselves.
    this.open(this.tagName, this.tagStart, this.attrs, this.tagName.includes(':'));
    this.cursor = end + 1;
  }
  onclosetag(start: number, end: number): void {
    this.close(this.html.slice(start, end).toLowerCase());
    this.cursor = end + 1;
  }
  ontext(start: number, end: number): void {
    this.text({ text: this.html.slice(start, end), start, end, entity: false });
    this.cursor = end;
  }
  ontextentity(codepoint: number, end: number): void {
    this.text({ text: String.fromCodePoint(codepoint), start: this.cursor, end, entity: true });
    this.cursor = end;
  }
  oncomment(_start: number, end: number): void {
    this.cursor = end + 1;
  }
  oncdata(_start: number, end: number): void {
    this.cursor = end + 1;
  }
  ondeclaration(_start: number, end: number): void {
    this.cursor = end + 1;
  }
  onprocessinginstruction(_start: number, end: number): void {
    this.cursor = end + 1;
  }
  onend(): void {
    if (this.stack.length > 0) this.popTo(0);
  }

  // Tree building -------------------------------------------------------------------------------
  private text(chunk: Chunk): void {
    const top = this.stack[this.stack.length - 1];
    if (top?.tag === 'title' && !this.titleDone) this.title += chunk.text;
    if (this.skipDepth > 0) return;
    this.current.children.push(chunk);
  }

  private open(tag: string, start: number, attrs: Record<string, Attr>, selfClosed: boolean): void {
    this.impliedCloses(tag);
    if (tag === 'meta') this.noteMeta(attrs);
    if (VOID.has(tag) || selfClosed) {
      // Line breaks and rules matter to the layout; other void elements carry no text.
      if ((tag === 'br' || tag === 'hr') && this.skipDepth === 0) this.current.children.push(new HNode(tag, start, {}, this.current));
      return;
    }
    const skip = SKIP.has(tag);
    let node: HNode | undefined;
    const outer = this.current;
    if (this.skipDepth === 0 && !skip && this.nodeDepth < this.maxDepth) {
      node = new HNode(tag, start, attrs, this.current);
      node.hidden = isHidden(attrs);
      this.current.children.push(node);
      this.current = node;
      this.nodeDepth++;
    }
    if (skip) this.skipDepth++;
    this.stack.push({ tag, node, skip, outer });
    this.openCount.set(tag, (this.openCount.get(tag) ?? 0) + 1);
  }

  private noteMeta(attrs: Record<string, Attr>): void {
    const key = (attrs['name'] ?? attrs['property'] ?? attrs['http-equiv'] ?? attrs['itemprop'])?.value.trim().toLowerCase();
    const content = attrs['content'];
    if (key && content) this.metas.push({ key, content });
  }

  private impliedCloses(tag: string): void {
    if (this.stack.length === 0) return;
    if (this.isOpen('head') && !HEAD_CONTENT.has(tag)) this.closeNamed('head', TABLE_SCOPE);
    if (CLOSES_P.has(tag) && this.isOpen('p')) this.closeNamed('p', P_SCOPE);
    switch (tag) {
      case 'li':
        this.closeAny(['li'], new Set(['ul', 'ol', 'td', 'th', 'table', 'html']));
        break;
      case 'dt':
      case 'dd':
        this.closeAny(['dt', 'dd'], new Set(['dl', 'td', 'th', 'table', 'html']));
        break;
      case 'td':
      case 'th':
        this.closeAny(['td', 'th'], new Set(['tr', 'table', 'tbody', 'thead', 'tfoot', 'html']));
        break;
      case 'tr':
        this.closeAny(['tr'], new Set(['table', 'tbody', 'thead', 'tfoot', 'html']));
        break;
      case 'tbody':
      case 'thead':
      case 'tfoot':
        this.closeAny(['tbody', 'thead', 'tfoot'], TABLE_SCOPE);
        break;
      case 'option':
        if (this.stack[this.stack.length - 1]?.tag === 'option') this.popTo(this.stack.length - 1);
        break;
      case 'body':
        break;
      default:
        if (HEADINGS.has(tag) && HEADINGS.has(this.stack[this.stack.length - 1]!.tag)) this.popTo(this.stack.length - 1);
    }
  }

  private isOpen(tag: string): boolean {
    return (this.openCount.get(tag) ?? 0) > 0;
  }

  private close(tag: string): void {
    if (tag === 'br') {
      this.open('br', this.cursor, {}, true);
      return;
    }
    if (VOID.has(tag) || !this.isOpen(tag)) return; // a stray end tag: nothing to close
    const scope = tag === 'td' || tag === 'th' || tag === 'tr' || tag === 'tbody' || tag === 'thead' || tag === 'tfoot' || tag === 'table' || tag === 'caption'
      ? TABLE_SCOPE
      : tag === 'p' ? P_SCOPE : DEFAULT_SCOPE;
    this.closeNamed(tag, scope);
  }

  private closeNamed(tag: string, scope: ReadonlySet<string>): void {
    if (!this.isOpen(tag)) return;
    const stop = Math.max(0, this.stack.length - MAX_SEARCH);
    for (let i = this.stack.length - 1; i >= stop; i--) {
      const t = this.stack[i]!.tag;
      if (t === tag) {
        this.popTo(i);
        return;
      }
      if (scope.has(t)) return;
    }
  }

  private closeAny(tags: readonly string[], scope: ReadonlySet<string>): void {
    if (!tags.some((t) => this.isOpen(t))) return;
    const stop = Math.max(0, this.stack.length - MAX_SEARCH);
    for (let i = this.stack.length - 1; i >= stop; i--) {
      const t = this.stack[i]!.tag;
      if (tags.includes(t)) {
        this.popTo(i);
        return;
      }
      if (scope.has(t)) return;
    }
  }

  /** Closes the elements from the top of the stack down to index i. */
  private popTo(i: number): void {
    while (this.stack.length > i) {
      const e = this.stack.pop()!;
      this.openCount.set(e.tag, this.openCount.get(e.tag)! - 1);
      if (e.skip) this.skipDepth--;
      if (e.node) this.nodeDepth--;
      this.current = e.outer;
      if (e.tag === 'title' && this.title.trim() !== '') this.titleDone = true;
    }
  }
}

function isHidden(attrs: Record<string, Attr>): boolean {
  if (attrs['hidden']) return true;
  const style = attrs['style']?.value;
  return style !== undefined && /(?:^|;|\s)(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

// ---------------------------------------------------------------------------------------------
// Finding the article body

/** Words only a report's part headings carry (weight 3) and its tables' labels (weight 1). */
const HEADING_SIGNAL = /[一二三四五六][、，,.．]?(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政法?复议|(?:政府信息公开工作)?存在的主要问题|其他需要报告的事项)/g;
const TABLE_SIGNAL = /自然人|法人或其他组织|商业企业|本年新收|上年结转|结转下年度|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|第二十条|行政许可|行政处罚|行政强制|行政事业性收费|结果维持|结果纠正|尚未审结|统计期限|信息处理费/g;
/** Containers CMSs put articles in: a hint when the page carries no report words at all. */
const BODY_HINT = /TRS_Editor|article[_-]?content|articleContent|Custom_UnionStyle|zoom|con_text|xxgk_content|detail[_-]?content|main[_-]?content|article/i;

interface Flat {
  /** The page's visible text with all whitespace removed (what report words are searched in). */
  readonly text: string;
  /** Every chunk of visible text, in order, with where it starts in `text`. */
  readonly chunks: readonly Chunk[];
  readonly chunkFlat: readonly number[];
}

/**
 * Lays the tree's text out flat (hidden elements left out unless asked for), noting every element's range in it.
 * Recursion is bounded by the tree's depth.
 */
function flatten(root: HNode, includeHidden: boolean): Flat {
  const parts: string[] = [];
  const chunks: Chunk[] = [];
  const chunkFlat: number[] = [];
  let length = 0;
  const visit = (node: HNode): void => {
    node.flatStart = length;
    node.containsTable = false;
    for (const c of node.children) {
      if (c instanceof HNode) {
        if (c.hidden && !includeHidden) {
          c.flatStart = c.flatEnd = length;
          continue;
        }
        visit(c);
        if (c.tag === 'table' || c.containsTable) node.containsTable = true;
      } else {
        const t = c.text.replace(/\s+/g, '');
        if (t === '') continue;
        chunks.push(c);
        chunkFlat.push(length);
        parts.push(t);
        length += t.length;
      }
    }
    node.flatEnd = length;
  };
  visit(root);
  return { text: parts.join(''), chunks, chunkFlat };
}

/** How much of the report's words the page holds, and the element holding the report: the smallest one that
 *  holds nearly all of them. */
function findBody(root: HNode, flat: Flat): { body: HNode; total: number } {
  const positions: number[] = [];
  const weights: number[] = [];
  const hits: [number, number][] = [];
  for (const m of flat.text.matchAll(HEADING_SIGNAL)) hits.push([m.index, 3]);
  for (const m of flat.text.matchAll(TABLE_SIGNAL)) hits.push([m.index, 1]);
  hits.sort((a, b) => a[0] - b[0]);
  for (const [p, w] of hits) {
    positions.push(p);
    weights.push(w);
  }
  const prefix: number[] = [0];
  for (const w of weights) prefix.push(prefix[prefix.length - 1]! + w);
  const score = (n: HNode) => prefix[lowerBound(positions, n.flatEnd)]! - prefix[lowerBound(positions, n.flatStart)]!;
  const total = score(root);
  if (total === 0) return { body: hintedBody(root) ?? root, total };
  let node = root;
  for (;;) {
    let best: HNode | undefined;
    let bestScore = -1;
    for (const c of node.children) {
      if (!(c instanceof HNode) || c.flatEnd === c.flatStart) continue;
      const s = score(c);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (!best || bestScore < total * 0.9) return { body: node, total };
    node = best;
    // A data table is read whole: its rows and cells are not containers of the article.
    if (node.tag === 'table' && !node.containsTable) return { body: node, total };
  }
}

function hintedBody(root: HNode): HNode | undefined {
  let best: HNode | undefined;
  const visit = (n: HNode): void => {
    for (const c of n.children) {
      if (!(c instanceof HNode)) continue;
      const hint = `${c.attr('class') ?? ''} ${c.attr('id') ?? ''}`;
      if (BODY_HINT.test(hint) && (!best || c.flatEnd - c.flatStart > best.flatEnd - best.flatStart)) best = c;
      visit(c);
    }
  };
  visit(root);
  if (best && best.flatEnd > best.flatStart) return best;
  const body = findTag(root, 'body');
  return body;
}

function findTag(root: HNode, tag: string): HNode | undefined {
  const queue: HNode[] = [root];
  for (let i = 0; i < queue.length && i < 64; i++) {
    for (const c of queue[i]!.children) {
      if (!(c instanceof HNode)) continue;
      if (c.tag === tag) return c;
      queue.push(c);
    }
  }
  return undefined;
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** The source range of a chunk's visible text (its leading and trailing spaces left out), or undefined. */
function visibleRange(c: Chunk): [number, number] | undefined {
  const t = c.text;
  let a = 0;
  let b = t.length;
  while (a < b && isSpace(t.charCodeAt(a))) a++;
  while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
  if (a === b) return undefined;
  // An entity's text is not its source: the whole reference is the range.
  return c.entity ? [c.start, c.end] : [c.start + a, c.start + b];
}

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f;
}

/** A paragraph being gathered from inline content. */
class Line {
  private pieces: Chunk[] = [];
  add(c: Chunk): void {
    this.pieces.push(c);
  }
  /** Writes the gathered text as one paragraph (nothing when it has no visible text). */
  flush(builder: TextBuilder): void {
    if (this.pieces.length === 0) return;
    let text = '';
    let start = -1;
    let end = -1;
    for (const c of this.pieces) {
      text += c.text;
      const r = visibleRange(c);
      if (!r) continue;
      if (start < 0) start = r[0];
      end = r[1];
    }
    this.pieces = [];
    const clean = normalizeSpaces(text);
    if (clean === '' || start < 0) return;
    builder.paragraph({ text: clean, source: { kind: 'html', start, end } });
  }
}

/** Longest cell text of a data table: a "cell" holding more is a page laid out in a table. */
const MAX_DATA_CELL = 300;

class Renderer {
  constructor(private readonly builder: TextBuilder, private readonly includeHidden: boolean) {}

  /** Renders the article's element itself (which may be a table) and all it holds. */
  body(node: HNode): void {
    if (node.tag === 'table') {
      this.table(node);
      return;
    }
    const line = new Line();
    this.flow(node, line);
    line.flush(this.builder);
  }

  flow(node: HNode, line: Line): void {
    for (const c of node.children) {
      if (!(c instanceof HNode)) {
        line.add(c);
        continue;
      }
      if (c.hidden && !this.includeHidden) continue;
      if (c.tag === 'br' || c.tag === 'hr') {
        line.flush(this.builder);
      } else if (c.tag === 'table') {
        line.flush(this.builder);
        this.table(c);
      } else if (BLOCK.has(c.tag)) {
        line.flush(this.builder);
        this.flow(c, line);
        line.flush(this.builder);
      } else {
        this.flow(c, line);
      }
    }
  }

  private table(table: HNode): void {
    const rows: HNode[][] = [];
    const captions: HNode[] = [];
    const collect = (group: HNode): void => {
      let loose: HNode[] | undefined;
      for (const c of group.children) {
        if (!(c instanceof HNode) || (c.hidden && !this.includeHidden)) continue;
        if (c.tag === 'tr') {
          loose = undefined;
          rows.push(cellsOf(c, this.includeHidden));
        } else if (c.tag === 'td' || c.tag === 'th') {
          // Cells outside any row (broken markup): one row of their own.
          if (!loose) rows.push((loose = []));
          loose.push(c);
        } else if (c.tag === 'tbody' || c.tag === 'thead' || c.tag === 'tfoot') {
          loose = undefined;
          collect(c);
        } else if (c.tag === 'caption') {
          captions.push(c);
        }
      }
    };
    collect(table);
    const line = new Line();
    for (const c of captions) {
      this.flow(c, line);
      line.flush(this.builder);
    }
    if (!table.containsTable) {
      const texts = rows.map((r) => r.map((td) => cellText(td, this.includeHidden)));
      if (texts.every((r) => r.every((t) => t.text.length <= MAX_DATA_CELL))) {
        this.dataTable(rows, texts);
        return;
      }
    }
    // A layout table (tables inside it, or whole articles in its cells): its cells are blocks of the page.
    for (const row of rows) {
      for (const cell of row) {
        line.flush(this.builder);
        this.flow(cell, line);
        line.flush(this.builder);
      }
    }
  }

  private dataTable(rows: readonly HNode[][], texts: readonly CellText[][]): void {
    // Cells merged down from rows above, by grid column: the row they run to (exclusive) and their text's kind.
    const carry: ({ until: number; origin: number; span: number; labelLike: boolean; source: SourcePlace } | undefined)[] = [];
    for (let r = 0; r < rows.length; r++) {
      const placed: PlacedCell[] = [];
      let column = 0;
      const takeCarried = (): void => {
        for (;;) {
          const c = carry[column];
          if (!c || c.until <= r) return;
          if (c.origin === column) placed.push({ column, span: c.span, text: '', source: c.source, covered: { labelLike: c.labelLike } });
          column += c.origin === column ? c.span : 1;
        }
      };
      const cells = rows[r]!;
      for (let k = 0; k < cells.length; k++) {
        takeCarried();
        const td = cells[k]!;
        const t = texts[r]![k]!;
        const span = clampInt(td.attr('colspan'), 1, MAX_SPAN);
        // rowspan="0" runs to the end of the table.
        const down = td.attr('rowspan') === '0' ? rows.length - r : clampInt(td.attr('rowspan'), 1, rows.length - r);
        const source: SourcePlace = { kind: 'html', start: t.start, end: t.end };
        placed.push({ column, span, text: t.text, source });
        if (down > 1) {
          const entry = { until: r + down, origin: column, span, labelLike: isLabelText(t.text), source };
          for (let j = 0; j < span; j++) carry[column + j] = entry;
        }
        column += span;
      }
      renderRow(this.builder, placed);
    }
  }
}

function cellsOf(tr: HNode, includeHidden: boolean): HNode[] {
  const out: HNode[] = [];
  for (const c of tr.children) if (c instanceof HNode && (c.tag === 'td' || c.tag === 'th') && (!c.hidden || includeHidden)) out.push(c);
  return out;
}

function clampInt(value: string | undefined, min: number, max: number): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  if (!Number.isFinite(n) || n < min) return min;
  return Math.min(n, Math.max(min, max));
}

interface CellText {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A cell's text: its paragraphs, line breaks and runs joined WITHOUT a separator ("商业"+"企业" → 商业企业, "2"+"0" →
 * 20), each paragraph trimmed first ("商业&nbsp;" then "企业" on the 2022 page). Whitespace-only text holding a line
 * break is the source's own formatting between tags and is dropped; a `&nbsp;` or a space inside a run stays a
 * space.
 */
function cellText(td: HNode, includeHidden: boolean): CellText {
  let text = '';
  let segment = '';
  let start = -1;
  let end = -1;
  const endSegment = (): void => {
    text += normalizeSpaces(segment);
    segment = '';
  };
  const visit = (n: HNode): void => {
    for (const c of n.children) {
      if (c instanceof HNode) {
        if (c.hidden && !includeHidden) continue;
        const block = BLOCK.has(c.tag) || c.tag === 'br';
        if (block) endSegment();
        visit(c);
        if (block) endSegment();
        continue;
      }
      const r = visibleRange(c);
      if (!r) {
        if (!c.entity && /[\r\n]/.test(c.text)) continue;
        segment += ' ';
        continue;
      }
      segment += c.text;
      if (start < 0) start = r[0];
      end = r[1];
    }
  };
  visit(td);
  endSegment();
  if (start < 0) return { text: '', start: td.start, end: td.start };
  return { text: joinSplitNumber(normalizeSpaces(text)), start, end };
}

// ---------------------------------------------------------------------------------------------
// Meta: title and publication date

const TITLE_KEYS = ['articletitle', 'og:title', 'dc.title', 'title'];
const PUBLISHED_KEYS = ['pubdate', 'publishdate', 'publish_date', 'publish-date', 'publishtime', 'article:published_time', 'og:article:published_time', 'og:published_time', 'dcterms.issued', 'dc.date.issued', 'dc.date', 'firstpublishedtime', 'releasedate'];
const VISIBLE_DATE = /(?:发布时间|发布日期|发文日期|成文日期|时间|日期)\s*[:：]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)/;
const REPORT_TITLE = /(?:年度报告|年报|工作报告)/;

function metaValue(metas: readonly MetaTag[], keys: readonly string[]): MetaTag | undefined {
  for (const key of keys) {
    const m = metas.find((x) => x.key === key && x.content.value.trim() !== '');
    if (m) return m;
  }
  return undefined;
}

/** The `<title>` without the site's name: "报告标题_栏目_网站" → the part that names the report. */
function cleanDocumentTitle(title: string): string {
  const parts = normalizeSpaces(title).split(/\s*[_|｜]\s*|\s+[-–—]\s+/).filter((p) => p !== '');
  return parts.find((p) => REPORT_TITLE.test(p)) ?? parts[0] ?? '';
}

// ---------------------------------------------------------------------------------------------
// The reader

/** Reads a web page from its bytes (decoding them first: see `htmlEncoding`). */
export function readHtml(bytes: Uint8Array, limits?: Partial<ReaderLimits>): PublishedReport {
  const lim = resolveLimits(limits);
  if (bytes.length > lim.maxBytes) return tooLarge(bytes.length, lim.maxBytes);
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeHtml(bytes);
  } catch (e) {
    return { format: 'html', text: '', map: [], meta: {}, problems: [{ code: 'damaged', detail: errorDetail(e) }] };
  }
  return readHtmlText(decoded.text, limits, decoded.encoding);
}

/**
 * Reads a web page already decoded (an editor's document): the map's offsets are offsets into `html`.
 * `encoding` is only reported in the meta.
 */
export function readHtmlText(html: string, limits?: Partial<ReaderLimits>, encoding?: string): PublishedReport {
  const lim = resolveLimits(limits);
  const problems: ReaderProblem[] = [];
  const builder = new TextBuilder();
  let meta: PublishedMeta = encoding ? { encoding } : {};
  try {
    const tree = new TreeBuilder(html, Math.min(lim.maxDepth, MAX_TREE_DEPTH));
    const tokenizer = new Tokenizer({ decodeEntities: true }, tree);
    tokenizer.write(html);
    tokenizer.end();
    // The visible page first; a report only in hidden elements (a "文字版" tab shown by script) is read from them.
    let includeHidden = false;
    let flat = flatten(tree.root, false);
    let found = findBody(tree.root, flat);
    if (found.total === 0) {
      const all = flatten(tree.root, true);
      const hidden = findBody(tree.root, all);
      if (hidden.total > 0) {
        includeHidden = true;
        flat = all;
        found = hidden;
      } else flat = flatten(tree.root, false);
    }
    const body = found.body;

    // The title: the page's own statement of it, shown above the article; written as the first line when the
    // article itself does not start with it (CMS pages keep the title out of the article body).
    const titleMeta = metaValue(tree.metas, TITLE_KEYS);
    const title = titleMeta ? normalizeSpaces(titleMeta.content.value) : cleanDocumentTitle(tree.title);
    const bodyStart = flat.text.slice(body.flatStart, Math.min(body.flatEnd, body.flatStart + 200));
    let titleAt: number | undefined;
    if (title !== '') {
      const key = title.replace(/\s+/g, '');
      const at = flat.text.lastIndexOf(key, body.flatStart - key.length);
      if (at >= 0 && at + key.length <= body.flatStart) titleAt = at;
      // Only a report's title is written (a page titled with the site's name alone is no report title).
      if (REPORT_TITLE.test(title) && (!REPORT_TITLE.test(bodyStart) || !bodyStart.includes(key.slice(0, 8)))) {
        const source = titleAt !== undefined
          ? flatSpan(flat, titleAt, titleAt + key.length)
          : titleMeta ? { start: titleMeta.content.start, end: titleMeta.content.end } : undefined;
        if (source) builder.paragraph({ text: title, source: { kind: 'html', ...source } });
      }
    }

    new Renderer(builder, includeHidden).body(body);

    const published = isoDate(metaValue(tree.metas, PUBLISHED_KEYS)?.content.value)
      ?? visibleDate(flat, titleAt ?? Math.max(0, body.flatStart - 2000), body.flatStart);
    const author = metaValue(tree.metas, ['author', 'dc.creator']);
    meta = {
      ...meta,
      ...(title !== '' ? { title } : {}),
      ...(published ? { published } : {}),
      ...(author ? { author: normalizeSpaces(author.content.value) } : {}),
    };
  } catch (e) {
    problems.push({ code: 'damaged', detail: errorDetail(e) });
  }
  return builder.build('html', meta, problems);
}

/** The source range of flat-text positions [a, b): from the chunk holding a to the chunk holding b - 1. */
function flatSpan(flat: Flat, a: number, b: number): { start: number; end: number } | undefined {
  const i = lowerBound(flat.chunkFlat, a + 1) - 1;
  const j = lowerBound(flat.chunkFlat, b) - 1;
  if (i < 0 || j < i) return undefined;
  const first = visibleRange(flat.chunks[i]!);
  const last = visibleRange(flat.chunks[j]!);
  if (!first || !last) return undefined;
  return { start: first[0], end: last[1] };
}

/** A visible "发布时间：2024-03-08 15:34" between the title and the article. */
function visibleDate(flat: Flat, from: number, to: number): string | undefined {
  const i = Math.max(0, lowerBound(flat.chunkFlat, from + 1) - 1);
  const j = lowerBound(flat.chunkFlat, to);
  let text = '';
  for (let k = i; k < j && k < i + 400; k++) text += `${flat.chunks[k]!.text} `;
  const m = VISIBLE_DATE.exec(normalizeSpaces(text));
  return m ? isoDate(m[1]) : undefined;
}

function tooLarge(size: number, max: number): PublishedReport {
  return { format: 'html', text: '', map: [], meta: {}, problems: [{ code: 'too-large', detail: `${size} bytes > maxBytes ${max}` }] };
}
