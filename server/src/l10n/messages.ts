// The one catalogue of everything a user reads: diagnostics, hovers, code actions, code lenses, outline names,
// CLI and file-access messages, the extension's status bar and notifications. An interface with a Chinese and an
// English implementation (zh-CN.ts, en.ts), so the compiler proves both complete; a caller picks one once per
// request (`messagesFor`) and passes it on, instead of a locale letter threaded through every function.
//
// This module and its two implementations import nothing at run time: the engine, the server, the CLI and the
// client all use them, and the client must not pull the engine into its bundle. Domain objects arrive as types
// only (erased when bundled).

import type { PartId, SubsectionId } from '../report/schema';
import type { ResultCategory, RowProblem, StatementKind, TableId } from '../report/model';
import type { IdentitySource, UnitKind } from '../report/identity';

/** What a reader of a published file could not do (readers/types.ts ReaderProblem['code']; the catalogue imports only itself and engine types). */
export type ReaderProblemCode = 'damaged' | 'encrypted' | 'no-text' | 'too-large' | 'timeout' | 'unsupported';

export type Locale = 'zh-CN' | 'en';

/** Something with a Chinese label and an English one (schema rows and columns). */
export interface Labelled {
  readonly label: string;
  readonly labelEn: string;
}

/** How a failing identity is described: its kind, and the cell it is about (named). */
export type IdentityKind = 'row-sum' | 'column-total' | 'balance';

/** The columns of the `summary` command's table (its CSV and Markdown headers), in order. */
export type SummaryColumn =
  | 'type' | 'file' | 'unit' | 'kind' | 'year' | 'format'
  | 'newReceived' | 'carriedOver' | 'handled' | 'carriedForward' | 'reviews' | 'lawsuits'
  | 'regulationsInForce' | 'normativeDocumentsInForce' | 'fees' | 'published'
  | 'errors' | 'warnings' | 'codes' | 'note';

/** What can be wrong in .govreport.json (schemas/govreport.schema.json). */
export type ConfigProblem = 'json' | 'not-object' | 'unknown-property' | 'not-string' | 'not-kind' | 'not-date';

/** A row of the summary: a report, a report that is missing, or the sum of the reports of a year. */
export type SummaryRowType = 'report' | 'missing' | 'aggregate';

export interface Messages {
  readonly locale: Locale;
  /** The label in this language. */
  label(l: Labelled): string;

  // ---- names -------------------------------------------------------------------------------
  partName(id: PartId, numeral: string, title: string): string;
  subsectionName(id: SubsectionId, title: string): string;
  /** "表二", "Table 2". */
  tableShort(id: TableId): string;
  /** "表二（主动公开政府信息情况）": the table in a sentence. */
  tableName(id: TableId): string;
  /** "表二 主动公开政府信息情况": the table as a heading (outline, preview). */
  tableTitle(id: TableId): string;
  /** A 表三 cell: row (with its group) and column. */
  applicationCell(group: string | undefined, row: Labelled, column: Labelled): string;
  /** A 表三 row, for messages about rows. */
  applicationRow(group: string | undefined, row: Labelled): string;
  reviewCell(group: Labelled, column: Labelled): string;
  disclosureCell(row: Labelled, column: string): string;
  disclosureRow(item: string, row: Labelled): string;
  /** Where a year was read: title, 统计期限, body. */
  yearSource(source: 'title' | 'period' | 'body'): string;
  statementName(kind: StatementKind): string;

