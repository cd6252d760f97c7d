// Which documents get checked: the report language always; plain text and Markdown only when the text is
// recognisably a report (a title with 政府信息公开 … 年度报告, or several part headings). Everything else gets
// nothing, so workspaces with other text see no noise.

import type { ReportModel } from '../report';
import { REPORT_LANGUAGE_ID } from '../shared/constants';
import { hasReportWordsInMojibake, looksGarbled, looksLikeReport, nameSuggestsReport } from '../shared/sniff';

// 'text' is what Neovim and other editors call plain text.
const SNIFFED_LANGUAGES = new Set(['plaintext', 'text', 'markdown']);

export function shouldCheck(languageId: string, model: ReportModel): boolean {
  if (languageId === REPORT_LANGUAGE_ID) return true;
  return SNIFFED_LANGUAGES.has(languageId) && model.isReport;
}

/** Cheap pre-filter for languages we only sniff, so a large unrelated file is never fully parsed. */
export function mayBeReport(languageId: string, text: string): boolean {
  if (languageId === REPORT_LANGUAGE_ID) return true;
  if (!SNIFFED_LANGUAGES.has(languageId)) return false;
  return looksLikeReport(text);
}

/**
 * Whether a document that is not (or no longer) readable as a report deserves the encoding-garbled warning: text
 * so garbled that parse finds no report in it, in the report language, or in a file whose name says it is a
 * report, or whose mojibake is a report's words. An expense list that happens to be garbled is not our business.
 */
export function mayBeGarbledReport(languageId: string, uri: string, text: string): boolean {
  if (languageId !== REPORT_LANGUAGE_ID && !SNIFFED_LANGUAGES.has(languageId)) return false;
  if (!looksGarbled(text)) return false;
  return languageId === REPORT_LANGUAGE_ID || nameSuggestsReport(uri) || hasReportWordsInMojibake(text);
}
