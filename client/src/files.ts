// The files the extension checks on disk: what Validate All lists (govReport.include, the editor's files.exclude)
// and what the file watcher reports to the server.

import * as vscode from 'vscode';
import { REPORT_FILES_GLOB } from '../../server/src/shared/constants';

/**
 * The watchers whose events go to the server: every file the editor checks (created, changed, deleted), and the
 * creation and deletion of anything else — a folder copied, moved or deleted may be one event for the folder, and
 * its reports come or go with it; and .govreport.json.
 */
export function watchedFiles(): vscode.FileSystemWatcher[] {
  return [
    vscode.workspace.createFileSystemWatcher(REPORT_FILES_GLOB),
    vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
    // The user's mapping of unit names and publication dates (the server's index reads it again).
    vscode.workspace.createFileSystemWatcher('**/.govreport.json'),
  ];
}

/** One glob for findFiles from the include setting (several patterns become one brace group). */
export function includeGlob(): string {
  const include = vscode.workspace.getConfiguration('govReport').get<unknown>('include');
  const globs = (Array.isArray(include) ? include : [include]).filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  if (globs.length === 0) return REPORT_FILES_GLOB;
  return globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`;
}

/** A path as the user knows it: relative to the workspace, decoded. */
export function displayPath(uri: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
  } catch {
    return uri;
  }
}
