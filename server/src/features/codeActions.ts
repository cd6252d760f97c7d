// Code actions: a quick fix per diagnostic that carries fix data, and source.fixAll for the fixes that are safe
// to apply unseen. Every edit touches only the text it must: an insertion at one point, or the exact cell,
// number or heading at fault — never a whole-document replace. A fix whose target text has changed since the
// diagnostic was made is not offered.

import type { CodeAction, Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Messages } from '../l10n';
import { FIX_ALL_CODES, SOURCE, type DiagnosticData, type ReportModel } from '../report';

export const FIX_ALL_KIND = 'source.fixAll.govReport';

export interface CodeActionRequest {
  readonly uri: string;
  readonly version: number | null;
  readonly range: Range;
  /** context.only of the request; undefined means "any". */
  readonly only?: readonly string[];
  /** context.diagnostics: when non-empty, quick fixes are limited to these codes. */
  readonly contextDiagnostics?: readonly Diagnostic[];
  /**
   * The client's command that selects a range of the document (VS Code's extension declares it at initialize): a fix
   * that inserts template text then puts the cursor on the text's first placeholder. Other clients get no command.
   */
  readonly revealCommand?: string;
}

/**
 * What the author must replace in template text: "（文字描述…）", "XX单位", "XXXX年", "××", and in a table, its first
 * number (every number of the template is a 0 to be written over).
 */
const PLACEHOLDER = /（文字描述[^）\n]*）|X{2,}(?:单位|年)?|×{2,}|(?<=\t)0(?=\t|\r?\n|$)/;

/**
 * Where the first placeholder of inserted text stands once it is inserted at `at`: its range in the document after
 * the edit. With no placeholder, the end of the inserted text's first line (a heading to write after).
 */
