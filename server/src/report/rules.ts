// The rule table: every diagnostic code the checker reports, its default severity, whether its fix is safe for
// fix-all, and its title and description in Chinese and English. check, the SARIF rule metadata, the severity
// setting of package.json (scripts/gen-manifest.ts), the README's rule table and the CLI's `rules` command all
// read it. Codes are a public contract: add, never rename (docs/rules.md has a section per code).

import type { DiagnosticSeverity } from 'vscode-languageserver-types';

/** 'reports': rules across reports (a unit's reports of consecutive years, publication, missing reports). */
export type RuleCategory = 'structure' | 'tables' | 'text' | 'reports';

export interface RuleText {
  readonly title: string;
  readonly description: string;
}

export interface RuleSpec {
  readonly code: string;
  readonly category: RuleCategory;
  /** 1 Error, 2 Warning, 3 Information, 4 Hint (LSP). */
  readonly severity: DiagnosticSeverity;
  /** Its fix only inserts template text or restores a canonical wording: applied by fix-all without looking. */
  readonly fixAll: boolean;
  readonly zh: RuleText;
  readonly en: RuleText;
}

function rule(code: string, category: RuleCategory, severity: DiagnosticSeverity, fixAll: boolean, zh: RuleText, en: RuleText) {
  return { code, category, severity, fixAll, zh, en } as const;
}

