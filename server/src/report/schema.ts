// The canonical schema of the 2021 format (国办公开办函〔2021〕30号) and the signatures of the 2019 trial
// format (国办公开办函〔2019〕60号): the six parts, the five sub-parts of 一, and every row and column of
// tables 二, 三 and 四. See docs/format.md §2–§5. Rows are found by the keys below, never by position.

export type PartId = 1 | 2 | 3 | 4 | 5 | 6;
export const PART_IDS: readonly PartId[] = [1, 2, 3, 4, 5, 6];

export interface PartSpec {
  readonly id: PartId;
  readonly numeral: string;
  /** Canonical title without the ordinal, e.g. "总体情况". */
  readonly title: string;
  /** Recognises the part from a normalised heading (ordinal stripped). */
  readonly pattern: RegExp;
  /** Wordings accepted in flattened text, where headings sit inside a line (normalised form). */
  readonly inlineWordings: readonly string[];
  /**
   * Wordings as good as the title: the title itself and the 条例's own words for the part (第五十条), which many
   * reports use as the heading (normalised: half-width brackets, no spaces).
   */
  readonly accepted: readonly string[];
  /** Whether a table belongs under the heading. */
  readonly table?: 'activeDisclosure' | 'applications' | 'reviewsAndLawsuits';
}