export function placeholderAfterInsert(at: Position, newText: string): Range {
  const m = PLACEHOLDER.exec(newText);
  let start: number;
  let end: number;
  if (m) {
    start = m.index;
    end = m.index + m[0].length;
  } else {
    const firstText = newText.search(/\S/);
    const lineEnd = firstText < 0 ? -1 : newText.indexOf('\n', firstText);
    start = end = firstText < 0 ? 0 : lineEnd < 0 ? newText.length : newText[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  }
  const position = (offset: number): Position => {
    const before = newText.slice(0, offset);
    const breaks = before.split('\n').length - 1;
    return breaks === 0 ? { line: at.line, character: at.character + offset } : { line: at.line + breaks, character: offset - before.lastIndexOf('\n') - 1 };
  };
  return { start: position(start), end: position(end) };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function textAt(model: ReportModel, range: Range): string {
  return model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
}

function halfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

/** The edit that fixes a diagnostic, or undefined when it has no fix or its target has changed. */
export function fixFor(model: ReportModel, d: Diagnostic): TextEdit | undefined {
  if (d.source !== SOURCE) return undefined;
  const data = d.data as DiagnosticData | undefined;
  if (!data) return undefined;
  if (data.kind === 'insert') {
    if (data.text.trim() === '') return undefined;
    const lineCount = model.lines.count;
    if (data.at.line < 0 || data.at.line >= lineCount) return undefined;
    return { range: { start: data.at, end: data.at }, newText: data.text };
  }
  if (data.kind === 'replace') {
    const current = textAt(model, d.range);
    const expected = String(data.expected);
    const actual = data.actual === undefined ? undefined : String(data.actual);
    if (typeof data.actual === 'number') {
      if (Number(halfWidth(current)) !== data.actual) return undefined;
    } else if (actual !== undefined && current !== actual) {
      return undefined;
    }
    if (current === expected) return undefined;
    return { range: d.range, newText: expected };
  }
  return undefined;
}

function title(d: Diagnostic, edit: TextEdit, msg: Messages): string {
  const data = d.data as DiagnosticData;
  const firstLine = edit.newText.trim().split('\n')[0] ?? '';
  switch (d.code) {
    case 'section-missing': return msg.fixInsertPart(firstLine);
    case 'subsection-missing': return msg.fixInsertSubsection(firstLine);
    case 'table-missing': return msg.fixInsertTable();
    case 'table-row-missing': return msg.fixInsertRow(firstLine.replace(/\t/g, ' ').replace(/\s+[0\s]+$/, '').trim());
    // The heading whole, or only its ordinal ("(二)" → "二、"): the latter is no heading of its own.
    case 'section-heading-variant': return /^[一二三四五六][、.．]?$/.test(edit.newText) ? msg.fixChangeTo(edit.newText) : msg.fixCanonicalHeading(edit.newText);
    case 'table-label-variant': return msg.fixLabel(edit.newText);
    case 'cell-blank': return msg.fixFillZero();
    case 'part-count': return msg.fixChangeTo(edit.newText);
    case 'year-mismatch': return msg.fixYear(edit.newText);
    case 'row-sum': case 'column-total': case 'balance':
      return msg.fixComputed(edit.newText, String((data as { actual?: unknown }).actual));
    default: return msg.fixGeneric();
  }
}

function workspaceEdit(uri: string, version: number | null, edits: TextEdit[]): WorkspaceEdit {
  return version === null ? { changes: { [uri]: edits } } : { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

/**
 * @param current diagnostics of the model as it is now (the server's cache): fixes are built from these, so a
 * stale diagnostic from the client's context never produces an edit.
 */
export function codeActions(model: ReportModel, current: readonly Diagnostic[], req: CodeActionRequest, msg: Messages): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(req.only, 'quickfix')) {
    const codes = req.contextDiagnostics && req.contextDiagnostics.length > 0 ? new Set(req.contextDiagnostics.map((d) => String(d.code))) : undefined;
    for (const d of current) {
      if (!overlaps(d.range, req.range) || (codes && !codes.has(String(d.code)))) continue;
      const edit = fixFor(model, d);
      if (!edit) continue;
      const action: CodeAction = {
        title: title(d, edit, msg),
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: workspaceEdit(req.uri, req.version, [edit]),
      };
      // Template text inserted: the cursor goes to its first placeholder, where the author's writing begins.
      if (req.revealCommand && (d.data as DiagnosticData).kind === 'insert') {
        action.command = { title: action.title, command: req.revealCommand, arguments: [req.uri, placeholderAfterInsert(edit.range.start, edit.newText)] };
      }
      actions.push(action);
    }
    const blanks = blankCellsOfTable(model, current, req.range, codes);
    if (blanks) {
      actions.push({
        title: msg.fixFillZeroTable(blanks.length),
        kind: 'quickfix',
        diagnostics: blanks.map((b) => b.d),
        edit: workspaceEdit(req.uri, req.version, blanks.map((b) => b.edit)),
      });
    }
  }
  if (req.only && req.only.some((o) => o === 'source.fixAll' || o === FIX_ALL_KIND || o === 'source')) {
    const edits = fixAllEdits(model, current);
    if (edits.length > 0) {
      actions.push({
        title: msg.fixAll(),
        kind: FIX_ALL_KIND,
        diagnostics: [],
        edit: workspaceEdit(req.uri, req.version, edits),
      });
    }
  }
  return actions;
}

/**
 * A report that leaves every empty cell blank (上海 2019 leaves whole columns so) has a cell-blank per cell: at a
 * blank cell of a table with others, one action fills them all. Only cells the rule reported with a fix (a blank
 * with a place to write into, unchanged since) are touched, so no number is ever overwritten.
 */
function blankCellsOfTable(model: ReportModel, current: readonly Diagnostic[], range: Range, codes: ReadonlySet<string> | undefined): { d: Diagnostic; edit: TextEdit }[] | undefined {
  if (codes && !codes.has('cell-blank')) return undefined;
  const here = current.find((d) => d.code === 'cell-blank' && overlaps(d.range, range));
  if (!here) return undefined;
  const at = model.lines.offsetAt(here.range.start);
  const table = [model.tables.activeDisclosure, model.tables.applications, model.tables.reviewsAndLawsuits].find((t) => t && t.span.start <= at && at <= t.span.end);
  if (!table) return undefined;
  const blanks: { d: Diagnostic; edit: TextEdit }[] = [];
  for (const d of current) {
    if (d.code !== 'cell-blank') continue;
    const offset = model.lines.offsetAt(d.range.start);
    if (offset < table.span.start || offset > table.span.end) continue;
    const edit = fixFor(model, d);
    if (edit) blanks.push({ d, edit });
  }
  return blanks.length >= 2 ? blanks : undefined;
}

/** Non-overlapping edits for every safe fix, in document order. */
export function fixAllEdits(model: ReportModel, current: readonly Diagnostic[]): TextEdit[] {
  const candidates: { edit: TextEdit; start: number; end: number }[] = [];
  for (const d of current) {
    if (!FIX_ALL_CODES.has(String(d.code))) continue;
    const edit = fixFor(model, d);
    if (edit) candidates.push({ edit, start: model.lines.offsetAt(edit.range.start), end: model.lines.offsetAt(edit.range.end) });
  }
  // Stable sort: insertions at the same point keep the order of their diagnostics (the format's order).
  candidates.sort((a, b) => a.start - b.start);
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    edits.push(c.edit);
    lastEnd = Math.max(lastEnd, c.end);
  }
  return edits;
}