export const RULES = [
  rule('section-missing', 'structure', 1, true,
    { title: '缺少部分', description: '年度报告应包含全部六个部分（一、总体情况 至 六、其他需要报告的事项），缺少其中之一。' },
    { title: 'Part missing', description: 'One of the six parts (一 General situation … 六 Other matters) is absent.' }),
  rule('section-order', 'structure', 1, false,
    { title: '部分顺序错误', description: '六个部分应按一至六的顺序排列，有部分出现在其后续部分之后。' },
    { title: 'Parts out of order', description: 'A part comes after a part that should follow it.' }),
  rule('section-duplicate', 'structure', 1, false,
    { title: '部分重复', description: '同一部分出现了两次。' },
    { title: 'Part repeated', description: 'A part appears twice.' }),
  rule('section-heading-variant', 'structure', 2, true,
    { title: '标题不规范', description: '部分标题可以识别，但不是格式规定的规范表述（包括“行政法复议”之类的笔误）。' },
    { title: 'Heading not canonical', description: 'A part heading is recognisable but not the wording of the format (typos such as "行政法复议" included).' }),
  rule('subsection-missing', 'structure', 2, true,
    { title: '总体情况缺少方面', description: '“一、总体情况”应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，缺少其一（2021年及以后的报告）。' },
    { title: 'Sub-part missing', description: 'Part 一 lacks one of its five sub-parts: proactive disclosure, disclosure on request, information management, platforms, supervision (2021 reports on).' }),
  rule('part-count', 'structure', 2, false,
    { title: '部分数量表述错误', description: '引言所说的报告部分数量不是六个。' },
    { title: 'Wrong part count', description: 'The introduction says the report has a number of parts other than six.' }),
  rule('year-mismatch', 'structure', 1, false,
    { title: '年份不一致', description: '标题、统计期限和正文“YYYY年，我…”所说的报告年度不一致；标出与多数不符的年份。' },
    { title: 'Years disagree', description: 'The years of the title, the reporting period and the text ("YYYY年，我…") disagree; the odd one out is flagged.' }),
  rule('numbering', 'structure', 2, false,
    { title: '序号不连续', description: '（一）（二）、一是二是、1. 2. 等序号有跳号或重复。' },
    { title: 'Numbering breaks', description: 'An ordinal sequence (（一）（二）, 一是二是, 1. 2.) has a gap or a repeat.' }),
  rule('fee-statement-missing', 'structure', 2, false,
    { title: '未说明信息处理费', description: '“六、其他需要报告的事项”未说明收取信息处理费的情况（未收取也应说明；2021年及以后的报告）。' },
    { title: 'Processing fee not stated', description: 'Part 六 does not state the information processing fee situation (even when none was charged; 2021 reports on).' }),
  rule('old-template', 'structure', 1, false,
    { title: '使用旧模板', description: '2021年及以后的报告使用了2019年试行格式（国办公开办函〔2019〕60号）的表格；2019、2020年度报告使用该格式是正确的。' },
    { title: 'Old template', description: 'A report for 2021 or later uses the tables of the 2019 trial format; for 2019 and 2020 reports that format is correct.' }),
  rule('table-missing', 'tables', 1, true,
    { title: '缺少表格', description: '“二”“三”“四”部分下没有对应的统计表。' },
    { title: 'Table missing', description: 'Part 二, 三 or 四 has no table under it.' }),
  rule('table-misplaced', 'tables', 2, false,
    { title: '表格位置错误', description: '某一部分下没有本部分的表格，却是另一部分的表格（如“二、主动公开政府信息情况”下粘贴了表三）。' },
    { title: 'Table under the wrong part', description: 'A part holds another part\'s table instead of its own (表三 pasted under 二, say).' }),
  rule('table-row-missing', 'tables', 1, true,
    { title: '表格缺行', description: '表格中缺少格式规定的某一行（该行的标签文字在表格中完全找不到）。' },
    { title: 'Row missing', description: 'A table lacks one of its standard rows (its label is nowhere in the table).' }),
  rule('table-unparseable', 'tables', 2, false,
    { title: '表格无法识别', description: '表格存在，但单元格无法可靠分开（例如相邻单元格的数字连在一起），不据此计算任何合计。' },
    { title: 'Table unreadable', description: 'A table is there but its cells cannot be separated reliably (digits of adjacent cells run together); nothing is computed from it.' }),
  rule('table-partly-read', 'tables', 2, false,
    { title: '表格未能完全识别', description: '表格中有些行未能确定地识别（标签与数字不在一起、数字少于列数、数字出现在标签之前等）；只核对确定识别的部分，这些行不参与任何合计。' },
    { title: 'Table partly read', description: 'Some rows of a table could not be read with certainty (label away from its numbers, fewer values than columns, values before their labels…); only what was read with certainty is checked.' }),
  rule('table-label-variant', 'tables', 2, true,
    { title: '行标签有误', description: '表格行标签与格式规定的表述相近但有缺字、错字（如“2.其他法律行政止公开”）；该行已按其应有的行识别。' },
    { title: 'Row label misprinted', description: 'A row label is close to the format\'s wording but has characters lost or changed ("2.其他法律行政止公开"); the row was read as the row it should be.' }),
  rule('cell-invalid', 'tables', 1, false,
    { title: '数值无效', description: '应为不小于0的整数的单元格（收费金额：不小于0的数）不是这样的数。' },
    { title: 'Invalid value', description: 'A cell that must hold a whole number ≥ 0 (the fee: a number ≥ 0) holds something else.' }),
  rule('cell-blank', 'tables', 2, false,
    { title: '单元格为空', description: '应填数字的单元格为空或填了“/”“—”“无”，没有数据应填0。' },
    { title: 'Blank cell', description: 'A cell that must hold a number is blank, "/", "—" or "无": write 0 when there were none.' }),
  rule('row-sum', 'tables', 1, false,
    { title: '行合计不符', description: '表三每行六类申请人之和应等于总计；表四每组结果维持、结果纠正、其他结果、尚未审结之和应等于总计。' },
    { title: 'Row does not add up', description: 'Table 3: a row\'s six applicant columns must add up to its 总计; table 4: 维持 + 纠正 + 其他 + 尚未审结 = 总计 in each group.' }),
  rule('column-total', 'tables', 1, false,
    { title: '列合计不符', description: '表三每列“（七）总计”应等于（一）至（六）各项办理结果之和。' },
    { title: 'Column does not add up', description: 'Table 3, per column: （七）总计 must equal the sum of the 21 result rows.' }),
  rule('balance', 'tables', 1, false,
    { title: '勾稽关系不成立', description: '表三每列：第一项加第二项之和，等于第三项加第四项之和（新收 + 上年结转 = 办理结果总计 + 结转下年度）。' },
    { title: 'Does not balance', description: 'Table 3, per column: new + carried over = handled (（七）总计) + carried forward.' }),
  rule('text-table-mismatch', 'text', 2, false,
    { title: '正文与表格不一致', description: '正文中的数字与表格不符：收到、办结、结转的申请数，行政复议、行政诉讼件数，“均获维持”，现行有效规范性文件件数等。' },
    { title: 'Text contradicts table', description: 'A number in the text contradicts the table: applications received, handled or carried over, reviews and lawsuits, "均获维持", normative documents in force.' }),
  rule('template-placeholder', 'text', 2, false,
    { title: '模板占位内容未替换', description: '报告中仍留有模板的占位内容（“XX单位”“XXXX年”“（文字描述…）”“××”等），报告尚未完成。' },
    { title: 'Template placeholder left in', description: 'Template text is still in the report ("XX单位", "XXXX年", "（文字描述…）", "××"): the report is not finished.' }),
  rule('carry-over-mismatch', 'reports', 1, false,
    { title: '上年结转与上年度报告不符', description: '表三“二、上年结转政府信息公开申请数量”（逐列）应等于同一单位上一年度报告的“四、结转下年度继续办理”；需要上一年度报告一并检查。' },
    { title: 'Carry-over differs from last year', description: 'Table 3, per column: II. carried over from last year must equal IV. carried forward in the same unit\'s report of the year before (checked when that report is among the files checked).' }),
  rule('in-force-count-chain', 'reports', 3, false,
    { title: '现行有效件数与上年度不衔接', description: '表二规章、行政规范性文件：现行有效件数应等于上一年度报告的现行有效件数加本年制发件数减本年废止件数；开展文件清理的年度可以不符。' },
    { title: 'In-force count does not follow from last year', description: 'Table 2, regulations and normative documents: in force should be last year\'s in force + issued − repealed; a document clean-up (文件清理) breaks it legitimately.' }),
  rule('late-publication', 'reports', 2, false,
    { title: '公布晚于法定期限', description: '《条例》第四十九条：政府部门应于次年1月31日前、本级人民政府应于次年3月31日前公布上一年度报告；已知发布日期时核对。' },
    { title: 'Published late', description: 'Article 49 of the Regulations: a department publishes the previous year\'s report by 31 January, a people\'s government by 31 March; checked where the publication date is known.' }),
  rule('report-missing', 'reports', 2, false,
    { title: '缺少年度报告', description: '同一单位有上一年度的报告而没有本年度的报告（在汇总中列出，不针对某个文件）。' },
    { title: 'Report missing', description: 'A unit has a report for the year before but none for this year (a line of the summary, not a problem in a file).' }),
  rule('encoding-garbled', 'text', 2, false,
    { title: '文字乱码（编码不符）', description: '编辑器中的文字是乱码：文件的编码（如 GBK/GB18030）与打开时所用的编码（如 UTF-8）不符，报告无法核对。请点击状态栏上的编码，选择“通过编码重新打开”，再选择正确的编码（中文报告通常为 GB 18030 或 UTF-8）。' },
    { title: 'Garbled text: wrong encoding', description: 'The text in the editor is mojibake: the file\'s encoding (such as GBK/GB18030) is not the one it was opened with (such as UTF-8), so the report cannot be checked. Click the encoding in the status bar, choose Reopen with Encoding, and pick the right one (GB 18030 or UTF-8 for Chinese reports).' }),
] as const satisfies readonly RuleSpec[];

export type RuleCode = (typeof RULES)[number]['code'];

export const RULE_CODES: readonly RuleCode[] = RULES.map((r) => r.code);

const BY_CODE = new Map<string, RuleSpec>(RULES.map((r) => [r.code, r]));

/** The rule with this code, or undefined for a code that is not one of ours. */
export function ruleSpec(code: string): RuleSpec | undefined {
  return BY_CODE.get(code);
}

export const DEFAULT_SEVERITY = Object.fromEntries(RULES.map((r) => [r.code, r.severity])) as Record<RuleCode, DiagnosticSeverity>;

/** Codes whose fix is safe to apply without looking (fix-all). */
export const FIX_ALL_CODES: ReadonlySet<string> = new Set(RULES.filter((r) => r.fixAll).map((r) => r.code));

/** A rule's title and description in a language. */
export function ruleText(code: RuleCode, locale: 'zh-CN' | 'en'): RuleText {
  const r = BY_CODE.get(code)!;
  return locale === 'en' ? r.en : r.zh;
}
