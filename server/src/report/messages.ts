// User-facing wording, Chinese first, English on request. Messages say what was expected and what was found.

import type { Cell, StatementKind } from './model';
import {
  APPLICANT_COLUMNS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, REVIEW_COLUMNS, REVIEW_GROUPS, SUBSECTIONS,
  applicationRowSpec, partSpec, type PartId, type SubsectionId,
} from './schema';

export type Locale = 'zh-CN' | 'en';

export function normalizeLocale(locale: string | undefined): Locale {
  return locale && /^en/i.test(locale) ? 'en' : 'zh-CN';
}

function shortRowLabel(label: string): string {
  // "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" → "（二）部分公开"
  return label.replace(/（区分处理的.*$/, '');
}

/** "（七）总计·自然人", "（三）不予公开 1.属于国家秘密·总计", "表四 行政复议·总计", "表二 规章·现行有效件数". */
export function cellName(cell: Cell, locale: Locale): string {
  if (cell.table === 'applications') {
    const row = applicationRowSpec(cell.row);
    const col = APPLICANT_COLUMNS.find((c) => c.id === cell.column);
    if (locale === 'en') return `Table 3 ${row?.labelEn ?? cell.row} · ${col?.labelEn ?? cell.column}`;
    const label = row ? `${row.group ? row.group + ' ' : ''}${shortRowLabel(row.label)}` : cell.row;
    return `${label}·${col?.label ?? cell.column}`;
  }
  if (cell.table === 'reviewsAndLawsuits') {
    const g = REVIEW_GROUPS.find((x) => x.id === cell.row);
    const c = REVIEW_COLUMNS.find((x) => x.id === cell.column);
    return locale === 'en' ? `Table 4 ${g?.labelEn ?? cell.row} · ${c?.labelEn ?? cell.column}` : `表四 ${g?.label ?? cell.row}·${c?.label ?? cell.column}`;
  }
  const spec = [...DISCLOSURE_ROWS_2021, ...DISCLOSURE_ROWS_2019].find((r) => r.id === cell.row);
  return locale === 'en' ? `Table 2 ${spec?.labelEn ?? cell.row} · ${cell.column}` : `表二 ${spec?.label ?? cell.row}·${cell.column}`;
}

export function rowName(table: 'applications' | 'activeDisclosure', rowId: string, locale: Locale): string {
  if (table === 'applications') {
    const row = applicationRowSpec(rowId);
    if (!row) return rowId;
    return locale === 'en' ? row.labelEn : `${row.group ? row.group + ' ' : ''}${shortRowLabel(row.label)}`;
  }
  const spec = [...DISCLOSURE_ROWS_2021, ...DISCLOSURE_ROWS_2019].find((r) => r.id === rowId);
  return locale === 'en' ? (spec?.labelEn ?? rowId) : (spec ? `第二十条第${spec.item}项 ${spec.label}` : rowId);
}

export function partName(id: PartId, locale: Locale): string {
  const p = partSpec(id);
  const en = ['General situation', 'Proactive disclosure', 'Applications received and handled', 'Administrative review and litigation', 'Main problems and improvements', 'Other matters to report'];
  return locale === 'en' ? `Part ${id} (${en[id - 1]})` : `${p.numeral}、${p.title}`;
}

export function subsectionName(id: SubsectionId, locale: Locale): string {
  const s = SUBSECTIONS.find((x) => x.id === id)!;
  const en: Record<SubsectionId, string> = {
    activeDisclosure: 'proactive disclosure', onRequest: 'disclosure on request', management: 'information management',
    platform: 'disclosure platforms', oversight: 'supervision and safeguards',
  };
  return locale === 'en' ? en[id] : s.title.replace(/情况$/, '');
}

const TABLE_NAMES = {
  activeDisclosure: ['表二（主动公开政府信息情况）', 'Table 2 (proactive disclosure)'],
  applications: ['表三（收到和处理政府信息公开申请情况）', 'Table 3 (applications)'],
  reviewsAndLawsuits: ['表四（行政复议、行政诉讼情况）', 'Table 4 (review and litigation)'],
} as const;

export function tableName(id: keyof typeof TABLE_NAMES, locale: Locale): string {
  return TABLE_NAMES[id][locale === 'en' ? 1 : 0];
}

/** "5 + 0 + 1 − 2": the signed operands of a computation, every one a number. */
export function formatSum(operands: readonly { cell: { value?: number }; sign: 1 | -1 }[]): string {
  let out = '';
  for (let i = 0; i < operands.length; i++) {
    const o = operands[i]!;
    out += i === 0 ? (o.sign < 0 ? `−${o.cell.value}` : `${o.cell.value}`) : `${o.sign < 0 ? ' − ' : ' + '}${o.cell.value}`;
  }
  return out;
}

export const STATEMENT_NAMES: Record<StatementKind, [string, string]> = {
  applicationsReceived: ['收到申请数', 'applications received'],
  applicationsHandled: ['办结（答复）申请数', 'applications handled'],
  applicationsCarriedOver: ['上年结转申请数', 'applications carried over'],
  applicationsCarriedForward: ['结转下年度申请数', 'applications carried forward'],
  noApplications: ['“未收到申请”', '"no applications received"'],
  reviews: ['行政复议件数', 'administrative reviews'],
  lawsuits: ['行政诉讼件数', 'administrative lawsuits'],
  allUpheld: ['“均获维持”', '"all upheld"'],
  normativeDocumentsInForce: ['现行有效行政规范性文件件数', 'normative documents in force'],
};

