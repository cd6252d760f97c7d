// Template text of the 2021 format (国办公开办函〔2021〕30号), in the TSV layout of the seed reports: what a
// quick fix inserts for a missing part, table or row, and what the snippets and "new report" command write.

import { APPLICATION_ROWS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, SUBSECTIONS, canonicalHeading, type PartId, type SubsectionId } from './schema';

const T = '\t';

/**
 * The text of a table's cell, by row id (the schema's: 表二 and 表三 rows, 表四 groups) and column index (in the
 * schema's column order). The template's tables are all zeros; a summary's aggregate fills in its sums.
 */
export type CellText = (rowId: string, column: number) => string;

const ZERO: CellText = () => '0';

/** Seven cells of a 表三 row. */
function sevenCells(rowId: string, cell: CellText): string {
  let out = cell(rowId, 0);
  for (let i = 1; i < 7; i++) out += T + cell(rowId, i);
  return out;
}

export function activeDisclosureTableText(cell: CellText = ZERO): string {
  return [
    `第二十条第（一）项${T}${T}${T}`,
    `信息内容${T}本年制发件数${T}本年废止件数${T}现行有效件数`,
    `规章${T}${cell('regulations', 0)}${T}${cell('regulations', 1)}${T}${cell('regulations', 2)}`,
    `行政规范性文件${T}${cell('normativeDocuments', 0)}${T}${cell('normativeDocuments', 1)}${T}${cell('normativeDocuments', 2)}`,
    `第二十条第（五）项${T}${T}${T}`,
    `信息内容${T}本年处理决定数量${T}${T}`,
    `行政许可${T}${cell('licensing', 0)}${T}${T}`,
    `第二十条第（六）项${T}${T}${T}`,
    `信息内容${T}本年处理决定数量${T}${T}`,
    `行政处罚${T}${cell('penalty', 0)}${T}${T}`,
    `行政强制${T}${cell('enforcement', 0)}${T}${T}`,
    `第二十条第（八）项${T}${T}${T}`,
    `信息内容${T}本年收费金额（单位：万元）${T}${T}`,
    `行政事业性收费${T}${cell('fees', 0)}${T}${T}`,
  ].join('\n');
}

/** One 表三 row in TSV: group label (if any), row label, seven zeros (or the cells given). */
export function applicationRowText(rowId: string, cell: CellText = ZERO): string {
  const row = APPLICATION_ROWS.find((r) => r.id === rowId);
  if (!row) return '';
  if (row.id === 'newReceived' || row.id === 'carriedOver' || row.id === 'carriedForward' || row.id === 'total') {
    return `${row.label}${T}${T}${sevenCells(rowId, cell)}`;
  }
  if (!row.group) return `${T}${row.label}${T}${sevenCells(rowId, cell)}`;
  return `${T}${T}${row.label}${T}${sevenCells(rowId, cell)}`;
}

export function applicationsTableText(cell: CellText = ZERO): string {
  const lines = [
    `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）${T}${T}申请人情况${T}${T}${T}${T}${T}${T}总计`,
    `${T}${T}自然人${T}法人或其他组织${T}${T}${T}${T}${T}`,
    `${T}${T}${T}商业企业${T}科研机构${T}社会公益组织${T}法律服务机构${T}其他${T}`,
  ];
  let lastGroup: string | undefined;
  for (const row of APPLICATION_ROWS) {
    if (row.format2019Only) continue;
    if (row.id === 'granted') {
      lines.push(`三、本年度办理结果${T}${row.label}${T}${sevenCells(row.id, cell)}`);
      continue;
    }
    if (row.group && row.group !== lastGroup) {
      lines.push(`${T}${row.group}${T}${row.label}${T}${sevenCells(row.id, cell)}`);
      lastGroup = row.group;
      continue;
    }
    lines.push(applicationRowText(row.id, cell));
  }
  return lines.join('\n');
}

/** 表四; its cells by group (review, directSuit, suitAfterReview) and column (维持, 纠正, 其他, 尚未审结, 总计). */
export function reviewsTableText(cell: CellText = ZERO): string {
  const cols = '结果维持\t结果纠正\t其他结果\t尚未审结\t总计';
  const values: string[] = [];
  for (const group of ['review', 'directSuit', 'suitAfterReview']) for (let i = 0; i < 5; i++) values.push(cell(group, i));
  return [
    `行政复议${T}${T}${T}${T}${T}行政诉讼${T}${T}${T}${T}${T}${T}${T}${T}${T}`,
    `${cols}${T}未经复议直接起诉${T}${T}${T}${T}${T}复议后起诉${T}${T}${T}${T}`,
    `${T}${T}${T}${T}${T}${cols}${T}${cols}`,
    values.join(T),
  ].join('\n');
}

/** One 表二 row in TSV, in the format of the table it goes into (2019 reports keep the 2019 columns). */
export function disclosureRowText(rowId: string, format: 2019 | 2021 = 2021): string {
  const row = (format === 2019 ? DISCLOSURE_ROWS_2019 : DISCLOSURE_ROWS_2021).find((r) => r.id === rowId);
  if (!row) return '';
  const zeros = row.columns.map(() => '0').join(T);
  return row.columns.length === 1 ? `${row.label}${T}${zeros}${T}${T}` : `${row.label}${T}${zeros}`;
}

const PART_BODIES: Record<PartId, () => string> = {
  1: () => SUBSECTIONS.map((s) => subsectionText(s.id)).join('\n\n'),
  2: activeDisclosureTableText,
  3: applicationsTableText,
  4: reviewsTableText,
  5: () => '（文字描述：本年度存在的主要问题，以及改进情况。）',
  // An instruction, not a statement: the template must never say what a report did (the fee charged) for it.
  6: () => '（文字描述：依据《政府信息公开信息处理费管理办法》说明收取信息处理费的情况，包括发出收费通知的件数和总金额以及实际收取的总金额，未收取也应说明。）',
};

/** A whole part: canonical heading, blank line, body. */
export function partText(id: PartId): string {
  return `${canonicalHeading(id)}\n\n${PART_BODIES[id]()}\n`;
}

export function subsectionText(id: SubsectionId): string {
  const s = SUBSECTIONS.find((x) => x.id === id)!;
  return `（${s.numeral}）${s.title}。（文字描述）`;
}

/** The whole six-part skeleton for a new report. */
export function reportTemplate(unit = 'XX单位', year = new Date().getFullYear() - 1): string {
  const intro =
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制。` +
    `本报告共分六个部分。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
  const parts = ([1, 2, 3, 4, 5, 6] as PartId[]).map(partText).join('\n');
  return `${unit}${year}年政府信息公开工作年度报告\n\n${intro}\n\n${parts}`;
}
