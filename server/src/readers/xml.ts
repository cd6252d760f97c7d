// Streaming XML for the Word readers: saxes tokenizes (never resolving a DTD or an external entity, never
// fetching anything), and namespaces are resolved here. saxes' own namespace mode looks a prefix up through every
// open element once a nested element declares a namespace (quadratic in depth); here each prefix keeps a stack of
// its bindings, so a lookup is O(1) at any depth.

import { SaxesParser } from 'saxes';
import { errorDetail } from './common';

export interface XmlElement {
  /** Namespace URI ('' when unbound or none). */
  readonly uri: string;
  readonly local: string;
  /** Depth of the element: the root is 1. */
  readonly depth: number;
  /** An attribute's value by namespace and local name ('' for unprefixed attributes). */
  attr(uri: string, local: string): string | undefined;
}

export interface XmlSink {
  open(el: XmlElement): void;
  close(el: XmlElement): void;
  text(text: string): void;
}

export interface XmlOutcome {
  /** The first well-formedness error, when there was one (what was read before and after it is kept). */
  readonly error?: string;
  /** Set when parsing stopped early: too many errors, or the sink asked to stop. */
  readonly stopped?: string;
}

/** Thrown by a sink to stop parsing (e.g. a size or depth limit it enforces). */
export class StopParsing extends Error {}

/** Errors tolerated before a part is given up as not XML at all (random bytes give one per character). */
const MAX_ERRORS = 100;

class Element implements XmlElement {
  constructor(
    readonly uri: string,
    readonly local: string,
    readonly depth: number,
    private readonly attributes: Record<string, string>,
    private readonly resolve: (prefix: string) => string,
  ) {}
  attr(uri: string, local: string): string | undefined {
    for (const name in this.attributes) {
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const l = colon < 0 ? name : name.slice(colon + 1);
      if (l !== local || prefix === 'xmlns' || name === 'xmlns') continue;
      if ((prefix === '' ? '' : this.resolve(prefix)) === uri) return this.attributes[name];
    }
    return undefined;
  }
}

/** Parses `xml`, feeding the sink; never throws. Elements left open at the end are closed, in order. */
export function parseXml(xml: string, sink: XmlSink): XmlOutcome {
  const bindings = new Map<string, string[]>();
  const stack: { el: Element; declared: string[] | undefined }[] = [];
  const resolve = (prefix: string): string => {
    const b = bindings.get(prefix);
    return b && b.length > 0 ? b[b.length - 1]! : prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : '';
  };
  let firstError: string | undefined;
  let errors = 0;
  let stopped: string | undefined;
  const parser = new SaxesParser({ position: false });
  parser.on('error', (e) => {
    firstError ??= e.message;
    if (++errors > MAX_ERRORS) throw new StopParsing(`more than ${MAX_ERRORS} XML errors`);
  });
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    let declared: string[] | undefined;
    for (const name in attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      let b = bindings.get(prefix);
      if (!b) bindings.set(prefix, (b = []));
      b.push(attributes[name]!);
      (declared ??= []).push(prefix);
    }
    const colon = tag.name.indexOf(':');
    const prefix = colon < 0 ? '' : tag.name.slice(0, colon);
    const local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    const el = new Element(resolve(prefix), local, stack.length + 1, attributes, resolve);
    stack.push({ el, declared });
    // A self-closing tag's close comes as its own event.
    sink.open(el);
  });
  parser.on('closetag', () => closeTop());
  parser.on('text', (t) => sink.text(t));
  parser.on('cdata', (t) => sink.text(t));
  const closeTop = (): void => {
    const top = stack.pop();
    if (!top) return;
    sink.close(top.el);
    if (top.declared) for (const p of top.declared) bindings.get(p)!.pop();
  };
  try {
    parser.write(xml);
    parser.close();
  } catch (e) {
    stopped = e instanceof StopParsing ? e.message : errorDetail(e);
  }
  // A part cut mid-element (a truncated file): what was read is closed so that it is kept.
  try {
    while (stack.length > 0) closeTop();
  } catch (e) {
    stopped ??= errorDetail(e);
  }
  return { ...(firstError !== undefined ? { error: firstError } : {}), ...(stopped !== undefined ? { stopped } : {}) };
}

/** A part's bytes as text: UTF-16 when it starts with a byte-order mark, else UTF-8 (what OOXML parts are). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/.exec(head);
  if (m && !/^utf-?8$/i.test(m[1]!)) {
    try {
      return new TextDecoder(m[1]!.toLowerCase().startsWith('gb') ? 'gb18030' : m[1]!).decode(bytes);
    } catch {
      // an unknown label: read as UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