/** Message catalogue: one entry per diagnostic, each a function of its parameters. */
export const M = {
  sectionMissing: (l: Locale, part: PartId) =>
    l === 'en' ? `${partName(part, l)} is missing: the report must have all six parts` : `缺少“${partName(part, l)}”部分：年度报告应包含全部六个部分`,
  sectionOrder: (l: Locale, part: PartId, after: PartId) =>
    l === 'en' ? `${partName(part, l)} is out of order: it comes after ${partName(after, l)}` : `“${partName(part, l)}”顺序错误：出现在“${partName(after, l)}”之后`,
  sectionDuplicate: (l: Locale, part: PartId) =>
    l === 'en' ? `${partName(part, l)} appears a second time` : `“${partName(part, l)}”重复出现`,
  headingVariant: (l: Locale, found: string, canonical: string) =>
    l === 'en' ? `Heading should read "${canonical}", found "${found}"` : `标题应为“${canonical}”，实为“${found}”`,
  subsectionMissing: (l: Locale, id: SubsectionId) =>
    l === 'en' ? `Part 1 (General situation) lacks the sub-part on ${subsectionName(id, l)}` : `“一、总体情况”缺少“${subsectionName(id, l)}”方面的内容（应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）`,
  partCount: (l: Locale, stated: number) =>
    l === 'en' ? `The introduction says the report has ${stated} parts; the format has 6` : `引言称报告共${stated}个部分，格式规定为6个部分`,
  yearMismatch: (l: Locale, found: number, expected: number, where: string) =>
    l === 'en' ? `Year ${found} in the ${where} disagrees with the report year ${expected}` : `${where}年份为${found}年，与报告年度${expected}年不一致`,
  numbering: (l: Locale, expected: string, found: string) =>
    l === 'en' ? `Numbering breaks: expected "${expected}", found "${found}"` : `序号不连续：应为“${expected}”，实为“${found}”`,
  feeMissing: (l: Locale) =>
    l === 'en' ? 'Part 6 does not state the information processing fee (信息处理费) situation, even if none was charged' : '“六、其他需要报告的事项”未说明收取信息处理费的情况（未收取也应说明）',
  oldTemplate: (l: Locale, year: number, label: string) =>
    l === 'en' ? `A ${year} report uses the 2019 trial-format table ("${label}"); use the 2021 format (国办公开办函〔2021〕30号)` : `${year}年度报告使用了2019年试行格式的表格（“${label}”），应使用国办公开办函〔2021〕30号规定的格式`,
  tableMissing: (l: Locale, table: keyof typeof TABLE_NAMES) =>
    l === 'en' ? `${tableName(table, l)} is missing under this heading` : `该部分缺少${tableName(table, l)}`,
  tableRowMissing: (l: Locale, table: keyof typeof TABLE_NAMES, row: string) =>
    l === 'en' ? `${tableName(table, l)} lacks the row "${row}"` : `${tableName(table, l)}缺少“${row}”行`,
  tableUnparseable: (l: Locale, table: keyof typeof TABLE_NAMES, detail: string) =>
    l === 'en' ? `${tableName(table, l)} cannot be read reliably (${detail}); its totals were not checked` : `${tableName(table, l)}无法可靠识别（${detail}），未核对其数据`,
  gluedDigits: (l: Locale) => (l === 'en' ? 'digits of adjacent cells run together' : '相邻单元格的数字连在一起'),
  cellCount: (l: Locale, found: string) => (l === 'en' ? `expected 15 data cells, found ${found}` : `数据行应有15个单元格，实有${found}个`),
  cellInvalid: (l: Locale, name: string, text: string, decimal: boolean) =>
    l === 'en'
      ? `${name} must be ${decimal ? 'a number ≥ 0' : 'a whole number ≥ 0'}, found "${text}"`
      : `${name}应为${decimal ? '不小于0的数' : '不小于0的整数'}，实为“${text}”`,
  cellBlank: (l: Locale, name: string, text: string) =>
    l === 'en' ? `${name} is ${text ? `"${text}"` : 'blank'}; write 0 if there were none` : `${name}${text ? `为“${text}”` : '为空'}，没有数据应填0`,
  rowSum: (l: Locale, name: string, expected: number, actual: number, sum: string) =>
    l === 'en' ? `${name} should be ${expected} (${sum}), found ${actual}` : `${name}应为 ${expected}（${sum}），实为 ${actual}`,
  columnTotal: (l: Locale, name: string, expected: number, actual: number) =>
    l === 'en' ? `${name} should be ${expected} (sum of the result rows), found ${actual}` : `${name}应为 ${expected}（各项之和），实为 ${actual}`,
  balance: (l: Locale, name: string, expected: number, actual: number, sum: string) =>
    l === 'en'
      ? `${name} should be ${expected} (new + carried over − total handled = ${sum}), found ${actual}`
      : `${name}应为 ${expected}（第一项加第二项之和减第三项：${sum}），实为 ${actual}`,
  textTable: (l: Locale, what: StatementKind, stated: number, table: number, tableWhere: string) =>
    l === 'en'
      ? `The text states ${stated} ${STATEMENT_NAMES[what][1]}, the table says ${table} (${tableWhere})`
      : `正文${STATEMENT_NAMES[what][0]}为 ${stated}，表格为 ${table}（${tableWhere}）`,
  noApplicationsButTable: (l: Locale, table: number) =>
    l === 'en' ? `The text says no applications were received, but table 3 row I total is ${table}` : `正文称未收到申请，但表三“一、本年新收”总计为 ${table}`,
  allUpheldButTable: (l: Locale, corrected: number, pending: number) =>
    l === 'en'
      ? `The text says all were upheld, but table 4 shows ${corrected} corrected and ${pending} pending`
      : `正文称“均获维持”，但表四显示结果纠正 ${corrected} 件、尚未审结 ${pending} 件`,
};