  // ---- diagnostics ---------------------------------------------------------------------------
  sectionMissing(part: string, place: string): string;
  /** Where a missing part belongs: after one part, before another. */
  partPlace(after: string | undefined, before: string | undefined): string;
  sectionOrder(part: string, after: string): string;
  sectionDuplicate(part: string): string;
  headingVariant(found: string, canonical: string): string;
  /** A part in its own words under another ordinal: "七、主动公开政府信息情况". */
  partOrdinal(found: string, expected: string, part: string): string;
  subsectionMissing(subsection: string): string;
  partCount(stated: number): string;
  yearMismatch(found: number, expected: number, where: string): string;
  numbering(expected: string, found: string): string;
  feeMissing(): string;
  templatePlaceholder(found: string): string;
  oldTemplate(year: number, label: string): string;
  tableMissing(table: TableId): string;
  tableMisplaced(table: TableId, under: string): string;
  tableRowMissing(table: TableId, row: string): string;
  tableUnparseable(table: TableId, detail: string): string;
  gluedDigits(): string;
  /** The table's values are all there, in several runs that cannot be placed column by column. */
  valuesSplit(count: number, runs: number): string;
  cellCount(expected: number, found: number): string;
  cellInvalid(cell: string, text: string, decimal: boolean): string;
  cellBlank(cell: string, text: string): string;
  /**
   * The one cell whose correction makes every failing identity hold: "（七）总计·自然人应为 27：列合计、行合计与勾稽关系均
   * 要求 27".
   */
  blamedCell(cell: string, expected: number, actual: number, identities: readonly IdentityKind[]): string;
  /** One identity fails and no single cell explains it (any of its cells could be the wrong one). */
  identityFails(kind: IdentityKind, cell: string, sum: string, expected: number, actual: number): string;
  /** Several identities fail and no single cell (or pair) explains them all. */
  identitiesFail(table: TableId, count: number): string;
  /** A failing identity, as related information of the diagnostic that explains it. */
  relatedIdentity(kind: IdentityKind, cell: string, sum: string, expected: number, actual: number): string;
  tablePartlyRead(table: TableId, rows: readonly { name: string; reason: RowProblem }[], strays: number): string;
  /** The detail of an unreadable table: not one of its rows could be read with certainty. */
  noRowRead(rows: readonly { name: string; reason: RowProblem }[], strays: number): string;
  rowProblem(reason: RowProblem): string;
  tableNoNumbers(table: TableId): string;
  tablePlaceholder(): string;
  labelMisprint(found: string, canonical: string): string;
  balance(cell: string, expected: number, actual: number, sum: string): string;
  textTable(kind: StatementKind, stated: number, table: number, where: string): string;
  noApplicationsButTable(table: number): string;
  allUpheldButTable(corrected: number, pending: number): string;
  allHandledButTable(carriedForward: number): string;
  categoryName(category: ResultCategory): string;
  /** Where a stated number was compared: a 表三 row's 总计, a 表四 total… */
  statementTableCell(where: 'applications-row-total' | 'review-total' | 'lawsuit-totals' | 'normative-in-force' | 'category-total', row?: string): string;
  documentTooLarge(mb: string, limit: number): string;
  /**
   * The text in the editor is garbled: U+FFFD where a GBK/GB18030 file was read as UTF-8 ('replacement'), or
   * mojibake where a UTF-8 file was read as GBK ('utf8-as-gbk'); and how to reopen it with the right encoding.
   */
  encodingGarbled(kind: 'replacement' | 'utf8-as-gbk', count: number): string;

  // ---- rules across reports -----------------------------------------------------------------------
  /** This year's 二、上年结转 cell against last year's 四、结转下年度继续办理, naming last year's file. */
  carryOverMismatch(cell: string, value: number, lastCell: string, lastValue: number, lastYear: number, lastFile: string): string;
  /** 表二 现行有效件数 against last year's + 本年制发 − 本年废止; says that a 文件清理 breaks it legitimately. */
  inForceChain(cell: string, value: number, lastValue: number, issued: number, repealed: number, expected: number, lastYear: number, lastFile: string): string;
  /** 表二's 现行有效件数 cell of a row (规章, 行政规范性文件). */
  inForceCell(row: Labelled): string;
  /** Related information: last year's cell. */
  lastYearCell(year: number, cell: string, value: number): string;
  /** Dates as YYYY-MM-DD. */
  latePublication(published: string, deadline: string, kind: 'government' | 'department'): string;
  reportMissing(unit: string, lastYear: number, year: number): string;

  // ---- the summary command ------------------------------------------------------------------------
  unitKind(kind: UnitKind): string;
  summaryColumn(column: SummaryColumn): string;
  summaryRowType(type: SummaryRowType): string;
  /** Where a report's unit and year were read, when not from its title (empty when both were). */
  identityNote(unitFrom: 'title' | 'file' | undefined, yearFrom: IdentitySource | undefined): string;
  summaryTitle(): string;
  summaryMissingHeading(): string;
  summaryNoneMissing(): string;
  /** Heading of the list of the rules across reports' findings. */
  summaryAcrossHeading(): string;
  summaryAggregateHeading(year: number, reports: number): string;
  /**
   * An aggregate's note: how many reports each table sums, the files left out and why, the duplicates counted once,
   * and what the table rules found in the sum (the other rules do not apply to it).
   */
  aggregateNote(counts: readonly { table: TableId; summed: number; left: readonly string[] }[], duplicates: number, errors: number, warnings: number): string;
  summaryFooter(reports: number, errors: number, warnings: number, missing: number): string;
  /** .govreport.json could not be used, or some of it. */
  configInvalid(file: string, detail: string): string;
  /** What is wrong in .govreport.json, at `path` (a property: "units.平潭县人民政府"). */
  configProblem(problem: ConfigProblem, path: string, detail?: string): string;

