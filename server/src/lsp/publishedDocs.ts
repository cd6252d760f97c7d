// Published files in the editor: a Word/WPS/PDF report opened as the read-only document of its rendered text (the
// client's TextDocumentContentProvider asks for it with PublishedTextRequest; the document, under PUBLISHED_SCHEME,
// is then checked like any report), Validate All's published files (read on the reader threads, their diagnostics
// published on that document's URI, or in place for a web page), and a web page open in the HTML editor, checked in
// place: its rendered text is checked and each diagnostic placed back in the page's source by the reader's map.
//
// Files are read on PublishedReader threads (node/published.ts), one per core at most, under its deadline and memory
// bound, so that no file can hold the server up; judgeReport decides what may be checked (never a partial reading).

import { availableParallelism, cpus } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Messages } from '../l10n';
import { check, factsOf, LineIndex, parse, publicationDiagnostics, type ReportModel } from '../report';
import { withRuleLinks } from '../features/diagnostics';
import { locate } from '../readers/location';
import { readFailureMessage, readReportOrBytes } from '../node/files';
import { DEFAULT_MAX_BYTES, PublishedReader, publishedFormatOf, type ReadForCheckOk } from '../node/published';
import { SERVER_READ_TASK, type ServerRead } from '../node/readerThread';
import { fileUriOfPublished, isHtmlFile, publishedUriOf } from '../shared/constants';
import type { PublishedTextResult, Settings } from '../shared/protocol';

/** What Validate All learns of a published file. `uri`: where its diagnostics go (the rendered text's, or the page's own). */
export type PublishedOutcome =
  | { kind: 'report'; uri: string; diagnostics: Diagnostic[]; model: ReportModel }
  | { kind: 'not-report' }
  | { kind: 'unreadable'; reason: string };

type FileRead = { ok: true; read: ReadForCheckOk; htmlSource?: string } | { ok: false; message: string };

/** A page worth reading as a report: cheap words of a report's title, before a thread is asked. */
const HTML_REPORT_WORDS = /政府信息公开/;
const HTML_REPORT_WORDS_2 = /年度报告|年报/;

export class PublishedDocs {
  private reader: PublishedReader | undefined;
  /** The publication date a rendered text's file carries, by the rendered text's URI (for late-publication). */
  private readonly dates = new Map<string, string | undefined>();
  /** Errors and warnings of each open web page checked as a report (for Validate All's counts). */
  private readonly htmlCounts = new Map<string, { errors: number; warnings: number }>();
  /** The version of each open page whose check is the latest asked for. */
  private readonly htmlPending = new Map<string, number>();

  constructor(private readonly logError: (what: string, uri: string | undefined, e: unknown) => void, private readonly threadScript?: string) {}

  /** The reader threads: one per core at most, started when work comes. */
  private threads(): PublishedReader {
    const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
    this.reader ??= new PublishedReader({ threads: Math.max(1, cores), script: this.threadScript ?? join(__dirname, 'readerThread.js'), maxBytes: DEFAULT_MAX_BYTES });
    return this.reader;
  }

  /** Most published files given to the threads at once by one caller (each thread reads one and holds the next). */
  get concurrency(): number {
    return 2 * Math.max(1, typeof availableParallelism === 'function' ? availableParallelism() : cpus().length);
  }

  async dispose(): Promise<void> {
    await this.reader?.dispose();
    this.reader = undefined;
  }

