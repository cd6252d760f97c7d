// 中文（简体）: the default wording. Messages say what was expected and what was found.

import type { Messages } from './messages';

const TABLE = {
  activeDisclosure: ['表二', '主动公开政府信息情况'],
  applications: ['表三', '收到和处理政府信息公开申请情况'],
  reviewsAndLawsuits: ['表四', '政府信息公开行政复议、行政诉讼情况'],
} as const;

const STATEMENTS = {
  applicationsReceived: '收到申请数',
  applicationsHandled: '办结（答复）申请数',
  applicationsCarriedOver: '上年结转申请数',
  applicationsCarriedForward: '结转下年度申请数',
  noApplications: '“未收到申请”',
  reviews: '行政复议件数',
  lawsuits: '行政诉讼件数',
  allUpheld: '“均获维持”',
  normativeDocumentsInForce: '现行有效行政规范性文件件数',
  allHandled: '“均已办结”',
  categoryCount: '该类办理结果件数',
} as const;

const CATEGORIES = {
  granted: '（一）予以公开', partlyGranted: '（二）部分公开', denied: '（三）不予公开', unavailable: '（四）无法提供',
  notHandled: '（五）不予处理', otherHandling: '（六）其他处理',
} as const;

const IDENTITY = { 'row-sum': '行合计', 'column-total': '列合计', balance: '勾稽关系' } as const;

function unreadRowsZh(rows: readonly { name: string; reason: keyof typeof PROBLEMS }[], strays: number): string {
  const listed = rows.slice(0, 4).map((r) => `“${r.name}”（${PROBLEMS[r.reason]}）`).join('、');
  const more = rows.length > 4 ? `等 ${rows.length} 行` : '';
  const stray = strays > 0 ? `${rows.length > 0 ? '；另有' : ''} ${strays} 处数字不属于任何行` : '';
  return `${listed}${more}${stray}`;
}

const PROBLEMS = {
  'label-away-from-numbers': '标签与数字不在一起',
  'fewer-values': '数字少于列数',
  'more-values': '数字多于列数',
  'values-before-labels': '数字出现在标签之前',
  'stray-values-near': '旁边有不属于任何行的数字',
  'ambiguous-label': '一组数字前有多个行标签',
  'label-not-found': '找不到行标签，表中另有不属于任何行的数字',
} as const;

