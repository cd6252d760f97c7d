// Workspace results: every report in the workspace checked from disk (Validate All), and kept the truth about each
// file until it changes. A file opened in the editor is the editor's; closed again, its disk result comes back. A
// file changed, created or deleted on disk (file events from the client's watcher) is re-checked or dropped. A
// rerun replaces every earlier result.

import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { Messages } from '../l10n';
import { check, parse } from '../report';
import { checkEncoding } from '../report/checks/encoding';
import { withRuleLinks } from '../features/diagnostics';
import { fileUrlOf, isFolder, readFailureMessage, readReportFile, walk, errnoMessage, type WalkFailure } from '../node/files';
import { fileUriOfPublished, HTML_EXTENSIONS, isHtmlFile, isPublishedDocument, PUBLISHED_EXTENSIONS, REPORT_EXTENSIONS, reportTextUriOf } from '../shared/constants';
import { matcher } from '../node/glob';
import type { Settings, ValidateWorkspaceParams, ValidateWorkspaceResult } from '../shared/protocol';
import type { SettingsStore } from './settings';
import type { PublishedDocs } from './publishedDocs';
import type { ReportIndex } from './reportIndex';

/** What the workspace results need from the rest of the server. */
export interface WorkspaceHost {
  readonly connection: Connection;
  readonly settings: SettingsStore;
  /** Whether the client can show work-done progress the server creates. */
  readonly workDoneProgress: boolean;
  workspaceFolders(): readonly string[];
  /** Whether the document is open in the editor (its live diagnostics are the editor's, not the disk's). */
  isOpen(uri: string): boolean;
  /** Errors and warnings of an open document as published now; undefined when it is not a report. */
  openCounts(uri: string): { errors: number; warnings: number } | undefined;
  log(message: string): void;
  logError(what: string, uri: string | undefined, e: unknown): void;
  /** Published files (Word/WPS/PDF, web pages), read on reader threads (lsp/publishedDocs.ts). */
  readonly publishedDocs?: PublishedDocs;
  /** The index of reports (lsp/reportIndex.ts): each report checked from disk goes in, with its findings across reports. */
  readonly index?: Pick<ReportIndex, 'fromDisk' | 'forget' | 'retain'>;
}

type FileOutcome =
  | { kind: 'report'; diagnostics: Diagnostic[] }
  | { kind: 'not-report' }
  | { kind: 'unreadable'; reason: string };

/** A file of the kinds the editor checks (by its extension). */
const REPORT_FILE = new RegExp(`\\.(?:${[...REPORT_EXTENSIONS, ...PUBLISHED_EXTENSIONS, ...HTML_EXTENSIONS].join('|')})$`, 'i');

/** A file read by the readers rather than as text: Word/WPS/PDF, or a web page. */
const isPublishedFile = (uri: string) => isPublishedDocument(uri) || isHtmlFile(uri);

/** Where a file's diagnostics are shown: a Word/WPS/PDF file's on its rendered text's document, any other's on it. */

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How often progress is reported and cancellation looked at, at most (ms). */
const PROGRESS_INTERVAL = 100;

export class WorkspaceResults {
  /** Every file of the last run (reports or not), by URI: the files whose disk result the server keeps current. */
  private readonly known = new Set<string>();
  /** Files whose disk diagnostics are published (reports not open in the editor). */
  private readonly published = new Set<string>();
  private ranOnce = false;

  constructor(private readonly host: WorkspaceHost) {}