  /** Reads a file (a file: URI) for checking: its bytes here, the reading on a thread. Never rejects. */
  private async readFile(fileUri: string, msg: Messages): Promise<FileRead> {
    let path: string;
    try {
      path = fileURLToPath(fileUri);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    const got = readReportOrBytes(path, DEFAULT_MAX_BYTES, (b) => publishedFormatOf(b, path) !== undefined);
    if (!got.ok) return { ok: false, message: readFailureMessage(got, DEFAULT_MAX_BYTES, msg) };
    // A .doc that is really text (some sites publish text under a Word name): read as the text it is.
    if (got.text !== undefined) return { ok: true, read: { ok: true, format: 'text', text: got.text, map: [], meta: {}, problems: [], notes: [] } };
    return this.readBytes(got.bytes, msg);
  }

  private async readBytes(bytes: Uint8Array, msg: Messages): Promise<FileRead> {
    const answer = await this.threads().runTask<ServerRead>(bytes, SERVER_READ_TASK, { locale: msg.locale });
    if (!answer.ok) return { ok: false, message: answer.message };
    const { read, htmlSource } = answer.result;
    if (!read.ok) return { ok: false, message: read.message };
    return { ok: true, read, ...(htmlSource !== undefined ? { htmlSource } : {}) };
  }

  /** The rendered text of a published file, for the client's read-only document (PublishedTextRequest). */
  async text(fileUri: string, msg: Messages): Promise<PublishedTextResult> {
    const r = await this.readFile(fileUri, msg);
    if (!r.ok) return { ok: false, message: msg.client.publishedUnreadable(nameOf(fileUri), r.message) };
    const published = r.read.meta.published;
    this.dates.set(publishedUriOf(fileUri), published);
    return { ok: true, text: r.read.text, format: r.read.format, ...(published ? { published } : {}), notes: [...r.read.notes] };
  }

  /**
   * Diagnostics an open rendered text gets besides the text's own: late-publication, from the date its file carries
   * (a web page's PubDate; a creation date is not a publication date and is not used).
   */
  extraDiagnostics(uri: string, model: ReportModel, options: { locale: string; severities: Settings['severity'] }): Diagnostic[] {
    const published = this.dates.get(uri);
    if (!published || !model.isReport) return [];
    return publicationDiagnostics(factsOf(model, nameOf(uri), { uri, published }), options);
  }

  /** A rendered text was closed: what was kept for it goes. */
  forget(uri: string): void {
    this.dates.delete(uri);
    this.htmlCounts.delete(uri);
    this.htmlPending.delete(uri);
  }

  /** Validate All (or a file event) on a published file or a web page: read on a thread, checked here. */
  async checkFile(fileUri: string, settings: Settings, msg: Messages): Promise<PublishedOutcome> {
    const r = await this.readFile(fileUri, msg);
    if (!r.ok) return { kind: 'unreadable', reason: r.message };
    try {
      const inPlace = isHtmlFile(fileUri) && r.read.format === 'html' && r.htmlSource !== undefined;
      const uri = inPlace ? fileUri : publishedUriOf(fileUri);
      const checked = this.checkRead(r.read, uri, settings, msg, inPlace ? r.htmlSource : undefined);
      return checked ? { kind: 'report', uri, diagnostics: checked.diagnostics, model: checked.model } : { kind: 'not-report' };
    } catch (e) {
      this.logError('validateWorkspace', fileUri, e);
      return { kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * The diagnostics of a reading, with the model they were made from (undefined when it is no report); with
   * `htmlSource`, placed in the page's source.
   */
  private checkRead(read: ReadForCheckOk, uri: string, settings: Settings, msg: Messages, htmlSource: string | undefined): { diagnostics: Diagnostic[]; model: ReportModel } | undefined {
    const model = parse(read.text);
    if (!model.isReport) return undefined;
    const options = { locale: msg.locale, severities: settings.severity, uri };
    const diagnostics = check(model, options);
    if (read.meta.published) diagnostics.push(...publicationDiagnostics(factsOf(model, nameOf(uri), { uri, published: read.meta.published }), options));
    if (htmlSource === undefined) return { diagnostics: withRuleLinks(diagnostics), model };
    const lines = new LineIndex(htmlSource);
    const place = (range: Diagnostic['range']): Diagnostic['range'] => {
      const loc = locate(read, model, model.lines.offsetAt(range.start), model.lines.offsetAt(range.end), msg, lines);
      if (loc?.kind !== 'html') return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return { start: { line: loc.line - 1, character: loc.column - 1 }, end: { line: loc.endLine - 1, character: loc.endColumn - 1 } };
    };
    for (const d of diagnostics) {
      d.range = place(d.range);
      for (const r of d.relatedInformation ?? []) if (r.location.uri === uri) r.location.range = place(r.location.range);
      // Fixes edit the rendered text, which is not what the editor holds.
      delete d.data;
    }
    return { diagnostics: withRuleLinks(diagnostics), model };
  }

  /**
   * A web page open in the HTML editor, checked in place when it is recognisably a report: read on a thread from the
   * editor's text, checked, each diagnostic placed in the page. `send` gets the result unless a newer version came.
   */
  checkOpenHtml(uri: string, version: number, text: string, settings: Settings, msg: Messages, send: (diagnostics: Diagnostic[]) => void): void {
    this.htmlPending.set(uri, version);
    if (!settings.enable || !HTML_REPORT_WORDS.test(text) || !HTML_REPORT_WORDS_2.test(text)) {
      this.htmlCounts.delete(uri);
      send([]);
      return;
    }
    // The editor's text as UTF-8 behind a byte-order mark: the reader decodes exactly this text (a BOM outranks a
    // page's <meta charset>), so the map's offsets are offsets into the document.
    const body = new TextEncoder().encode(text);
    const bytes = new Uint8Array(body.length + 3);
    bytes.set([0xef, 0xbb, 0xbf]);
    bytes.set(body, 3);
    void this.readBytes(bytes, msg).then((r) => {
      if (this.htmlPending.get(uri) !== version) return;
      let diagnostics: Diagnostic[] | undefined;
      try {
        diagnostics = r.ok && r.read.format === 'html' ? this.checkRead(r.read, uri, settings, msg, text)?.diagnostics : undefined;
      } catch (e) {
        this.logError('checkHtml', uri, e);
      }
      if (diagnostics) {
        let errors = 0;
        let warnings = 0;
        for (const d of diagnostics) if (d.severity === 1) errors++; else if (d.severity === 2) warnings++;
        this.htmlCounts.set(uri, { errors, warnings });
      } else this.htmlCounts.delete(uri);
      send(diagnostics ?? []);
    }, (e) => this.logError('checkHtml', uri, e));
  }

  /** Errors and warnings of an open web page checked as a report, else undefined. */
  openHtmlCounts(uri: string): { errors: number; warnings: number } | undefined {
    return this.htmlCounts.get(uri);
  }
}

/** A file's name, for messages. */
function nameOf(uri: string): string {
  const file = fileUriOfPublished(uri) ?? uri;
  try {
    return basename(fileURLToPath(file));
  } catch {
    return decodeURIComponent(file.split('/').pop() ?? file);
  }
}
