// One analysis per document version, shared by diagnostics, hovers, actions, symbols and lenses: the model, the
// diagnostics as published, and the settings they were made with.

import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Messages } from '../l10n';
import { check, parse, type ReportModel } from '../report';
import { mayBeReport, shouldCheck } from '../features/detect';
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

export class Analyses {
  private readonly byUri = new Map<string, Analysis>();

  /** The analysis of this version of the document under these settings, computed once. */
  analyze(doc: TextDocument, settings: Settings, msg: Messages): Analysis {
    const cached = this.byUri.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings) return cached;
    const result = analyzeText(doc.uri, doc.getText(), doc.languageId, doc.version, settings, msg);
    this.byUri.set(doc.uri, result);
    return result;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}

function analyzeText(uri: string, text: string, languageId: string, version: number, settings: Settings, msg: Messages): Analysis {
  const base = { version, settings, msg };
  if (!settings.enable || !mayBeReport(languageId, text)) return { ...base, model: undefined, diagnostics: [] };
  if (text.length > settings.maxDocumentSizeMB * 1024 * 1024) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const notice: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: TOO_LARGE_CODE, source: SOURCE,
      message: msg.documentTooLarge(mb, settings.maxDocumentSizeMB),
    };
    return { ...base, model: undefined, diagnostics: [notice] };
  }
  const model = parse(text);
  if (!shouldCheck(languageId, model)) return { ...base, model: undefined, diagnostics: [] };
  return { ...base, model, diagnostics: withRuleLinks(check(model, { locale: msg.locale, severities: settings.severity, uri })) };
}