  async validate(params: ValidateWorkspaceParams, token: CancellationToken): Promise<ValidateWorkspaceResult> {
    const { host } = this;
    const started = Date.now();
    const result: ValidateWorkspaceResult = {
      files: 0, reports: 0, reportsWithErrors: 0, errors: 0, warnings: 0, notReports: 0, unreadable: [], cancelled: false, elapsedMs: 0,
    };
    const folders = params.folders && params.folders.length > 0 ? params.folders : [...host.workspaceFolders()];
    const folderSettings = new Map<string, Settings>();
    for (const f of folders) folderSettings.set(f, await host.settings.get(f));
    const firstSettings = folderSettings.values().next().value ?? (await host.settings.get(''));
    const msg = host.settings.messages(firstSettings);
    let progress: WorkDoneProgressReporter | undefined;
    if (params.workDoneToken !== undefined) progress = host.connection.window.attachWorkDoneProgress(params.workDoneToken);
    else if (host.workDoneProgress) progress = await host.connection.window.createWorkDoneProgress();
    progress?.begin(msg.client.progressTitle(), 0, undefined, true);
    const cancelled = () => token.isCancellationRequested || (progress as { token?: CancellationToken } | undefined)?.token?.isCancellationRequested === true;

    // The files: as the client listed them (with the user's excludes), or walked here for other editors.
    const work = params.files ? params.files.filter((u) => u.startsWith('file:')) : await this.walkFolders(folders, folderSettings, msg, result, cancelled);
    const settingsOf = (uri: string) => {
      let best: string | undefined;
      for (const f of folderSettings.keys()) if (uri.startsWith(f.endsWith('/') ? f : `${f}/`) && (!best || f.length > best.length)) best = f;
      return best ? folderSettings.get(best)! : firstSettings;
    };

    const seen = new Set<string>();
    const tally = (uri: string, outcome: FileOutcome) => {
      switch (outcome.kind) {
        case 'report': {
          result.reports++;
          let errors = 0;
          for (const d of outcome.diagnostics) if (d.severity === 1) errors++; else if (d.severity === 2) result.warnings++;
          result.errors += errors;
          if (errors > 0) result.reportsWithErrors++;
          break;
        }
        case 'not-report':
          result.notReports++;
          break;
        case 'unreadable':
          result.unreadable.push({ uri, path: pathOf(uri), reason: outcome.reason });
          break;
      }
    };
    // Published files are read on the reader threads, a few at a time, while the loop goes on.
    const reading = new Set<Promise<void>>();
    // The count shows at once, then at least every PROGRESS_INTERVAL.
    progress?.report(0, msg.client.progress(0, work.length));
    let lastReport = Date.now();
    for (let i = 0; i < work.length; i++) {
      if (Date.now() - lastReport >= PROGRESS_INTERVAL || i % 20 === 19) {
        // Hovers and edits are answered while a large workspace is checked, and cancellation is seen.
        await yieldToEventLoop();
        if (cancelled()) {
          result.cancelled = true;
          break;
        }
        if (Date.now() - lastReport >= PROGRESS_INTERVAL) {
          lastReport = Date.now();
          progress?.report(Math.floor(((i + 1) / work.length) * 100), msg.client.progress(i + 1, work.length));
        }
      }
      const uri = work[i]!;
      const settings = settingsOf(uri);
      if (!settings.enable) continue;
      seen.add(uri);
      result.files++;
      if (host.isOpen(reportTextUriOf(uri))) {
        // Open documents have live diagnostics; count them as they are now.
        const counts = host.openCounts(reportTextUriOf(uri));
        if (counts) {
          result.reports++;
          result.errors += counts.errors;
          result.warnings += counts.warnings;
          if (counts.errors > 0) result.reportsWithErrors++;
        } else result.notReports++;
        continue;
      }
      if (host.publishedDocs && isPublishedFile(uri)) {
        while (reading.size >= host.publishedDocs.concurrency) await Promise.race(reading);
        const p: Promise<void> = this.checkPublished(uri, settings).then((o) => tally(uri, o), (e) => host.logError('validateWorkspace', uri, e))
          .finally(() => reading.delete(p));
        reading.add(p);
        continue;
      }
      tally(uri, this.checkFromDisk(uri, settings));
    }
    while (reading.size > 0) await Promise.race(reading);
    if (!result.cancelled) {
      // A rerun replaces every earlier result: files of the last run that are not in this one are dropped.
      for (const uri of this.known) if (!seen.has(uri)) this.drop(uri);
      this.known.clear();
      host.index?.retain(seen);
    }
    for (const uri of seen) this.known.add(uri);
    this.ranOnce = true;
    progress?.done();
    result.elapsedMs = Date.now() - started;
    host.log(`validated workspace: ${result.files} files, ${result.reports} reports (${result.reportsWithErrors} with errors), ${result.errors} errors, ${result.warnings} warnings in ${result.elapsedMs} ms${result.cancelled ? ' (cancelled)' : ''}`);
    return result;
  }

