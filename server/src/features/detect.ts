// Which documents get checked: the report language always; plain text and Markdown only when the text is
// recognisably a report (a title with 政府信息公开 … 年度报告, or several part headings). Everything else gets
// nothing, so workspaces with other text see no noise.

import type { ReportModel } from '../report';
import { REPORT_LANGUAGE_ID } from '../shared/constants';

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
  return /政府信息公开|政务公开|信息公开/.test(text.slice(0, 20000)) || /总体情况|主动公开政府信息情况/.test(text);
}