  // ---- rules (each rule's title and description are in the rule table, report/rules.ts) ----------
  severityName(severity: 1 | 2 | 3 | 4): string;

  // ---- hovers --------------------------------------------------------------------------------
  hoverValue(value: string): string;
  /** The cell's row was not read with certainty: nothing is computed from it. */
  hoverUncertain(reason: RowProblem): string;
  blankValue(): string;
  identityLabel(kind: IdentityKind): string;
  notComputed(): string;
  tableSays(actual: number): string;
  balanceFormula(): string;
  partRequirements(part: PartId): string;
  /** A published diagnostic on the hovered text, with its severity (1 error … 4 hint). */
  hoverDiagnostic(severity: 1 | 2 | 3 | 4, message: string): string;
  /** An identity that does not hold, but whose rule is off: not reported, so not marked ✗. */
  identityNotReported(): string;
  /** Heading of the hover on a missing part's diagnostic: the part that is missing (not the heading it sits on). */
  missingPart(part: string): string;
  /** Where the missing part belongs: before this heading, or at the end. */
  missingPartPlace(before: string | undefined): string;
  /** A table cell as the status bar and the preview name it: "表三 · （七）总计 · 自然人". */
  cellLocation(table: TableId, row: string, column: string): string;

  // ---- the report preview (built by the server; the webview shows these strings as they are) -----
  preview: {
    notReport(): string;
    /** A table the report should have under this part, not found. */
    tableMissing(table: TableId): string;
    /** The table could not be read (cells not separable): nothing in it was checked. */
    tableUnreadable(): string;
    /** Some rows of the table were not read with certainty (greyed): not checked. */
    tablePartlyRead(rows: number): string;
    /** A wrong cell: the value the identities require. */
    shouldBe(expected: string): string;
    /** A cell whose row was not read with certainty. */
    uncertain(reason: string): string;
    blank(): string;
    legendError(): string;
    legendWarning(): string;
    legendUncertain(): string;
    /** Tooltip of a cell: click to go to it in the text. */
    goToCell(): string;
    /** Problems on the document that no cell or heading of the preview shows. */
    summary(errors: number, warnings: number): string;
    /** The 表三 header's corner cell (the official template's wording). */
    applicationsCorner(): string;
  };

  // ---- code actions and lenses ----------------------------------------------------------------
  fixInsertPart(heading: string): string;
  fixInsertSubsection(heading: string): string;
  fixInsertTable(): string;
  fixInsertRow(row: string): string;
  fixCanonicalHeading(heading: string): string;
  fixFillZero(): string;
  /** One action for every blank cell of a table: `count` cells. */
  fixFillZeroTable(count: number): string;
  fixChangeTo(text: string): string;
  fixYear(year: string): string;
  fixComputed(expected: string, actual: string): string;
  fixLabel(label: string): string;
  fixGeneric(): string;
  fixAll(): string;
  lensUnparseable(): string;
  lensPartlyRead(unread: number): string;
  /** No problem published on the table (severity settings may have silenced some): the cells and identities it holds. */
  lensChecked(identities: number, cells: number): string;
  lensProblems(errors: number, warnings: number): string;

  // ---- files and the command line ----------------------------------------------------------------
  fileErrno(code: 'ENOENT' | 'EACCES' | 'EISDIR' | 'EPERM' | 'ELOOP'): string;
  fileTooLarge(mb: string, limitMb: string): string;
  fileBinary(): string;
  cannotRead(): string;
  cliSummary(files: number, reports: number, errors: number, warnings: number, notReports: number): string;

