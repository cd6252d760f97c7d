// The one catalogue of everything a user reads: diagnostics, hovers, code actions, code lenses, outline names,
// CLI and file-access messages, the extension's status bar and notifications. An interface with a Chinese and an
// English implementation (zh-CN.ts, en.ts), so the compiler proves both complete; a caller picks one once per
// request (`messagesFor`) and passes it on, instead of a locale letter threaded through every function.
//
// This module and its two implementations import nothing at run time: the engine, the server, the CLI and the
// client all use them, and the client must not pull the engine into its bundle. Domain objects arrive as types
// only (erased when bundled).

import type { PartId, SubsectionId } from '../report/schema';
import type { RowProblem, StatementKind, TableId } from '../report/model';

export type Locale = 'zh-CN' | 'en';

/** Something with a Chinese label and an English one (schema rows and columns). */
export interface Labelled {
  readonly label: string;
  readonly labelEn: string;
}

/** How a failing identity is described: its kind, and the cell it is about (named). */
export type IdentityKind = 'row-sum' | 'column-total' | 'balance';

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
  sectionMissing(part: string): string;
  sectionOrder(part: string, after: string): string;
  sectionDuplicate(part: string): string;
  headingVariant(found: string, canonical: string): string;
  subsectionMissing(subsection: string): string;
  partCount(stated: number): string;
  yearMismatch(found: number, expected: number, where: string): string;
  numbering(expected: string, found: string): string;
  feeMissing(): string;
  oldTemplate(year: number, label: string): string;
  tableMissing(table: TableId): string;
  tableRowMissing(table: TableId, row: string): string;
  tableUnparseable(table: TableId, detail: string): string;
  gluedDigits(): string;
  cellCount(expected: number, found: number): string;
  cellInvalid(cell: string, text: string, decimal: boolean): string;
  cellBlank(cell: string, text: string): string;
  rowSum(cell: string, expected: number, actual: number, sum: string): string;
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
  relatedIdentity(kind: IdentityKind, cell: string, expected: number, actual: number): string;
  tablePartlyRead(table: TableId, rows: readonly { name: string; reason: RowProblem }[], strays: number): string;
  rowProblem(reason: RowProblem): string;
  tableNoNumbers(table: TableId): string;
  tablePlaceholder(): string;
  labelMisprint(found: string, canonical: string): string;
  columnTotal(cell: string, expected: number, actual: number): string;
  balance(cell: string, expected: number, actual: number, sum: string): string;
  textTable(kind: StatementKind, stated: number, table: number, where: string): string;
  noApplicationsButTable(table: number): string;
  allUpheldButTable(corrected: number, pending: number): string;
  /** Where a stated number was compared: a 表三 row's 总计, a 表四 total… */
  statementTableCell(where: 'applications-row-total' | 'review-total' | 'lawsuit-totals' | 'normative-in-force', row?: string): string;
  documentTooLarge(mb: string, limit: number): string;
  /**
   * The text in the editor is garbled: U+FFFD where a GBK/GB18030 file was read as UTF-8 ('replacement'), or
   * mojibake where a UTF-8 file was read as GBK ('utf8-as-gbk'); and how to reopen it with the right encoding.
   */
  encodingGarbled(kind: 'replacement' | 'utf8-as-gbk', count: number): string;

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
  };
}