  /** A document was closed in the editor: its disk result comes back (or nothing, for a file never validated). */
  documentClosed(uri: string): void {
    const file = fileUriOfPublished(uri);
    if (file !== undefined && this.known.has(file)) void this.recheck(file);
    else if (this.known.has(uri)) void this.recheck(uri);
    else this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Files changed on disk (from the client's watcher): re-check what the workspace results hold, drop the deleted. A
   * deleted folder arrives as one event for the folder: everything under it goes. A rename is a delete and a create.
   */
  async filesChanged(changes: readonly { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    let lastYield = Date.now();
    for (const { uri, type } of changes) {
      // Thousands of files copied in at once: hovers and edits are still answered meanwhile.
      if (Date.now() - lastYield >= PROGRESS_INTERVAL) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
      if (type === 3 /* deleted */) {
        const under = uri.endsWith('/') ? uri : `${uri}/`;
        for (const known of [...this.known, ...this.published]) {
          if (known !== uri && !known.startsWith(under)) continue;
          this.known.delete(known);
          this.drop(known);
        }
        this.host.index?.forget(uri);
        continue;
      }
      // Created or changed: an open document is the editor's; otherwise re-check when validation has run, if the
      // file is one validation would have checked (its folder's include, not excluded).
      if (this.host.isOpen(reportTextUriOf(uri)) || !this.ranOnce) continue;
      if (type === 1 && !REPORT_FILE.test(uri)) {
        // A folder created, copied or moved in may arrive as one event for the folder: its reports are checked.
        await this.folderCreated(uri);
        continue;
      }
      if (!this.known.has(uri) && !(await this.inScope(uri))) continue;
      this.known.add(uri);
      await this.recheck(uri);
    }
  }

  private async folderCreated(uri: string): Promise<void> {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    if (!isFolder(path)) return;
    let lastYield = Date.now();
    for (const file of walk(path, { include: (rel) => REPORT_FILE.test(rel), exclude: () => false }, [])) {
      const fileUri = fileUrlOf(file);
      if (this.host.isOpen(reportTextUriOf(fileUri)) || !(await this.inScope(fileUri))) continue;
      this.known.add(fileUri);
      await this.recheck(fileUri);
      if (Date.now() - lastYield >= PROGRESS_INTERVAL) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }
  }

  /** Whether Validate All would check this file: under a workspace folder, matched by its include, not excluded. */
  private async inScope(uri: string): Promise<boolean> {
    const folder = this.host.workspaceFolders().filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
    if (!folder) return false;
    const rel = decodeURIComponent(uri.slice((folder.endsWith('/') ? folder : `${folder}/`).length));
    const settings = await this.host.settings.get(folder);
    const excluded = matcher(['**/node_modules', '**/.git', ...(await this.host.settings.filesExclude(folder))]);
    return matcher(settings.include)(rel) && !excluded(rel) && !rel.split('/').slice(0, -1).some((_, i, parts) => excluded(parts.slice(0, i + 1).join('/')));
  }

  private async recheck(uri: string): Promise<void> {
    try {
      const settings = await this.host.settings.get(uri);
      if (!settings.enable) {
        this.host.index?.forget(uri);
        return this.drop(uri);
      }
      if (this.host.publishedDocs && isPublishedFile(uri)) await this.checkPublished(uri, settings);
      else this.checkFromDisk(uri, settings);
    } catch (e) {
      this.host.logError('recheck', uri, e);
    }
  }

  /** A closed file's diagnostics changed without a check of it (its findings across reports): published as its result. */
  republish(uri: string, diagnostics: Diagnostic[]): void {
    // (A Word/PDF file's results are on its rendered text's URI.)
    if (this.host.isOpen(reportTextUriOf(uri)) || !this.known.has(uri)) return;
    if (diagnostics.length > 0) {
      this.host.connection.sendDiagnostics({ uri: reportTextUriOf(uri), diagnostics });
      this.published.add(uri);
    } else this.drop(uri);
  }

  private drop(uri: string): void {
    const target = reportTextUriOf(uri);
    if (this.published.delete(uri) && !this.host.isOpen(target)) this.host.connection.sendDiagnostics({ uri: target, diagnostics: [] });
  }

  /** Reads (on a reader thread), checks and publishes one published file, on its rendered text's URI or in place. */
  private async checkPublished(uri: string, settings: Settings): Promise<FileOutcome> {
    const msg = this.host.settings.messages(settings);
    const outcome = await this.host.publishedDocs!.checkFile(uri, settings, msg);
    // A Word/WPS/PDF report goes into the index by its file (the summary lists it; the rules across reports pair
    // it), its findings on its rendered text like its own. A web page is checked in place, its diagnostics placed in
    // the page's source, where findings made on the rendered text would sit on the wrong characters: not indexed.
    if (outcome.kind === 'report' && this.host.index && isPublishedDocument(uri)) {
      outcome.diagnostics = this.host.index.fromDisk(uri, outcome.model, outcome.diagnostics, { locale: msg.locale, severities: settings.severity });
    } else this.host.index?.forget(uri);
    // Opened meanwhile: the editor's diagnostics are the truth.
    if (outcome.kind === 'report' && outcome.diagnostics.length > 0 && !this.host.isOpen(outcome.uri)) {
      this.host.connection.sendDiagnostics({ uri: outcome.uri, diagnostics: outcome.diagnostics });
      this.published.add(uri);
    } else this.drop(uri);
    return outcome;
  }

  /** Reads, checks and publishes one file (a report's diagnostics, or none). */
  private checkFromDisk(uri: string, settings: Settings): FileOutcome {
    const msg = this.host.settings.messages(settings);
    const maxBytes = settings.maxDocumentSizeMB * 1024 * 1024;
    let outcome: FileOutcome;
    const read = readReportFile(fileURLToPath(uri), maxBytes);
    if (!read.ok) outcome = { kind: 'unreadable', reason: readFailureMessage(read, maxBytes, msg) };
    else {
      try {
        const model = parse(read.text);
        const options = { locale: msg.locale, severities: settings.severity, uri };
        outcome = model.isReport
          ? { kind: 'report', diagnostics: withRuleLinks([...checkEncoding(read.text, options, model.lines), ...check(model, options)]) }
          : { kind: 'not-report' };
        if (outcome.kind === 'report' && this.host.index) outcome.diagnostics = this.host.index.fromDisk(uri, model, outcome.diagnostics, options);
      } catch (e) {
        this.host.logError('validateWorkspace', uri, e);
        outcome = { kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
      }
    }
    if (outcome.kind !== 'report') this.host.index?.forget(uri);
    if (outcome.kind === 'report' && outcome.diagnostics.length > 0) {
      this.host.connection.sendDiagnostics({ uri, diagnostics: outcome.diagnostics });
      this.published.add(uri);
    } else this.drop(uri); // a clean report, like a file that is none, has nothing to show (and nothing to send)
    return outcome;
  }

  /** Lists the files of the folders (stdio clients, which do not list them): include, files.exclude, no symlinks. */
  private async walkFolders(folders: readonly string[], settingsOf: ReadonlyMap<string, Settings>, msg: Messages, result: ValidateWorkspaceResult, cancelled: () => boolean): Promise<string[]> {
    const files: string[] = [];
    for (const folderUri of folders) {
      let root: string;
      try {
        root = fileURLToPath(folderUri);
      } catch {
        continue; // not a file: URI (virtual workspace): nothing on disk to walk
      }
      const settings = settingsOf.get(folderUri)!;
      if (!settings.enable) continue;
      const exclude = matcher(['**/node_modules', '**/.git', ...(await this.host.settings.filesExclude(folderUri))]);
      const failures: WalkFailure[] = [];
      for (const path of walk(root, { include: matcher(settings.include), exclude }, failures)) {
        files.push(fileUrlOf(path));
        if (files.length % 500 === 0) {
          await yieldToEventLoop();
          if (cancelled()) break;
        }
      }
      for (const f of failures) result.unreadable.push({ uri: fileUrlOf(f.path), path: f.path, reason: errnoMessage(f.error, msg) });
    }
    return files;
  }
}

/** The file's path as the user knows it (decoded), for messages. */
function pathOf(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return decodeURIComponent(uri);
  }
}