  // ---- published files (web pages, Word/WPS, PDF) ----------------------------------------------------
  /**
   * Why a published file could not be read (or was read only in part), by the reader's problem code. `pages`:
   * for 'no-text', the pages without a text layer (a scanned PDF); `seconds`: for 'timeout', the deadline.
   */
  readerProblem(code: ReaderProblemCode, detail: { readonly pages?: readonly number[]; readonly seconds?: number; readonly allPages?: boolean }): string;
  /** The reading thread went over its memory bound and was stopped. */
  readerMemory(limitMb: number): string;
  /** A file was checked, but the reader could not read all of it: the check may be incomplete. */
  readerPartial(reason: string): string;
  /** "第3页", "p. 3". */
  placePage(page: number): string;
  /** "第5段", "paragraph 5" (1-based, paragraphs outside tables). */
  placeParagraph(paragraph: number): string;
  /** "第2个表格", "table 2" (1-based, in document order), when the table is none the engine named. */
  placeTable(table: number): string;
  /** "第28行第4列", "row 28, column 4" (1-based, grid columns). */
  placeRowColumn(row: number, column: number): string;

  /** The heading of a report in a unit's copied problem list: "龙亭2023.txt（龙亭区人民政府办公室 2023年度）：错误 1 个，警告 0 个". */
  unitProblemsHeading(file: string, unit: string, year: number | undefined, errors: number, warnings: number): string;

  // ---- the extension ----------------------------------------------------------------------------
  client: {
    checking(): string;
    progressTitle(): string;
    summary(files: number, reports: number, reportsWithErrors: number, errors: number, warnings: number, seconds: string): string;
    cancelled(files: number): string;
    /** Files that could not be read, named (the first few, by their decoded path), and how many in all. */
    unreadable(count: number, names: string): string;
    openProblems(): string;
    showLog(): string;
    /** Progress message while the editor lists the files to check. */
    listing(): string;
    /** Progress message: files checked of all. */
    progress(done: number, total: number): string;
    noWorkspace(): string;
    noEditor(): string;
    statusTooltip(): string;
    statusName(): string;
    statusText(errors: number, warnings: number): string;
    failed(message: string): string;
    /** Status bar item naming the table cell under the cursor. */
    cellStatusName(): string;
    cellStatusTooltip(): string;
    /** Code action for an encoding-garbled warning: VS Code's Reopen with Encoding. */
    reopenWithEncoding(): string;
    newReportUnit(): string;
    newReportUnitPlaceholder(): string;
    newReportYear(): string;
    newReportYearInvalid(): string;
    newReportSave(): string;
    fileTypeText(): string;
    fileTypeMarkdown(): string;
    previewTitle(name: string): string;
    previewNoEditor(): string;
    previewLoading(): string;
    /** A published file (Word/WPS/PDF) that cannot be opened as the report's text: which file, and why. */
    publishedUnreadable(name: string, reason: string): string;
    /** The first line of a published file's rendered text that was read only in part. */
    publishedPartial(name: string, notes: string): string;
    /** The Explorer's badge tooltip on a published file: its problems as its rendered text was checked. */
    publishedDecoration(errors: number, warnings: number): string;
    /** Nothing to open: the command needs a Word/WPS/PDF/HTML file. */
    publishedNoFile(): string;
    /** The open dialog's button and its filter's name. */
    publishedOpenLabel(): string;
    publishedFileTypes(): string;
    // ---- the summary view (年度报告汇总) ----
    /** A report's problems in the view: "错误 2 · 警告 1"; "✓" for a clean report. */
    summaryCounts(errors: number, warnings: number): string;
    /** A unit's or a year's roll-up: "3 份 · 缺 1 份 · 错误 2 · 警告 1"; ✓ only when nothing is wrong or missing. */
    summaryRollup(reports: number, errors: number, warnings: number, missing: number): string;
    summaryUnknownYear(): string;
    summaryUnknownUnit(): string;
    /** A missing report's entry: "缺少 2024 年度报告". */
    summaryMissing(year: number): string;
    summaryNoMatch(): string;
    /** The view's description while a filter is on. */
    summaryFilterDescription(errorsOnly: boolean, year: number | undefined, unit: string | undefined): string;
    summaryFilterYear(): string;
    summaryAllYears(): string;
    summaryFilterUnit(): string;
    summaryFilterUnitPlaceholder(): string;
    summaryExportFormat(): string;
    summaryExportAggregate(): string;
    summaryExported(path: string): string;
    summaryEmpty(): string;
    aggregateYear(): string;
    aggregateNone(year: number): string;
    unitProblemsCopied(unit: string, problems: number): string;
    unitProblemsNone(unit: string): string;
  };
}
