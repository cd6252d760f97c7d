// English, on request (govReport.locale "en", or "auto" with a non-Chinese VS Code; the CLI's --locale en).

import type { Messages } from './messages';

const TABLE = {
  activeDisclosure: ['Table 2', 'proactive disclosure'],
  applications: ['Table 3', 'applications'],
  reviewsAndLawsuits: ['Table 4', 'review and litigation'],
} as const;

const STATEMENTS = {
  applicationsReceived: 'applications received',
  applicationsHandled: 'applications handled',
  applicationsCarriedOver: 'applications carried over',
  applicationsCarriedForward: 'applications carried forward',
  noApplications: '"no applications received"',
  reviews: 'administrative reviews',
  lawsuits: 'administrative lawsuits',
  allUpheld: '"all upheld"',
  normativeDocumentsInForce: 'normative documents in force',
  allHandled: '"all handled"',
  categoryCount: 'applications with that result',
} as const;

const CATEGORIES = {
  granted: '(1) disclosed', partlyGranted: '(2) partly disclosed', denied: '(3) not disclosed', unavailable: '(4) cannot be provided',
  notHandled: '(5) not handled', otherHandling: '(6) other handling',
} as const;

const PARTS = ['General situation', 'Proactive disclosure', 'Applications received and handled', 'Administrative review and litigation', 'Main problems and improvements', 'Other matters to report'];

const SUBSECTIONS = {
  activeDisclosure: 'proactive disclosure', onRequest: 'disclosure on request', management: 'information management',
  platform: 'disclosure platforms', oversight: 'supervision and safeguards',
} as const;

const IDENTITY = { 'row-sum': 'row total', 'column-total': 'column total', balance: 'balance' } as const;

function unreadRowsEn(rows: readonly { name: string; reason: keyof typeof PROBLEMS }[], strays: number): string {
  const listed = rows.slice(0, 4).map((r) => `"${r.name}" (${PROBLEMS[r.reason]})`).join(', ');
  const more = rows.length > 4 ? ` and ${rows.length - 4} more rows` : '';
  const stray = strays > 0 ? `${rows.length > 0 ? '; ' : ''}${strays} run(s) of numbers belong to no row` : '';
  return `${listed}${more}${stray}`;
}

const PROBLEMS = {
  'label-away-from-numbers': 'label away from its numbers',
  'fewer-values': 'fewer values than columns',
  'more-values': 'more values than columns',
  'values-before-labels': 'values before their labels',
  'stray-values-near': 'numbers of no row next to it',
  'ambiguous-label': 'several row labels before one run of numbers',
  'label-not-found': 'its label was not found, and numbers of no row stand in the table',
} as const;

/** "a", "a and b", "a, b and c". */
function joinEn(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const REQUIREMENTS = {
  1: 'Overview of how the agency implemented the Regulations, covering five areas: proactive disclosure, disclosure on request, information management, disclosure platforms, supervision and safeguards.',
  2: 'Table 2: regulations and normative documents issued, repealed and in force; licensing, penalty and enforcement decisions; administrative fees (10,000 yuan).',
  3: 'Table 3: applications by applicant type (7 columns), new and carried over, the 25 result rows, and carried forward. Balance: I + II = III (7) total + IV.',
  4: 'Table 4: administrative review, and lawsuits (direct, and after review): upheld, corrected, other, pending, total.',
  5: 'The main problems of the year and how they are being addressed.',
  6: 'Information processing fees charged (notices sent, amounts billed and collected — state it even when none), and other matters.',
} as const;

/** "1–3, 5" (ascending page numbers, runs joined by an en dash). */
function pageRanges(pages: readonly number[], sep: string): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return out.join(sep);
}

