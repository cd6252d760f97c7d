// Shared helpers for the reader tests: the real published files (read from ../shared/reports, never copied into
// the repository), small Word packages built in the test itself, and checks every reader's result must pass.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { parse, type ReportModel } from '../../server/src/report';
import type { PublishedReport } from '../../server/src/readers';
import { ROOT } from './helpers';

/** The shared folder of real reports beside the repository (CI always has it). */
export const SHARED = join(ROOT, '..', 'shared', 'reports');

/** A real file's bytes, or undefined (and the test skipped, naming the file) when the shared folder lacks it. */
export function sharedFile(t: TestContext, rel: string): Uint8Array | undefined {
  const path = join(SHARED, rel);
  if (!existsSync(path)) {
    t.skip(`missing ${path}`);
    return undefined;
  }
  return new Uint8Array(readFileSync(path));
}

export function sharedText(t: TestContext, rel: string): string | undefined {
  const bytes = sharedFile(t, rel);
  return bytes && new TextDecoder().decode(bytes);
}

export function fixtureBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', rel)));
}

/** Every map entry lies inside the text, entries are sorted and do not overlap. */
export function assertMapSane(r: PublishedReport, what = 'report'): void {
  let last = 0;
  for (const e of r.map) {
    assert.ok(e.start >= last, `${what}: map entry ${e.start}-${e.end} starts before ${last}`);
    assert.ok(e.end >= e.start && e.end <= r.text.length, `${what}: map entry ${e.start}-${e.end} outside 0-${r.text.length}`);
    last = e.end;
  }
}

/** 表三 and 表四 as cell texts, row by row (表三 in schema order of the rows present), for comparisons. */
export function tableCells(model: ReportModel): { disclosure: Record<string, string[]>; applications: Record<string, string[]>; reviews: string[][] } {
  const disclosure: Record<string, string[]> = {};
  for (const [id, row] of model.tables.activeDisclosure?.rows ?? []) disclosure[id] = row.cellList.map((c) => c.text);
  const applications: Record<string, string[]> = {};
  for (const [id, row] of model.tables.applications?.rows ?? []) applications[id] = row.cellList.map((c) => c.text);
  const reviews = [...(model.tables.reviewsAndLawsuits?.groups?.values() ?? [])].map((g) => Object.values(g).map((c) => c.text));
  return { disclosure, applications, reviews };
}

export function parseText(text: string): ReportModel {
  return parse(text);
}

// ---------------------------------------------------------------------------------------------
// Small Word packages

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A document.xml around a body's content. */
export function documentXml(body: string, extraNamespaces = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"${extraNamespaces}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A paragraph of one run per piece of text. */
export function p(...runs: string[]): string {
  return `<w:p>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`;
}

/** A .docx holding `document` as its main part at `mainPath` (found through _rels/.rels), plus other parts. */
export function makeDocx(document: string, options: { mainPath?: string; parts?: Record<string, string>; rels?: string } = {}): Uint8Array {
  const main = options.mainPath ?? 'word/document.xml';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    '_rels/.rels': strToU8(options.rels ?? `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/${main}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`),
    [main]: strToU8(document),
  };
  for (const [name, content] of Object.entries(options.parts ?? {})) files[name] = strToU8(content);
  return zipSync(files);
}
