// The extension's own strings (notifications, status bar). Chinese by default; English when the
// govReport.locale setting asks, or when it is "auto" and VS Code's display language is not Chinese.

import * as vscode from 'vscode';

const STRINGS = {
  checking: ['正在检查工作区中的年度报告…', 'Checking the reports in the workspace…'],
  summary: ['共检查 {files} 个文件、{reports} 份年度报告：错误 {errors} 个，警告 {warnings} 个（{seconds} 秒）', 'Checked {files} files, {reports} reports: {errors} errors, {warnings} warnings ({seconds} s)'],
  cancelled: ['检查已取消：已检查 {files} 个文件', 'Cancelled after {files} files'],
  unreadable: ['{count} 个文件无法读取，详见输出面板', '{count} files could not be read: see the Output panel'],
  openProblems: ['打开问题面板', 'Open Problems'],
  noWorkspace: ['请先打开一个文件夹或工作区', 'Open a folder or workspace first'],
  noEditor: ['请先打开一个年度报告', 'Open a report first'],
  statusTooltip: ['年度报告检查：点击检查整个工作区', 'Report checker: click to check the whole workspace'],
  statusName: ['政府信息公开年度报告', 'Gov disclosure report'],
  failed: ['检查失败：{message}', 'Check failed: {message}'],
} as const;

export type StringKey = keyof typeof STRINGS;

export function isEnglish(): boolean {
  const setting = vscode.workspace.getConfiguration('govReport').get<string>('locale', 'zh-CN');
  if (setting === 'en') return true;
  if (setting === 'auto') return !/^zh/i.test(vscode.env.language);
  return false;
}

export function t(key: StringKey, args: Record<string, string | number> = {}): string {
  const template = STRINGS[key][isEnglish() ? 1 : 0];
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => String(args[k] ?? ''));
}
