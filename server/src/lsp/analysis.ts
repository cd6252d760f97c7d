// One analysis per document version, shared by diagnostics, hovers, actions, symbols and lenses: the model, the
// diagnostics as published, and the settings they were made with.

import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Messages } from '../l10n';
import { check, parse, type ReportModel } from '../report';
import { checkEncoding } from '../report/checks/encoding';
import { mayBeGarbledReport, mayBeReport, shouldCheck } from '../features/detect';
import { withRuleLinks } from '../features/diagnostics';
import { SOURCE } from '../shared/constants';
import { TOO_LARGE_CODE, type Settings } from '../shared/protocol';

export interface Analysis {
  readonly version: number;
  readonly settings: Settings;
  readonly msg: Messages;
  /** Set when the document is a report and was checked. */
  readonly model: ReportModel | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Diagnostics a document gets besides its text's own (a published file's late-publication, from its date). */
export type ExtraDiagnostics = (uri: string, model: ReportModel, options: { locale: string; severities: Settings['severity'] }) => Diagnostic[];
/** The diagnostics of a document with those of the rules across reports added (the base's own array when none). */
export type AcrossReports = (uri: string, base: Analysis) => Diagnostic[];

export class Analyses {
  private readonly byUri = new Map<string, Analysis>();
  /** The analyses with the findings across reports added. */
  private readonly extended = new Map<string, Analysis>();

  constructor(private readonly extra?: ExtraDiagnostics) {}

  /** The analysis of this version of the document under these settings, computed once. */
  analyze(doc: TextDocument, settings: Settings, msg: Messages, across?: AcrossReports): Analysis {
    let base = this.byUri.get(doc.uri);
    if (!base || base.version !== doc.version || base.settings !== settings) {
      base = analyzeText(doc.uri, doc.getText(), doc.languageId, doc.version, settings, msg, this.extra);
      this.byUri.set(doc.uri, base);
      this.extended.delete(doc.uri);
    }
    if (!across) return base;
    // The rules across reports (lsp/reportIndex.ts): the same array while nothing changed, so one Analysis per answer.
    const diagnostics = across(doc.uri, base);
    if (diagnostics === base.diagnostics) return base;
    const known = this.extended.get(doc.uri);
    if (known?.diagnostics === diagnostics) return known;
    const result = { ...base, diagnostics };
    this.extended.set(doc.uri, result);
    return result;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.extended.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.extended.clear();
  }
}

export function analyzeText(uri: string, text: string, languageId: string, version: number, settings: Settings, msg: Messages, extra?: ExtraDiagnostics): Analysis {
  const base = { version, settings, msg };
  if (!settings.enable) return { ...base, model: undefined, diagnostics: [] };
  if (!mayBeReport(languageId, text)) return { ...base, model: undefined, diagnostics: garbled(uri, text, languageId, settings, msg) };
  if (text.length > settings.maxDocumentSizeMB * 1024 * 1024) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const notice: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: TOO_LARGE_CODE, source: SOURCE,
      message: msg.documentTooLarge(mb, settings.maxDocumentSizeMB),
    };
    return { ...base, model: undefined, diagnostics: [notice] };
  }
  const model = parse(text);
  if (!shouldCheck(languageId, model)) return { ...base, model: undefined, diagnostics: garbled(uri, text, languageId, settings, msg) };
  const options = { locale: msg.locale, severities: settings.severity, uri };
  const diagnostics = check(model, options);
  // A report with garbled runs in it (text pasted from a file read in the wrong encoding) says so too.
  const encoding = checkEncoding(text, options, model.lines);
  const more = extra?.(uri, model, options) ?? [];
  if (encoding.length > 0 || more.length > 0) {
    diagnostics.push(...encoding, ...more);
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return { ...base, model, diagnostics: withRuleLinks(diagnostics) };
}

/**
 * Text that is no report as it stands, but a report read in the wrong encoding (by its language, its file name or
 * its mojibake): the one encoding-garbled warning, so that it never shows as clean.
 */
function garbled(uri: string, text: string, languageId: string, settings: Settings, msg: Messages): Diagnostic[] {
  if (!mayBeGarbledReport(languageId, uri, text)) return [];
  return withRuleLinks(checkEncoding(text, { locale: msg.locale, severities: settings.severity, uri }));
}
