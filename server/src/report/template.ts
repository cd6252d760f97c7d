// Template text of the 2021 format (国办公开办函〔2021〕30号), in the TSV layout of the seed reports: what a
// quick fix inserts for a missing part, table or row, and what the snippets and "new report" command write.

import { APPLICATION_ROWS, DISCLOSURE_ROWS_2019, DISCLOSURE_ROWS_2021, SUBSECTIONS, canonicalHeading, type PartId, type SubsectionId } from './schema';

const T = '\t';
const ZEROS7 = ['0', '0', '0', '0', '0', '0', '0'].join(T);

export function activeDisclosureTableText(): string {
  return [
    `第二十条第（一）项${T}${T}${T}`,
    `信息内容${T}本年制发件数${T}本年废止件数${T}现行有效件数`,
    `规章${T}0${T}0${T}0`,
    `行政规范性文件${T}0${T}0${T}0`,
    `第二十条第（五）项${T}${T}${T}`,
    `信息内容${T}本年处理决定数量${T}${T}`,
    `行政许可${T}0${T}${T}`,
    `第二十条第（六）项${T}${T}${T}`,
    `信息内容${T}本年处理决定数量${T}${T}`,
    `行政处罚${T}0${T}${T}`,
    `行政强制${T}0${T}${T}`,
    `第二十条第（八）项${T}${T}${T}`,
    `信息内容${T}本年收费金额（单位：万元）${T}${T}`,
    `行政事业性收费${T}0${T}${T}`,
  ].join('\n');
}

/** One 表三 row in TSV: group label (if any), row label, seven zeros. */
export function applicationRowText(rowId: string): string {
  const row = APPLICATION_ROWS.find((r) => r.id === rowId);
  if (!row) return '';
  if (row.id === 'newReceived' || row.id === 'carriedOver' || row.id === 'carriedForward' || row.id === 'total') {
    return `${row.label}${T}${T}${ZEROS7}`;
  }
  if (!row.group) return `${T}${row.label}${T}${ZEROS7}`;
  return `${T}${T}${row.label}${T}${ZEROS7}`;
}

export function applicationsTableText(): string {
  const lines = [
    `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）${T}${T}申请人情况${T}${T}${T}${T}${T}${T}总计`,
    `${T}${T}自然人${T}法人或其他组织${T}${T}${T}${T}${T}`,
    `${T}${T}${T}商业企业${T}科研机构${T}社会公益组织${T}法律服务机构${T}其他${T}`,
  ];
  let lastGroup: string | undefined;
  for (const row of APPLICATION_ROWS) {
    if (row.format2019Only) continue;
    if (row.id === 'granted') {
      lines.push(`三、本年度办理结果${T}${row.label}${T}${ZEROS7}`);
      continue;
    }
    if (row.group && row.group !== lastGroup) {
      lines.push(`${T}${row.group}${T}${row.label}${T}${ZEROS7}`);
      lastGroup = row.group;
      continue;
    }
    lines.push(applicationRowText(row.id));
  }
  return lines.join('\n');
}

export function reviewsTableText(): string {
  const cols = '结果维持\t结果纠正\t其他结果\t尚未审结\t总计';
  return [
    `行政复议${T}${T}${T}${T}${T}行政诉讼${T}${T}${T}${T}${T}${T}${T}${T}${T}`,
    `${cols}${T}未经复议直接起诉${T}${T}${T}${T}${T}复议后起诉${T}${T}${T}${T}`,
    `${T}${T}${T}${T}${T}${cols}${T}${cols}`,
    Array.from({ length: 15 }, () => '0').join(T),
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