/** "甲"、"甲与乙"、"甲、乙与丙". */
function joinZh(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}与${items[items.length - 1]}`;
}

const REQUIREMENTS = {
  1: '综述本机关贯彻落实《条例》的情况，应包括五个方面：（一）主动公开、（二）依申请公开、（三）政府信息管理、（四）政府信息公开平台建设、（五）监督保障（各级人民政府还应报告工作考核、社会评议和责任追究结果情况）。',
  2: '表二：第二十条第（一）项 规章、行政规范性文件的本年制发件数、本年废止件数、现行有效件数；第（五）项 行政许可、第（六）项 行政处罚和行政强制的本年处理决定数量；第（八）项 行政事业性收费的本年收费金额（万元）。',
  3: '表三：按申请人（自然人，商业企业、科研机构、社会公益组织、法律服务机构、其他，总计）统计本年新收、上年结转、本年度办理结果（25行）和结转下年度继续办理。勾稽关系：第一项加第二项之和，等于第三项加第四项之和。',
  4: '表四：行政复议，以及行政诉讼（未经复议直接起诉、复议后起诉）的结果维持、结果纠正、其他结果、尚未审结和总计。',
  5: '如实报告本年度政府信息公开工作存在的主要问题及改进情况（许多地方还要求报告上年度问题的整改情况）。',
  6: '报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（发出收费通知的件数和总金额以及实际收取的总金额，未收取也应说明），以及其他需要报告的事项。',
} as const;

/** "1–3、5" (ascending page numbers, runs joined by an en dash). */
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

export const zhCN: Messages = {
  locale: 'zh-CN',
  label: (l) => l.label,

  partName: (_id, numeral, title) => `${numeral}、${title}`,
  subsectionName: (_id, title) => title.replace(/情况$/, ''),
  tableShort: (id) => TABLE[id][0],
  tableName: (id) => `${TABLE[id][0]}（${TABLE[id][1]}）`,
  tableTitle: (id) => `${TABLE[id][0]} ${TABLE[id][1]}`,
  applicationCell: (group, row, column) => `${group ? `${group} ` : ''}${shortRowLabel(row.label)}·${column.label}`,
  applicationRow: (group, row) => `${group ? `${group} ` : ''}${shortRowLabel(row.label)}`,
  reviewCell: (group, column) => `表四 ${group.label}·${column.label}`,
  disclosureCell: (row, column) => `表二 ${row.label}·${column}`,
  disclosureRow: (item, row) => `第二十条第${item}项 ${row.label}`,
  yearSource: (source) => ({ title: '标题', period: '统计期限', body: '正文' })[source],
  statementName: (kind) => STATEMENTS[kind],

  sectionMissing: (part, place) => `缺少“${part}”部分（${place}）：年度报告应包含全部六个部分`,
  partPlace: (after, before) => (after && before ? `应在“${after}”之后、“${before}”之前` : before ? `应在“${before}”之前` : after ? `应在“${after}”之后` : '应在报告正文中'),
  sectionOrder: (part, after) => `“${part}”顺序错误：出现在“${after}”之后`,
  sectionDuplicate: (part) => `“${part}”重复出现`,
  headingVariant: (found, canonical) => `标题应为“${canonical}”，实为“${found}”`,
  partOrdinal: (found, expected, part) => `“${part}”的序号应为“${expected}”，实为“${found}”：年度报告的六个部分按一至六编号`,
  subsectionMissing: (s) => `“一、总体情况”缺少“${s}”方面的内容（应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）`,
  partCount: (stated) => `引言称报告共${stated}个部分，格式规定为6个部分`,
  yearMismatch: (found, expected, where) => `${where}年份为${found}年，与报告年度${expected}年不一致`,
  numbering: (expected, found) => `序号不连续：应为“${expected}”，实为“${found}”`,
  templatePlaceholder: (found) => `模板占位内容“${found.length > 24 ? `${found.slice(0, 24)}…` : found}”尚未替换为实际内容`,
  feeMissing: () => '“六、其他需要报告的事项”未说明收取信息处理费的情况（未收取也应说明）',
  oldTemplate: (year, label) => `${year}年度报告使用了2019年试行格式的表格（“${label}”），应使用国办公开办函〔2021〕30号规定的格式`,
  tableMisplaced: (id, under) => `“${under}”下的表格是${zhCN.tableName(id)}，应放在其所属部分之下；本部分的表格缺失`,
  tableMissing: (id) => `该部分缺少${zhCN.tableName(id)}`,
  tableRowMissing: (id, row) => `${zhCN.tableName(id)}缺少“${row}”行`,
  tableUnparseable: (id, detail) => `${zhCN.tableName(id)}无法可靠识别（${detail}），未核对其数据`,
  gluedDigits: () => '相邻单元格的数字连在一起',
  valuesSplit: (count, runs) => `${count}个数字分在${runs}处，无法确定各自所属的列`,
  cellCount: (expected, found) => `数据行应有${expected}个单元格，实有${found}个`,
  cellInvalid: (cell, text, decimal) => `${cell}应为${decimal ? '不小于0的数' : '不小于0的整数'}，实为“${text}”`,
  cellBlank: (cell, text) => `${cell}${text ? `为“${text}”` : '为空'}，没有数据应填0`,
  blamedCell: (cell, expected, actual, identities) =>
    `${cell}应为 ${expected}（实为 ${actual}）：${joinZh(identities.map((k) => IDENTITY[k]))}${identities.length > 1 ? '均' : ''}要求 ${expected}`,
  identityFails: (kind, cell, sum, expected, actual) =>
    kind === 'balance'
      ? `${cell}：第一项加第二项之和减第三项为 ${expected}（${sum}），表中为 ${actual}，勾稽关系不成立；无法确定是哪一格有误`
      : `${cell}与同${kind === 'row-sum' ? '行' : '列'}各项之和不符：各项之和为 ${expected}（${sum}），表中为 ${actual}；无法确定是哪一格有误`,
  identitiesFail: (id, count) => `${TABLE[id][0]}有 ${count} 项合计不成立，且无法由改正某一个单元格全部解释：可能有多处错误，或表格未能正确识别。请逐项核对（见相关信息）`,
  relatedIdentity: (kind, cell, sum, expected, actual) =>
    `${IDENTITY[kind]}不成立：${cell}为 ${actual}，${kind === 'balance' ? '由其余各项推得' : '各项之和为'} ${expected}（${sum}）`,
  tablePartlyRead: (id, rows, strays) => `${TABLE[id][0]}未能完全识别：${unreadRowsZh(rows, strays)}。未能识别的部分不参与核对，请检查表格的格式`,
  noRowRead: (rows, strays) => `没有一行能可靠识别：${unreadRowsZh(rows, strays)}`,
  rowProblem: (reason) => PROBLEMS[reason],
  tableNoNumbers: (id) => `${TABLE[id][0]}中没有数字（全部为空或“-”），未核对其数据；没有数据应填0`,
  tablePlaceholder: () => '文本中只有表格的占位符或图片，没有表格的内容',
  labelMisprint: (found, canonical) => `行标签有误：应为“${canonical}”，实为“${found}”`,
  balance: (cell, expected, actual, sum) => `${cell}应为 ${expected}（第一项加第二项之和减第三项：${sum}），实为 ${actual}`,
  textTable: (kind, stated, table, where) => `正文${STATEMENTS[kind]}为 ${stated}，表格为 ${table}（${where}）`,
  noApplicationsButTable: (table) => `正文称未收到申请，但表三“一、本年新收”总计为 ${table}`,
  allUpheldButTable: (corrected, pending) => `正文称“均获维持”，但表四显示结果纠正 ${corrected} 件、尚未审结 ${pending} 件`,
  allHandledButTable: (forward) => `正文称申请均已办结，但表三“四、结转下年度继续办理”总计为 ${forward}`,
  categoryName: (category) => CATEGORIES[category],
  statementTableCell: (where, row) => {
    // A switch, not an object of every wording: only the one asked for is made.
    switch (where) {
      case 'applications-row-total': return `表三“${row ?? ''}”总计`;
      case 'review-total': return '表四 行政复议·总计';
      case 'lawsuit-totals': return '表四 行政诉讼两项总计之和';
      case 'normative-in-force': return '表二 行政规范性文件·现行有效件数';
      case 'category-total': return `表三 ${row ?? ''} 各项总计之和`;
    }
  },
  documentTooLarge: (mb, limit) => `文档大小 ${mb} MB，超过 ${limit} MB 上限（govReport.maxDocumentSizeMB），未检查`,
  encodingGarbled: (kind, count) =>
    kind === 'replacement'
      ? `文字乱码：有 ${count} 个字符无法解码（显示为“�”），文件可能是 GBK/GB18030 编码，却按 UTF-8 打开，报告无法核对。请点击状态栏上的编码（如“UTF-8”），选择“通过编码重新打开”，再选择“Simplified Chinese (GB18030)”`
      : `文字乱码：文件可能是 UTF-8 编码，却按 GBK/GB18030 打开（如“政府信息公开”显示为“鏀垮簻淇℃伅…”），报告无法核对。请点击状态栏上的编码（如“GBK”），选择“通过编码重新打开”，再选择“UTF-8”`,

  carryOverMismatch: (cell, value, lastCell, lastValue, lastYear, lastFile) =>
    `${cell}为 ${value}，与上年度（${lastYear}年度）报告“${lastCell}”的 ${lastValue} 不一致（上年度报告：${lastFile}）`,
  inForceChain: (cell, value, lastValue, issued, repealed, expected, lastYear, lastFile) =>
    `${cell}为 ${value}，按上年度（${lastYear}年度）${lastValue} + 本年制发 ${issued} − 本年废止 ${repealed} 应为 ${expected}（上年度报告：${lastFile}）；如本年开展了文件清理或有文件有效期届满，可不予理会`,
  inForceCell: (row) => `表二 ${row.label}·现行有效件数`,
  lastYearCell: (year, cell, value) => `${year}年度报告：${cell}为 ${value}`,
  latePublication: (published, deadline, kind) =>
    `发布日期 ${dateZh(published)}晚于法定期限 ${dateZh(deadline)}（《条例》第四十九条：${kind === 'department' ? '政府部门应于每年1月31日前公布上一年度报告' : '本级人民政府年度报告应于每年3月31日前公布'}）`,
  reportMissing: (unit, lastYear, year) => `${unit}：有 ${lastYear} 年度报告，未见 ${year} 年度报告`,

  unitKind: (kind) => ({ government: '本级人民政府', department: '政府部门', township: '乡镇街道', other: '其他' })[kind],
  summaryColumn: (column) => SUMMARY_COLUMNS[column],
  summaryRowType: (type) => ({ report: '报告', missing: '缺少报告', aggregate: '汇总' })[type],
  identityNote: (unitFrom, yearFrom) => [
    unitFrom === 'file' ? '单位取自文件名' : unitFrom === undefined ? '未能识别单位' : '',
    yearFrom === 'period' ? '年度取自统计期限' : yearFrom === 'file' ? '年度取自文件名' : yearFrom === 'body' ? '年度取自正文' : yearFrom === undefined ? '未能识别年度' : '',
  ].filter(Boolean).join('；'),
  summaryTitle: () => '年度报告汇总',
  summaryMissingHeading: () => '缺少的年度报告',
  summaryNoneMissing: () => '没有缺少的年度报告。',
  summaryAcrossHeading: () => '跨年度核对与公布时间',
  summaryAggregateHeading: (year, reports) => `${year} 年度汇总（${reports} 份报告）`,
  aggregateNote: (counts, duplicates, errors, warnings) => [
    ...counts.map((c) => `${TABLE[c.table][0]}汇总 ${c.summed} 份${c.left.length > 0 ? `，未计入 ${c.left.length} 份（表格未能确定读取或为2019年试行格式）：${c.left.join('、')}` : ''}`),
    ...(duplicates > 0 ? [`另有 ${duplicates} 份为同一单位同一年度的重复报告，只计一次`] : []),
  ].join('；') + `。汇总表按表格规则检查（平衡的表格之和仍然平衡）：错误 ${errors} 个，警告 ${warnings} 个`,
  summaryFooter: (reports, errors, warnings, missing) => `共 ${reports} 份年度报告：错误 ${errors} 个，警告 ${warnings} 个；缺少年度报告 ${missing} 份`,
  configInvalid: (file, detail) => `配置文件 ${file} 无法使用：${detail}`,
  configProblem: (problem, path, detail) => ({
    json: `不是有效的 JSON（${detail ?? ''}）`,
    'not-object': `${path || '整个文件'} 应为对象（{…}）`,
    'unknown-property': `不认识的属性 ${path}（可用：units、kinds、published）`,
    'not-string': `${path} 应为非空字符串`,
    'not-kind': `${path} 应为 government、department、township 或 other 之一`,
    'not-date': `${path} 应为日期 YYYY-MM-DD`,
  })[problem],

  severityName: (s) => ({ 1: '错误', 2: '警告', 3: '信息', 4: '提示' })[s],

  hoverValue: (value) => `数值：${value}`,
  hoverUncertain: (reason) => `⚠ 本行未能确定识别（${PROBLEMS[reason]}），不参与核对`,
  blankValue: () => '（空）',
  identityLabel: (kind) => ({ 'row-sum': '行合计', 'column-total': '列合计', balance: '勾稽关系' })[kind],
  notComputed: () => '无法计算：涉及的单元格有空白或非数字',
  tableSays: (actual) => `✗（表中为 ${actual}）`,
  balanceFormula: () => '一 + 二 − （七）',
  partRequirements: (part) => REQUIREMENTS[part],
  hoverDiagnostic: (severity, message) => `${({ 1: '✗ 错误', 2: '⚠ 警告', 3: 'ℹ 信息', 4: '提示' } as const)[severity]}：${message}`,
  identityNotReported: () => '不成立（该规则已关闭，未报告）',
  missingPart: (part) => `缺少“${part}”部分`,
  missingPartPlace: (before) => (before ? `应位于“${before}”之前。` : '应位于报告末尾。'),
  cellLocation: (table, row, column) => `${TABLE[table][0]} · ${row} · ${column}`,

  preview: {
    notReport: () => '这不是政府信息公开工作年度报告（没有找到报告标题或六个部分）。',
    tableMissing: (id) => `该部分缺少${zhCN.tableName(id)}`,
    tableUnreadable: () => '表格无法可靠识别，未核对其数据（灰色）',
    tablePartlyRead: (rows) => `表格有 ${rows} 处未能确定识别，不参与核对（灰色）`,
    shouldBe: (expected) => `应为 ${expected}`,
    uncertain: (reason) => `未能确定识别（${reason}），不参与核对`,
    blank: () => '（空）',
    legendError: () => '有错误',
    legendWarning: () => '有警告',
    legendUncertain: () => '未能确定识别，不参与核对',
    goToCell: () => '点击转到文本中的该单元格',
    summary: (errors, warnings) => (errors + warnings === 0 ? '未发现问题' : `错误 ${errors} 个，警告 ${warnings} 个`),
    applicationsCorner: () => '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  },

  fixInsertPart: (heading) => `插入“${heading}”部分（模板）`,
  fixInsertSubsection: (heading) => `插入“${heading}”`,
  fixInsertTable: () => '插入表格模板',
  fixInsertRow: (row) => `插入缺少的行“${row}”`,
  fixCanonicalHeading: (heading) => `改为规范标题“${heading}”`,
  fixFillZero: () => '填入 0',
  fixFillZeroTable: (count) => `将本表全部 ${count} 个空白单元格填入 0`,
  fixChangeTo: (text) => `改为“${text}”`,
  fixYear: (year) => `将年份改为 ${year}`,
  fixComputed: (expected, actual) => `改为计算值 ${expected}（原为 ${actual}）`,
  fixLabel: (label) => `改为“${label}”`,
  fixGeneric: () => '修复',
  fixAll: () => '修复所有可安全修复的问题（年度报告）',
  lensUnparseable: () => '⚠ 表格无法可靠识别，未核对',
  lensPartlyRead: (unread) => `⚠ 表格未能完全识别：${unread} 处未核对`,
  lensChecked: (identities, cells) => `✓ 本表未报告问题（${cells} 个单元格${identities > 0 ? `，${identities} 项合计` : ''}）`,
  lensProblems: (errors, warnings) => `✗ ${[errors ? `错误 ${errors} 个` : '', warnings ? `警告 ${warnings} 个` : ''].filter(Boolean).join('，')}`,

  fileErrno: (code) => ({ ENOENT: '文件不存在', EACCES: '没有读取权限', EISDIR: '是文件夹', EPERM: '没有权限', ELOOP: '符号链接循环' })[code],
  fileTooLarge: (mb, limit) => `文件大小 ${mb} MB，超过 ${limit} MB 上限，已跳过`,
  fileBinary: () => '二进制文件，不是文本',
  cannotRead: () => '无法读取',
  cliSummary: (files, reports, errors, warnings, notReports) =>
    `共检查 ${files} 个文件，其中年度报告 ${reports} 份：错误 ${errors} 个，警告 ${warnings} 个${notReports ? `；${notReports} 个文件不是年度报告，已跳过` : ''}`,

  readerProblem: (code, d) => ({
    damaged: () => '文件已损坏，无法完整读取',
    encrypted: () => '文件已加密（需要密码），无法读取',
    'no-text': () => d.pages && d.pages.length > 0
      ? `${d.allPages ? '扫描件：' : ''}第${pageRanges(d.pages, '、')}页没有文字层（只有图片）${d.allPages ? '，无法检查；请使用可以复制文字的 PDF 或 Word 文件' : '，这些页未检查'}`
      : '文件中没有可读取的文字',
    'too-large': () => '文件过大或内容过多，超出读取上限',
    timeout: () => `读取超时（超过 ${d.seconds ?? '?'} 秒），已放弃`,
    unsupported: () => '不是可读取的格式（可读取：网页、Word/WPS、RTF、PDF 和纯文本）',
  })[code](),
  readerMemory: (limit) => `读取时内存超过上限（${limit} MB），已放弃`,
  readerPartial: (reason) => `注意：${reason}，检查结果可能不完整`,
  placePage: (page) => `第${page}页`,
  placeParagraph: (n) => `第${n}段`,
  placeTable: (n) => `第${n}个表格`,
  placeRowColumn: (row, column) => `第${row}行第${column}列`,

  unitProblemsHeading: (file, unit, year, errors, warnings) =>
    `${file}（${unit}${year !== undefined ? ` ${year}年度` : ''}）：错误 ${errors} 个，警告 ${warnings} 个`,
  client: {
    checking: () => '正在检查工作区中的年度报告…',
    progressTitle: () => '正在检查年度报告',
    summary: (files, reports, reportsWithErrors, errors, warnings, seconds) =>
      `共检查 ${files} 个文件、${reports} 份年度报告，其中 ${reportsWithErrors} 份有错误：错误 ${errors} 个，警告 ${warnings} 个（${seconds} 秒）`,
    cancelled: (files) => `检查已取消：已检查 ${files} 个文件`,
    unreadable: (count, names) => `${count} 个文件无法读取：${names}`,
    openProblems: () => '打开问题面板',
    showLog: () => '查看日志',
    listing: () => '正在列出文件…',
    progress: (done, total) => `${done}/${total}`,
    noWorkspace: () => '请先打开一个文件夹或工作区',
    noEditor: () => '请先打开一个年度报告',
    statusTooltip: () => '年度报告检查：点击检查整个工作区',
    statusName: () => '政府信息公开年度报告',
    statusText: (errors, warnings) => (errors + warnings === 0 ? '$(check) 年报' : `$(error) ${errors} $(warning) ${warnings} 年报`),
    failed: (message) => `检查失败：${message}`,
    cellStatusName: () => '年度报告：光标所在单元格',
    cellStatusTooltip: () => '光标所在的表格单元格（点击打开报告预览）',
    reopenWithEncoding: () => '通过编码重新打开…',
    newReportUnit: () => '单位名称（写在报告标题中，如“某某区人民政府办公室”）',
    newReportUnitPlaceholder: () => '某某区人民政府办公室',
    newReportYear: () => '报告年度',
    newReportYearInvalid: () => '请输入四位年份，如 2024',
    newReportSave: () => '保存年度报告',
    fileTypeText: () => '文本文件',
    fileTypeMarkdown: () => 'Markdown',
    previewTitle: (name) => `预览 ${name}`,
    previewNoEditor: () => '请先打开一个年度报告，再打开预览',
    previewLoading: () => '正在加载…',
    publishedUnreadable: (name, reason) => `无法以年度报告文本打开“${name}”：${reason}`,
    publishedPartial: (name, notes) => `“${name}”只读取了一部分：${notes}`,
    publishedDecoration: (errors, warnings) => `年度报告检查：错误 ${errors} 个，警告 ${warnings} 个`,
    publishedNoFile: () => '请在资源管理器中选择一个 Word、WPS、PDF 或网页格式的年度报告',
    publishedOpenLabel: () => '以年度报告文本打开',
    publishedFileTypes: () => 'Word、WPS、PDF 或网页',
    summaryCounts: (errors, warnings) => (errors + warnings === 0 ? '✓' : `错误 ${errors} · 警告 ${warnings}`),
    summaryRollup: (reports, errors, warnings, missing) =>
      `${reports} 份${missing > 0 ? ` · 缺 ${missing} 份` : ''}${errors + warnings > 0 ? ` · 错误 ${errors} · 警告 ${warnings}` : missing === 0 ? ' · ✓' : ''}`,
    summaryUnknownYear: () => '年份不明',
    summaryUnknownUnit: () => '单位不明',
    summaryMissing: (year) => `缺少 ${year} 年度报告`,
    summaryNoMatch: () => '没有符合筛选条件的报告',
    summaryFilterDescription: (errorsOnly, year, unit) =>
      `筛选：${[errorsOnly ? '仅有错误' : '', year !== undefined ? `${year} 年度` : '', unit ? `单位含“${unit}”` : ''].filter(Boolean).join(' · ')}`,
    summaryFilterYear: () => '选择要显示的年度',
    summaryAllYears: () => '全部年度',
    summaryFilterUnit: () => '按单位名称筛选（输入名称中的文字，留空则显示全部单位）',
    summaryFilterUnitPlaceholder: () => '例如：龙亭',
    summaryExportFormat: () => '选择导出格式',
    summaryExportAggregate: () => '同时导出各年度汇总表（表二、表三、表四之和）',
    summaryExported: (path) => `汇总已导出：${path}`,
    summaryEmpty: () => '尚无年度报告：请先运行“检查工作区中的所有年度报告”',
    aggregateYear: () => '选择要汇总的年度',
    aggregateNone: (year) => `${year} 年度没有可汇总的表格（只汇总 2021 版格式且完整读出的表格）`,
    unitProblemsCopied: (unit, problems) => `已复制“${unit}”的问题清单（${problems} 个问题）`,
    unitProblemsNone: (unit) => `“${unit}”的报告未发现问题`,
  },
};

/** "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" → "（二）部分公开". */
const SUMMARY_COLUMNS = {
  type: '类型', file: '文件', unit: '单位', kind: '类别', year: '年度', format: '格式',
  newReceived: '本年新收', carriedOver: '上年结转', handled: '办结（总计）', carriedForward: '结转下年度', reviews: '行政复议', lawsuits: '行政诉讼',
  regulationsInForce: '现行有效规章', normativeDocumentsInForce: '现行有效行政规范性文件', fees: '行政事业性收费（万元）', published: '发布日期',
  errors: '错误', warnings: '警告', codes: '规则', note: '说明',
} as const;

/** "2024-02-20" → "2024年2月20日". */
function dateZh(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function shortRowLabel(label: string): string {
  return label.replace(/（区分处理的.*$/, '');
}
