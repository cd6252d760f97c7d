// The summary view's requests, answered from the workspace index (lsp/reportIndex.ts): the view's model, the export
// (the CLI's formats), a year's aggregate tables as a report text, and a unit's problems as plain text. Each is
// wrapped: an exception is logged and answered as an LSP error, never the server's end.

import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import {
  AggregateRequest, SummaryExportRequest, SummaryRequest, UnitProblemsRequest, type Settings,
} from '../shared/protocol';
import type { ReportIndex } from './reportIndex';
import type { SettingsStore } from './settings';

export function registerSummaryRequests(
  connection: Connection, index: ReportIndex, settings: SettingsStore, folders: () => readonly string[],
  logError: (what: string, uri: string | undefined, e: unknown) => void,
): void {
  /** The settings of the first workspace folder: the language and severities of the summary. */
  const workspaceSettings = (): Promise<Settings> => settings.get(folders()[0] ?? '');
  const guard = <P, R>(name: string, handler: (params: P) => Promise<R>) => async (params: P): Promise<R | ResponseError<void>> => {
    try {
      return await handler(params);
    } catch (e) {
      logError(name, undefined, e);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  connection.onRequest(SummaryRequest, guard('summary', async () => {
    const s = await workspaceSettings();
    return index.view(settings.messages(s), s.severity);
  }));
  connection.onRequest(SummaryExportRequest, guard('summaryExport', async (params) => {
    const s = await workspaceSettings();
    const format = params.format === 'json' || params.format === 'md' ? params.format : 'csv';
    return { content: index.export(format, params.aggregate === true, settings.messages(s), s.severity) };
  }));
  connection.onRequest(AggregateRequest, guard('aggregate', async (params) => {
    const s = await workspaceSettings();
    const text = index.aggregate(params.year, settings.messages(s));
    return text === undefined ? null : { text };
  }));
  connection.onRequest(UnitProblemsRequest, guard('unitProblems', async (params) => {
    const s = await workspaceSettings();
    return index.unitProblems(params.unitKey, params.year, settings.messages(s), s.severity);
  }));
}