export const PARTS: readonly PartSpec[] = [
  { id: 1, numeral: '一', title: '总体情况', pattern: /^总体情况/, inlineWordings: ['总体情况'], accepted: ['总体情况'] },
  {
    id: 2, numeral: '二', title: '主动公开政府信息情况', pattern: /主动公开/, table: 'activeDisclosure',
    inlineWordings: ['主动公开政府信息情况'],
    accepted: ['主动公开政府信息情况', '主动公开政府信息的情况', '行政机关主动公开政府信息的情况'],
  },
  {
    id: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', pattern: /收到和?处理|处理政府信息公开申请/, table: 'applications',
    inlineWordings: ['收到和处理政府信息公开申请情况'],
    accepted: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的情况', '行政机关收到和处理政府信息公开申请的情况'],
  },
  {
    id: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', pattern: /行政法?复议|行政诉讼/, table: 'reviewsAndLawsuits',
    inlineWordings: [
      '政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '政府信息公开行政法复议、行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况', '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
    ],
    accepted: ['政府信息公开行政复议、行政诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼的情况', '因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  },
  {
    id: 5, numeral: '五', title: '存在的主要问题及改进情况', pattern: /存在.{0,6}问题|问题.{0,3}改进|改进(?:情况|措施)/,
    inlineWordings: [
      '存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在问题及改进情况',
      '存在的问题及改进情况', '存在的主要问题和改进措施',
    ],
    accepted: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况'],
  },
  { id: 6, numeral: '六', title: '其他需要报告的事项', pattern: /其他需要报告|其他.{0,2}事项/, inlineWordings: ['其他需要报告的事项'], accepted: ['其他需要报告的事项'] },
];

export function partSpec(id: PartId): PartSpec {
  return PARTS[id - 1]!;
}

export function canonicalHeading(id: PartId): string {
  const p = partSpec(id);
  return `${p.numeral}、${p.title}`;
}

// ---------------------------------------------------------------------------------------------
// 一、总体情况: the five sub-parts ("主要包括 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障").

export type SubsectionId = 'activeDisclosure' | 'onRequest' | 'management' | 'platform' | 'oversight';

export interface SubsectionSpec {
  readonly id: SubsectionId;
  readonly numeral: string;
  readonly title: string;
  /** Its keyword, found anywhere in a sub-heading (the one that comes first decides). */
  readonly pattern: RegExp;
}

export const SUBSECTIONS: readonly SubsectionSpec[] = [
  { id: 'activeDisclosure', numeral: '一', title: '主动公开情况', pattern: /主动公开/ },
  { id: 'onRequest', numeral: '二', title: '依申请公开情况', pattern: /依申请/ },
  { id: 'management', numeral: '三', title: '政府信息管理情况', pattern: /信息.{0,4}管理/ },
  { id: 'platform', numeral: '四', title: '政府信息公开平台建设情况', pattern: /平台/ },
  { id: 'oversight', numeral: '五', title: '监督保障情况', pattern: /监督|考核|评议|责任追究/ },
];

// ---------------------------------------------------------------------------------------------
// 表三: applications received and handled. Seven columns, 25 data rows (2021 format).

export type ApplicantColumn = 'naturalPerson' | 'commercial' | 'research' | 'publicInterest' | 'legalService' | 'otherOrg' | 'total';

export interface ColumnSpec<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly labelEn: string;
}

export const APPLICANT_COLUMNS: readonly ColumnSpec<ApplicantColumn>[] = [
  { id: 'naturalPerson', label: '自然人', labelEn: 'natural persons' },
  { id: 'commercial', label: '商业企业', labelEn: 'commercial enterprises' },
  { id: 'research', label: '科研机构', labelEn: 'research institutions' },
  { id: 'publicInterest', label: '社会公益组织', labelEn: 'public-interest organisations' },
  { id: 'legalService', label: '法律服务机构', labelEn: 'legal service institutions' },
  { id: 'otherOrg', label: '其他', labelEn: 'other organisations' },
  { id: 'total', label: '总计', labelEn: 'total' },
];

export const APPLICANT_COLUMN_IDS: readonly ApplicantColumn[] = APPLICANT_COLUMNS.map((c) => c.id);

export interface ApplicationRowSpec {
  readonly id: string;
  /** Canonical label as in the template, including its ordinal. */
  readonly label: string;
  readonly labelEn: string;
  /** Group heading the row sits under (（三）不予公开 …), for messages and templates. */
  readonly group?: string;
  /** Distinctive fragments of the normalised label; any one identifies the row. */
  readonly keys: readonly string[];
  /** The label must equal this (ordinals stripped) — for rows whose wording is too short to be a key. */
  readonly exact?: string;
  /** One of the 21 result rows whose sum is （七）总计. */
  readonly result?: boolean;
  /** Row exists only in the 2019 trial format. */
  readonly format2019Only?: boolean;
  /** Row exists only in the 2021 format. */
  readonly format2021Only?: boolean;
}

export const APPLICATION_ROWS: readonly ApplicationRowSpec[] = [
  { id: 'newReceived', label: '一、本年新收政府信息公开申请数量', labelEn: 'I. new applications this year', keys: ['本年新收'] },
  { id: 'carriedOver', label: '二、上年结转政府信息公开申请数量', labelEn: 'II. carried over from last year', keys: ['上年结转'] },
  { id: 'granted', label: '（一）予以公开', labelEn: '(1) disclosed', keys: ['予以公开'], result: true },
  { id: 'partlyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', labelEn: '(2) partly disclosed', keys: ['部分公开'], result: true },
  { id: 'denied.stateSecret', group: '（三）不予公开', label: '1.属于国家秘密', labelEn: '(3)1 state secret', keys: ['国家秘密'], result: true },
  { id: 'denied.prohibitedByLaw', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开', labelEn: '(3)2 prohibited by other laws', keys: ['禁止公开'], result: true },
  { id: 'denied.threeSecurities', group: '（三）不予公开', label: '3.危及“三安全一稳定”', labelEn: '(3)3 endangers the "three securities and one stability"', keys: ['三安全', '一稳定'], result: true },
  { id: 'denied.thirdParty', group: '（三）不予公开', label: '4.保护第三方合法权益', labelEn: '(3)4 protects third-party rights', keys: ['第三方'], result: true },
  { id: 'denied.internalAffairs', group: '（三）不予公开', label: '5.属于三类内部事务信息', labelEn: '(3)5 internal affairs', keys: ['内部事务'], result: true },
  { id: 'denied.processInfo', group: '（三）不予公开', label: '6.属于四类过程性信息', labelEn: '(3)6 process information', keys: ['过程性'], result: true },
  { id: 'denied.enforcementFile', group: '（三）不予公开', label: '7.属于行政执法案卷', labelEn: '(3)7 law-enforcement files', keys: ['执法案卷'], result: true },
  { id: 'denied.queryMatter', group: '（三）不予公开', label: '8.属于行政查询事项', labelEn: '(3)8 administrative query matters', keys: ['行政查询', '查询事项'], result: true },
  { id: 'unavailable.notHeld', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息', labelEn: '(4)1 not held by this agency', keys: ['不掌握'], result: true },
  { id: 'unavailable.needsCreation', group: '（四）无法提供', label: '2.没有现成信息需要另行制作', labelEn: '(4)2 would have to be created', keys: ['另行制作', '没有现成'], result: true },
  { id: 'unavailable.unclear', group: '（四）无法提供', label: '3.补正后申请内容仍不明确', labelEn: '(4)3 still unclear after correction', keys: ['补正后', '仍不明确'], result: true },
  { id: 'notHandled.petition', group: '（五）不予处理', label: '1.信访举报投诉类申请', labelEn: '(5)1 petitions and complaints', keys: ['信访'], result: true },
  { id: 'notHandled.repeated', group: '（五）不予处理', label: '2.重复申请', labelEn: '(5)2 repeated applications', keys: ['重复申请'], result: true },
  { id: 'notHandled.publications', group: '（五）不予处理', label: '3.要求提供公开出版物', labelEn: '(5)3 asks for publications', keys: ['出版物'], result: true },
  { id: 'notHandled.massRepeated', group: '（五）不予处理', label: '4.无正当理由大量反复申请', labelEn: '(5)4 mass repeated applications', keys: ['大量反复'], result: true },
  { id: 'notHandled.confirmation', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息', labelEn: '(5)5 asks to confirm or reissue', keys: ['确认或重新', '重新出具', '已获取信息'], result: true },
  { id: 'otherHandling.noCorrection', group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', labelEn: '(6)1 not corrected in time', keys: ['逾期不补'], result: true, format2021Only: true },
  { id: 'otherHandling.feeUnpaid', group: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', labelEn: '(6)2 fee not paid in time', keys: ['收费通知', '缴纳费用'], result: true, format2021Only: true },
  { id: 'otherHandling.other', group: '（六）其他处理', label: '3.其他', labelEn: '(6)3 other', keys: [], exact: '其他', result: true, format2021Only: true },
  { id: 'otherHandling', label: '（六）其他处理', labelEn: '(6) other handling', keys: ['其他处理'], result: true, format2019Only: true },
  { id: 'total', label: '（七）总计', labelEn: '(7) total', keys: ['总计'] },
  { id: 'carriedForward', label: '四、结转下年度继续办理', labelEn: 'IV. carried forward to next year', keys: ['结转下年', '下年度继续'] },
];

export const RESULT_ROW_IDS_2021 = APPLICATION_ROWS.filter((r) => r.result && !r.format2019Only).map((r) => r.id);
export const RESULT_ROW_IDS_2019 = APPLICATION_ROWS.filter((r) => r.result && !r.format2021Only).map((r) => r.id);

export function applicationRowSpec(id: string): ApplicationRowSpec | undefined {
  return APPLICATION_ROWS.find((r) => r.id === id);
}

// ---------------------------------------------------------------------------------------------
// 表二: proactive disclosure, four sub-tables (第二十条第（一）（五）（六）（八）项).

export interface DisclosureRowSpec {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly item: string; // 第二十条第（X）项
  readonly columns: readonly string[];
  /** Normalised label, ordinals stripped, must equal one of these. */
  readonly labels: readonly string[];
  readonly decimal?: boolean;
}

export const DISCLOSURE_ROWS_2021: readonly DisclosureRowSpec[] = [
  { id: 'regulations', label: '规章', labelEn: 'regulations', item: '（一）', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], labels: ['规章'] },
  { id: 'normativeDocuments', label: '行政规范性文件', labelEn: 'normative documents', item: '（一）', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], labels: ['行政规范性文件'] },
  { id: 'licensing', label: '行政许可', labelEn: 'administrative licensing', item: '（五）', columns: ['本年处理决定数量'], labels: ['行政许可'] },
  { id: 'penalty', label: '行政处罚', labelEn: 'administrative penalties', item: '（六）', columns: ['本年处理决定数量'], labels: ['行政处罚'] },
  { id: 'enforcement', label: '行政强制', labelEn: 'administrative enforcement', item: '（六）', columns: ['本年处理决定数量'], labels: ['行政强制'] },
  { id: 'fees', label: '行政事业性收费', labelEn: 'administrative fees', item: '（八）', columns: ['本年收费金额（单位：万元）'], labels: ['行政事业性收费'], decimal: true },
];

export const DISCLOSURE_ROWS_2019: readonly DisclosureRowSpec[] = [
  { id: 'regulations', label: '规章', labelEn: 'regulations', item: '（一）', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], labels: ['规章'] },
  { id: 'normativeDocuments', label: '规范性文件', labelEn: 'normative documents', item: '（一）', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], labels: ['规范性文件', '行政规范性文件'] },
  { id: 'licensing', label: '行政许可', labelEn: 'administrative licensing', item: '（五）', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], labels: ['行政许可'] },
  { id: 'otherServices', label: '其他对外管理服务事项', labelEn: 'other external services', item: '（五）', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], labels: ['其他对外管理服务事项'] },
  { id: 'penalty', label: '行政处罚', labelEn: 'administrative penalties', item: '（六）', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], labels: ['行政处罚'] },
  { id: 'enforcement', label: '行政强制', labelEn: 'administrative enforcement', item: '（六）', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], labels: ['行政强制'] },
  { id: 'fees', label: '行政事业性收费', labelEn: 'administrative fees', item: '（八）', columns: ['上一年项目数量', '本年增/减'], labels: ['行政事业性收费'] },
  { id: 'procurement', label: '政府集中采购', labelEn: 'centralised procurement', item: '（九）', columns: ['采购项目数量', '采购总金额'], labels: ['政府集中采购'] },
];