export const en: Messages = {
  locale: 'en',
  label: (l) => l.labelEn,

  partName: (id) => `Part ${id} (${PARTS[id - 1]})`,
  subsectionName: (id) => SUBSECTIONS[id],
  tableShort: (id) => TABLE[id][0],
  tableName: (id) => `${TABLE[id][0]} (${TABLE[id][1]})`,
  tableTitle: (id) => `${TABLE[id][0]}: ${TABLE[id][1]}`,
  applicationCell: (_group, row, column) => `Table 3 ${row.labelEn} · ${column.labelEn}`,
  applicationRow: (_group, row) => row.labelEn,
  reviewCell: (group, column) => `Table 4 ${group.labelEn} · ${column.labelEn}`,
  disclosureCell: (row, column) => `Table 2 ${row.labelEn} · ${column}`,
  disclosureRow: (_item, row) => row.labelEn,
  yearSource: (source) => ({ title: 'title', period: 'reporting period', body: 'text' })[source],
  statementName: (kind) => STATEMENTS[kind],

  sectionMissing: (part, place) => `${part} is missing (${place}): the report must have all six parts`,
  partPlace: (after, before) => (after && before ? `it belongs after ${after} and before ${before}` : before ? `it belongs before ${before}` : after ? `it belongs after ${after}` : 'it belongs in the body'),
  sectionOrder: (part, after) => `${part} is out of order: it comes after ${after}`,
  sectionDuplicate: (part) => `${part} appears a second time`,
  headingVariant: (found, canonical) => `Heading should read "${canonical}", found "${found}"`,
  partOrdinal: (found, expected, part) => `${part} should be numbered "${expected}", found "${found}": the six parts are numbered 一 to 六`,
  subsectionMissing: (s) => `Part 1 (General situation) lacks the sub-part on ${s}`,
  partCount: (stated) => `The introduction says the report has ${stated} parts; the format has 6`,
  yearMismatch: (found, expected, where) => `Year ${found} in the ${where} disagrees with the report year ${expected}`,
  numbering: (expected, found) => `Numbering breaks: expected "${expected}", found "${found}"`,
  templatePlaceholder: (found) => `Template text "${found.length > 24 ? `${found.slice(0, 24)}…` : found}" is still here: replace it with the report's own`,
  feeMissing: () => 'Part 6 does not state the information processing fee (信息处理费) situation, even if none was charged',
  oldTemplate: (year, label) => `A ${year} report uses the 2019 trial-format table ("${label}"); use the 2021 format (国办公开办函〔2021〕30号)`,
  tableMisplaced: (id, under) => `The table under ${under} is ${en.tableName(id)}: it belongs under its own part, and this part's table is missing`,
  tableMissing: (id) => `${en.tableName(id)} is missing under this heading`,
  tableRowMissing: (id, row) => `${en.tableName(id)} lacks the row "${row}"`,
  tableUnparseable: (id, detail) => `${en.tableName(id)} cannot be read reliably (${detail}); its totals were not checked`,
  gluedDigits: () => 'digits of adjacent cells run together',
  valuesSplit: (count, runs) => `the ${count} values are split over ${runs} places; which column each belongs to cannot be told`,
  cellCount: (expected, found) => `expected ${expected} data cells, found ${found}`,
  cellInvalid: (cell, text, decimal) => `${cell} must be ${decimal ? 'a number ≥ 0' : 'a whole number ≥ 0'}, found "${text}"`,
  cellBlank: (cell, text) => `${cell} is ${text ? `"${text}"` : 'blank'}; write 0 if there were none`,
  blamedCell: (cell, expected, actual, identities) =>
    `${cell} should be ${expected} (found ${actual}): the ${joinEn(identities.map((k) => IDENTITY[k]))} ${identities.length > 2 ? 'all require' : identities.length === 2 ? 'both require' : 'requires'} ${expected}`,
  identityFails: (kind, cell, sum, expected, actual) =>
    `${cell}: the ${IDENTITY[kind]} does not hold (${sum} = ${expected}, the table says ${actual}); which cell is wrong cannot be told`,
  identitiesFail: (id, count) => `${TABLE[id][0]}: ${count} totals do not hold and no single correction explains them all: several cells may be wrong, or the table was not read right. Check each (see related information)`,
  relatedIdentity: (kind, cell, sum, expected, actual) =>
    `the ${IDENTITY[kind]} does not hold: ${cell} is ${actual}, ${kind === 'balance' ? 'the other terms give' : 'its parts sum to'} ${expected} (${sum})`,
  tablePartlyRead: (id, rows, strays) => `${TABLE[id][0]} could not be read completely: ${unreadRowsEn(rows, strays)}. What was not read is not checked: check the table's layout`,
  noRowRead: (rows, strays) => `not one row could be read with certainty: ${unreadRowsEn(rows, strays)}`,
  rowProblem: (reason) => PROBLEMS[reason],
  tableNoNumbers: (id) => `${TABLE[id][0]} holds no numbers (all blank or "-"): not checked; write 0 where there were none`,
  tablePlaceholder: () => 'the text holds only a placeholder or a picture where the table is, not its contents',
  labelMisprint: (found, canonical) => `Row label misprinted: should read "${canonical}", found "${found}"`,
  balance: (cell, expected, actual, sum) => `${cell} should be ${expected} (new + carried over − total handled = ${sum}), found ${actual}`,
  textTable: (kind, stated, table, where) => `The text states ${stated} ${STATEMENTS[kind]}, the table says ${table} (${where})`,
  noApplicationsButTable: (table) => `The text says no applications were received, but table 3 row I total is ${table}`,
  allUpheldButTable: (corrected, pending) => `The text says all were upheld, but table 4 shows ${corrected} corrected and ${pending} pending`,
  allHandledButTable: (forward) => `The text says all applications were handled, but table 3 row IV (carried forward) total is ${forward}`,
  categoryName: (category) => CATEGORIES[category],
  statementTableCell: (where, row) => {
    // A switch, not an object of every wording: only the one asked for is made.
    switch (where) {
      case 'applications-row-total': return `table 3, ${row ?? ''}, total`;
      case 'review-total': return 'table 4, review total';
      case 'lawsuit-totals': return 'table 4, lawsuit totals';
      case 'normative-in-force': return 'table 2, normative documents in force';
      case 'category-total': return `table 3, ${row ?? ''}, sum of the totals`;
    }
  },
  documentTooLarge: (mb, limit) => `Document is ${mb} MB, over the ${limit} MB limit (govReport.maxDocumentSizeMB): not checked`,
  encodingGarbled: (kind, count) =>
    kind === 'replacement'
      ? `Garbled text: ${count} characters could not be decoded (shown as "�"); the file is probably GBK/GB18030 but was opened as UTF-8, so the report cannot be checked. Click the encoding in the status bar (e.g. "UTF-8"), choose Reopen with Encoding, then "Simplified Chinese (GB18030)"`
      : `Garbled text: the file is probably UTF-8 but was opened as GBK/GB18030 ("政府信息公开" shows as "鏀垮簻淇℃伅…"), so the report cannot be checked. Click the encoding in the status bar (e.g. "GBK"), choose Reopen with Encoding, then "UTF-8"`,

  carryOverMismatch: (cell, value, lastCell, lastValue, lastYear, lastFile) =>
    `${cell} is ${value}; last year's report (${lastYear}, ${lastFile}) has ${lastCell} ${lastValue}`,
  inForceChain: (cell, value, lastValue, issued, repealed, expected, lastYear, lastFile) =>
    `${cell} is ${value}; last year's ${lastValue} (${lastYear}, ${lastFile}) + ${issued} issued − ${repealed} repealed gives ${expected} (ignore this if documents were cleaned up or expired this year)`,
  inForceCell: (row) => `Table 2 ${row.labelEn} · in force`,
  lastYearCell: (year, cell, value) => `${year} report: ${cell} is ${value}`,
  latePublication: (published, deadline, kind) =>
    `Published on ${dateEn(published)}, after the statutory date of ${dateEn(deadline)} (Article 49: ${kind === 'department' ? 'departments publish the previous year\'s report by 31 January' : 'a people\'s government\'s report is published by 31 March'})`,
  reportMissing: (unit, lastYear, year) => `${unit}: a report for ${lastYear}, none for ${year}`,

  unitKind: (kind) => ({ government: 'people\'s government', department: 'department', township: 'township / street office', other: 'other' })[kind],
  summaryColumn: (column) => SUMMARY_COLUMNS[column],
  summaryRowType: (type) => type,
  identityNote: (unitFrom, yearFrom) => [
    unitFrom === 'file' ? 'unit from the file name' : unitFrom === undefined ? 'unit not recognised' : '',
    yearFrom === 'period' ? 'year from the reporting period' : yearFrom === 'file' ? 'year from the file name' : yearFrom === 'body' ? 'year from the text' : yearFrom === undefined ? 'year not recognised' : '',
  ].filter(Boolean).join('; '),
  summaryTitle: () => 'Annual reports: summary',
  summaryMissingHeading: () => 'Missing reports',
  summaryNoneMissing: () => 'No report is missing.',
  summaryAcrossHeading: () => 'Across years, and publication dates',
  summaryAggregateHeading: (year, reports) => `${year}: the sum of ${reports} report(s)`,
  aggregateNote: (counts, duplicates, errors, warnings) => [
    ...counts.map((c) => `${TABLE[c.table][0]}: ${c.summed} summed${c.left.length > 0 ? `, ${c.left.length} left out (not read with certainty, or the 2019 trial format): ${c.left.join(', ')}` : ''}`),
    ...(duplicates > 0 ? [`${duplicates} more report(s) of a unit and year already counted, counted once`] : []),
  ].join('; ') + `. The sum is checked by the table rules (a sum of balanced tables balances): ${errors} error(s), ${warnings} warning(s)`,
  summaryFooter: (reports, errors, warnings, missing) => `${reports} report(s): ${errors} error(s), ${warnings} warning(s); ${missing} report(s) missing`,
  configInvalid: (file, detail) => `${file} cannot be used: ${detail}`,
  configProblem: (problem, path, detail) => ({
    json: `not valid JSON (${detail ?? ''})`,
    'not-object': `${path || 'the file'} must be an object ({…})`,
    'unknown-property': `unknown property ${path} (known: units, kinds, published)`,
    'not-string': `${path} must be a non-empty string`,
    'not-kind': `${path} must be one of government, department, township, other`,
    'not-date': `${path} must be a date, YYYY-MM-DD`,
  })[problem],

  severityName: (s) => ({ 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' })[s],

  hoverValue: (value) => `Value：${value}`,
  hoverUncertain: (reason) => `⚠ this row was not read with certainty (${PROBLEMS[reason]}): not checked`,
  blankValue: () => '(blank)',
  identityLabel: (kind) => ({ 'row-sum': 'row total', 'column-total': 'column total', balance: 'balance' })[kind],
  notComputed: () => 'not computed: a cell involved is blank or not a number',
  tableSays: (actual) => `✗（table says ${actual}）`,
  balanceFormula: () => 'I + II − (7)',
  partRequirements: (part) => REQUIREMENTS[part],
  hoverDiagnostic: (severity, message) => `${({ 1: '✗ Error', 2: '⚠ Warning', 3: 'ℹ Info', 4: 'Hint' } as const)[severity]}: ${message}`,
  identityNotReported: () => 'does not hold (the rule is off: not reported)',
  missingPart: (part) => `${part} is missing`,
  missingPartPlace: (before) => (before ? `It belongs before "${before}".` : 'It belongs at the end of the report.'),
  cellLocation: (table, row, column) => `${TABLE[table][0]} · ${row} · ${column}`,

  preview: {
    notReport: () => 'This is not a government information disclosure annual report (no report title or six parts found).',
    tableMissing: (id) => `${en.tableName(id)} is missing under this part`,
    tableUnreadable: () => 'The table cannot be read reliably: its numbers were not checked (grey)',
    tablePartlyRead: (rows) => `${rows} place(s) of the table could not be read with certainty: not checked (grey)`,
    shouldBe: (expected) => `should be ${expected}`,
    uncertain: (reason) => `not read with certainty (${reason}): not checked`,
    blank: () => '(blank)',
    legendError: () => 'error',
    legendWarning: () => 'warning',
    legendUncertain: () => 'not read with certainty: not checked',
    goToCell: () => 'Click to go to this cell in the text',
    summary: (errors, warnings) => (errors + warnings === 0 ? 'No problems found' : `${errors} error(s), ${warnings} warning(s)`),
    applicationsCorner: () => '(Balance of each column: I + II = III + IV)',
  },

  fixInsertPart: (heading) => `Insert part "${heading}" from the template`,
  fixInsertSubsection: (heading) => `Insert sub-part "${heading}"`,
  fixInsertTable: () => 'Insert the table from the template',
  fixInsertRow: () => 'Insert the missing row',
  fixCanonicalHeading: (heading) => `Use the canonical heading "${heading}"`,
  fixFillZero: () => 'Fill in 0',
  fixFillZeroTable: (count) => `Fill in 0 in all ${count} blank cells of this table`,
  fixChangeTo: (text) => `Change to ${text}`,
  fixYear: (year) => `Change the year to ${year}`,
  fixComputed: (expected) => `Change to ${expected} (computed)`,
  fixLabel: (label) => `Change to "${label}"`,
  fixGeneric: () => 'Fix',
  fixAll: () => 'Fix all safe problems (gov report)',
  lensUnparseable: () => '⚠ table cannot be read reliably: not checked',
  lensPartlyRead: (unread) => `⚠ table partly read: ${unread} place(s) not checked`,
  lensChecked: (identities, cells) => `✓ no problems reported (${cells} cells${identities > 0 ? `, ${identities} totals` : ''})`,
  lensProblems: (errors, warnings) => `✗ ${[errors ? `${errors} error(s)` : '', warnings ? `${warnings} warning(s)` : ''].filter(Boolean).join(', ')}`,

  fileErrno: (code) => ({ ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a folder', EPERM: 'not permitted', ELOOP: 'symlink loop' })[code],
  fileTooLarge: (mb, limit) => `file is ${mb} MB, over the ${limit} MB limit`,
  fileBinary: () => 'binary file, not text',
  cannotRead: () => 'cannot read',
  cliSummary: (files, reports, errors, warnings, notReports) =>
    `${files} file(s), ${reports} report(s): ${errors} error(s), ${warnings} warning(s)${notReports ? `; ${notReports} not a report` : ''}`,

  readerProblem: (code, d) => ({
    damaged: () => 'the file is damaged and could not be read in full',
    encrypted: () => 'the file is encrypted (password-protected) and cannot be read',
    'no-text': () => d.pages && d.pages.length > 0
      ? `${d.allPages ? 'scanned: ' : ''}${d.pages.length === 1 ? 'page' : 'pages'} ${pageRanges(d.pages, ', ')} ${d.pages.length === 1 ? 'has' : 'have'} no text layer (images only)${d.allPages ? ', nothing to check; use a PDF whose text can be copied, or the Word file' : ', not checked'}`
      : 'the file holds no text that can be read',
    'too-large': () => 'the file is too large or holds too much, over the reading limits',
    timeout: () => `reading took longer than ${d.seconds ?? '?'} s and was abandoned`,
    unsupported: () => 'not a format that can be read (web pages, Word/WPS, RTF, PDF and plain text can)',
  })[code](),
  readerMemory: (limit) => `reading went over the memory limit (${limit} MB) and was abandoned`,
  readerPartial: (reason) => `note: ${reason}; the check may be incomplete`,
  placePage: (page) => `p. ${page}`,
  placeParagraph: (n) => `paragraph ${n}`,
  placeTable: (n) => `table ${n}`,
  placeRowColumn: (row, column) => `row ${row}, column ${column}`,

  unitProblemsHeading: (file, unit, year, errors, warnings) =>
    `${file} (${unit}${year !== undefined ? `, ${year}` : ''}): ${errors} errors, ${warnings} warnings`,
  client: {
    checking: () => 'Checking the reports in the workspace…',
    progressTitle: () => 'Checking reports',
    summary: (files, reports, reportsWithErrors, errors, warnings, seconds) =>
      `Checked ${files} files, ${reports} reports, ${reportsWithErrors} with errors: ${errors} errors, ${warnings} warnings (${seconds} s)`,
    cancelled: (files) => `Cancelled after ${files} files`,
    unreadable: (count, names) => `${count} file(s) could not be read: ${names}`,
    openProblems: () => 'Open Problems',
    showLog: () => 'Show Log',
    listing: () => 'Listing the files…',
    progress: (done, total) => `${done}/${total}`,
    noWorkspace: () => 'Open a folder or workspace first',
    noEditor: () => 'Open a report first',
    statusTooltip: () => 'Report checker: click to check the whole workspace',
    statusName: () => 'Gov disclosure report',
    statusText: (errors, warnings) => (errors + warnings === 0 ? '$(check) Report' : `$(error) ${errors} $(warning) ${warnings} Report`),
    failed: (message) => `Check failed: ${message}`,
    cellStatusName: () => 'Gov report: cell at the cursor',
    cellStatusTooltip: () => 'The table cell at the cursor (click to open the report preview)',
    reopenWithEncoding: () => 'Reopen with Encoding…',
    newReportUnit: () => 'Name of the unit (it goes into the report title)',
    newReportUnitPlaceholder: () => 'People\'s Government Office of XX District',
    newReportYear: () => 'Year of the report',
    newReportYearInvalid: () => 'Enter a four-digit year, e.g. 2024',
    newReportSave: () => 'Save the report',
    fileTypeText: () => 'Text',
    fileTypeMarkdown: () => 'Markdown',
    previewTitle: (name) => `Preview ${name}`,
    previewNoEditor: () => 'Open a report first, then its preview',
    previewLoading: () => 'Loading…',
    publishedUnreadable: (name, reason) => `Cannot open “${name}” as report text: ${reason}`,
    publishedPartial: (name, notes) => `“${name}” was read only in part: ${notes}`,
    publishedDecoration: (errors, warnings) => `Report check: ${errors} error(s), ${warnings} warning(s)`,
    publishedNoFile: () => 'Select a Word, WPS, PDF or web-page report in the Explorer',
    publishedOpenLabel: () => 'Open as Report Text',
    publishedFileTypes: () => 'Word, WPS, PDF or web page',
    summaryCounts: (errors, warnings) => (errors + warnings === 0 ? '✓' : `${errors} errors · ${warnings} warnings`),
    summaryRollup: (reports, errors, warnings, missing) =>
      `${reports} ${reports === 1 ? 'report' : 'reports'}${missing > 0 ? ` · ${missing} missing` : ''}${errors + warnings > 0 ? ` · ${errors} errors · ${warnings} warnings` : missing === 0 ? ' · ✓' : ''}`,
    summaryUnknownYear: () => 'Year unknown',
    summaryUnknownUnit: () => 'Unit unknown',
    summaryMissing: (year) => `No report for ${year}`,
    summaryNoMatch: () => 'No report matches the filter',
    summaryFilterDescription: (errorsOnly, year, unit) =>
      `Filter: ${[errorsOnly ? 'with errors' : '', year !== undefined ? String(year) : '', unit ? `unit contains "${unit}"` : ''].filter(Boolean).join(' · ')}`,
    summaryFilterYear: () => 'Pick the year to show',
    summaryAllYears: () => 'All years',
    summaryFilterUnit: () => 'Filter by unit name (text in the name; empty shows every unit)',
    summaryFilterUnitPlaceholder: () => 'e.g. 龙亭',
    summaryExportFormat: () => 'Pick the export format',
    summaryExportAggregate: () => 'Also export each year\'s aggregate tables (the sum of Tables 2, 3 and 4)',
    summaryExported: (path) => `Summary exported: ${path}`,
    summaryEmpty: () => 'No reports yet: run "Validate All Reports in Workspace" first',
    aggregateYear: () => 'Pick the year to aggregate',
    aggregateNone: (year) => `No table of ${year} can be summed (only tables in the 2021 format, read whole, are)`,
    unitProblemsCopied: (unit, problems) => `Copied the problems of "${unit}" (${problems})`,
    unitProblemsNone: (unit) => `No problems found in the reports of "${unit}"`,
  },
};

const SUMMARY_COLUMNS = {
  type: 'type', file: 'file', unit: 'unit', kind: 'kind', year: 'year', format: 'format',
  newReceived: 'new', carriedOver: 'carried over', handled: 'handled (total)', carriedForward: 'carried forward', reviews: 'reviews', lawsuits: 'lawsuits',
  regulationsInForce: 'regulations in force', normativeDocumentsInForce: 'normative documents in force', fees: 'fees (10,000 yuan)', published: 'published',
  errors: 'errors', warnings: 'warnings', codes: 'rules', note: 'note',
} as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-02-20" → "20 February 2024". */
function dateEn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
