// What the 2021 format requires each part to contain (FORMAT.md §2), for hovers on part headings.

import type { Locale } from '../report';

const ZH: Record<number, string> = {
  1: '综述本机关贯彻落实《条例》的情况，应包括五个方面：（一）主动公开、（二）依申请公开、（三）政府信息管理、（四）政府信息公开平台建设、（五）监督保障（各级人民政府还应报告工作考核、社会评议和责任追究结果情况）。',
  2: '表二：第二十条第（一）项 规章、行政规范性文件的本年制发件数、本年废止件数、现行有效件数；第（五）项 行政许可、第（六）项 行政处罚和行政强制的本年处理决定数量；第（八）项 行政事业性收费的本年收费金额（万元）。',
  3: '表三：按申请人（自然人，商业企业、科研机构、社会公益组织、法律服务机构、其他，总计）统计本年新收、上年结转、本年度办理结果（25行）和结转下年度继续办理。勾稽关系：第一项加第二项之和，等于第三项加第四项之和。',
  4: '表四：行政复议，以及行政诉讼（未经复议直接起诉、复议后起诉）的结果维持、结果纠正、其他结果、尚未审结和总计。',
  5: '如实报告本年度政府信息公开工作存在的主要问题及改进情况（许多地方还要求报告上年度问题的整改情况）。',
  6: '报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（发出收费通知的件数和总金额以及实际收取的总金额，未收取也应说明），以及其他需要报告的事项。',
};

const EN: Record<number, string> = {
  1: 'Overview of how the agency implemented the Regulations, covering five areas: proactive disclosure, disclosure on request, information management, disclosure platforms, supervision and safeguards.',
  2: 'Table 2: regulations and normative documents issued, repealed and in force; licensing, penalty and enforcement decisions; administrative fees (10,000 yuan).',
  3: 'Table 3: applications by applicant type (7 columns), new and carried over, the 25 result rows, and carried forward. Balance: I + II = III (7) total + IV.',
  4: 'Table 4: administrative review, and lawsuits (direct, and after review): upheld, corrected, other, pending, total.',
  5: 'The main problems of the year and how they are being addressed.',
  6: 'Information processing fees charged (notices sent, amounts billed and collected — state it even when none), and other matters.',
};

export function partRequirements(part: number, locale: Locale): string {
  return (locale === 'en' ? EN : ZH)[part] ?? '';
}