/** Labels that only the 2019 trial format uses (docs/format.md §6.5). Normalised. */
export const OLD_FORMAT_SIGNATURES: readonly string[] = [
  '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项',
  '第二十条第(九)项', '政府集中采购', '采购总金额',
];

// ---------------------------------------------------------------------------------------------
// 表四: one data row of 15 cells: 行政复议, 行政诉讼·未经复议直接起诉, 行政诉讼·复议后起诉; five columns each.

export type ReviewGroup = 'review' | 'directSuit' | 'suitAfterReview';
export type ReviewColumn = 'upheld' | 'corrected' | 'other' | 'pending' | 'total';

export const REVIEW_GROUPS: readonly ColumnSpec<ReviewGroup>[] = [
  { id: 'review', label: '行政复议', labelEn: 'administrative review' },
  { id: 'directSuit', label: '行政诉讼·未经复议直接起诉', labelEn: 'lawsuits filed directly' },
  { id: 'suitAfterReview', label: '行政诉讼·复议后起诉', labelEn: 'lawsuits after review' },
];

export const REVIEW_COLUMNS: readonly ColumnSpec<ReviewColumn>[] = [
  { id: 'upheld', label: '结果维持', labelEn: 'upheld' },
  { id: 'corrected', label: '结果纠正', labelEn: 'corrected' },
  { id: 'other', label: '其他结果', labelEn: 'other result' },
  { id: 'pending', label: '尚未审结', labelEn: 'pending' },
  { id: 'total', label: '总计', labelEn: 'total' },
];

export const REVIEW_COLUMN_IDS: readonly ReviewColumn[] = REVIEW_COLUMNS.map((c) => c.id);
