// Rules across reports (report/crossYear.ts, docs/format.md §8): carry-over-mismatch, in-force-count-chain,
// late-publication, report-missing; on the real chains (宿迁 2023 → 2024, 平潭 2020 → 2025) and on a pair made from
// a seed, with one fault planted.

import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  acrossReports, certainValue, crossYearDiagnostics, factsOf, missingReports, packFacts, parse, publicationDiagnostics, unpackFacts,
  type LastYearData, type ReportFacts,
} from '../../server/src/report';
import { SEEDS, editLine, fixture, lineOf, needShared, seedPair, tsvCellRange } from './helpers';

/** The derived reports are tables only: their first line becomes a plain title. */
function titled(text: string, title: string): string {
  return text.replace(/^[^\n]*/, title);
}

function factsFor(text: string, file: string, published?: string): ReportFacts {
  return factsOf(parse(text), file, { uri: `file:///reports/${file}`, published });
}

const codesOf = (ds: readonly Diagnostic[]) => ds.map((d) => String(d.code));

const SUQIAN = ['derived/D010a_suqian_2023_tables.tsv.txt', 'derived/D010b_suqian_2024_tables.tsv.txt'];
const PINGTAN = [2020, 2021, 2022, 2023, 2024, 2025].map((y, i) => `derived/D00${i + 2}_pingtan_${y}_tables.tsv.txt`);

test('宿迁 2023 → 2024: 上年结转 is last year\'s 结转下年度 in every column, and both in-force chains hold', (t) => {
  const texts = needShared(t, ...SUQIAN);
  if (!texts) return;
  const [y2023, y2024] = [factsFor(titled(texts[0]!, '宿迁市2023年政府信息公开工作年度报告'), '宿迁2023.txt'), factsFor(titled(texts[1]!, '宿迁市2024年政府信息公开工作年度报告'), '宿迁2024.txt')];
  // Compared, not skipped: every column was read with certainty on both sides.
  const carried = Object.values(y2024.applications.carriedOver).map(certainValue);
  assert.deepEqual(carried, [118, 3, 0, 0, 0, 0, 121]);
  assert.deepEqual(Object.values(y2023.applications.carriedForward).map(certainValue), carried);
  assert.deepEqual([y2024.documents.regulations, y2024.documents.normativeDocuments].map((d) => [d!.issued, d!.repealed, d!.inForce].map(certainValue)), [[2, 1, 12], [50, 227, 420]]);
  assert.deepEqual([y2023.documents.regulations!.inForce, y2023.documents.normativeDocuments!.inForce].map(certainValue), [11, 597]);
  const across = acrossReports([y2023, y2024]);
  assert.deepEqual(across.previous, [undefined, 0]);
  assert.deepEqual(across.diagnostics, [[], []]);
  assert.deepEqual(across.missing, []);
});

test('平潭 2020 → 2025: the carry-over holds every year; the in-force chain of 行政规范性文件 breaks in 2023, 2024 and 2025', (t) => {
  const texts = needShared(t, ...PINGTAN);
  if (!texts) return;
  const all = texts.map((text, i) => factsFor(titled(text, `平潭综合实验区${2020 + i}年度政府信息公开工作年度报告`), `平潭${2020 + i}.txt`));
  const across = acrossReports(all);
  assert.deepEqual(across.previous, [undefined, 0, 1, 2, 3, 4]);
  for (let i = 1; i < all.length; i++) {
    const now = Object.values(all[i]!.applications.carriedOver).map(certainValue);
    assert.equal(now.length, 7);
    assert.ok(now.every((v) => v !== undefined), `${2020 + i}: 二 read with certainty`);
    assert.deepEqual(Object.values(all[i - 1]!.applications.carriedForward).map(certainValue), now, `${2020 + i}`);
  }
  // 1 carried from 2021 into 2022 (自然人 and 总计), zeros otherwise.
  assert.deepEqual(Object.values(all[2]!.applications.carriedOver).map(certainValue), [1, 0, 0, 0, 0, 0, 1]);
  assert.ok(across.diagnostics.flat().every((d) => d.code === 'in-force-count-chain'));
  const chain = across.diagnostics.map((ds) => ds.map((d) => {
    const data = d.data as LastYearData;
    return `${data.row}: ${data.lastYear.value} → expected ${data.expected as number}, the table says ${certainValue(all[across.diagnostics.indexOf(ds)]!.documents.normativeDocuments!.inForce)}`;
  }));
  assert.deepEqual(chain, [
    [], // 2020: the trial format has no 表二 here (and its 对外公开总数量 is another quantity)
    [], // 2021: last year's 表二 is not in the 2021 format
    [], // 2022: 665 + 88 − 55 = 698
    ['normativeDocuments: 698 → expected 643, the table says 470'],
    ['normativeDocuments: 470 → expected 499, the table says 440'],
    ['normativeDocuments: 440 → expected 453, the table says 546'],
  ]);
  const d2023 = across.diagnostics[3]![0]!;
  assert.equal(d2023.severity, 3);
  assert.equal(d2023.message, '表二 行政规范性文件·现行有效件数为 470，按上年度（2022年度）698 + 本年制发 77 − 本年废止 132 应为 643（上年度报告：平潭2022.txt）；如本年开展了文件清理或有文件有效期届满，可不予理会');
  assert.deepEqual(d2023.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [['file:///reports/平潭2022.txt', 9, '2022年度报告：表二 行政规范性文件·现行有效件数为 698']]);
  assert.deepEqual(across.missing, []);
});

test('平潭: the 表二 figures split by hand from digits run together do not decide the findings: no split of either year mends a broken chain', (t) => {
  const files = [2021, 2022, 2023, 2024, 2025].map((y, i) => `real/00${i + 3}_pingtan_${y}.txt`);
  const texts = needShared(t, ...files);
  if (!texts) return;
  // The flattened pages: "行政规范性文件8855698第二十条第（五）项…" — 本年制发, 本年废止 and 现行有效 with nothing between.
  const runs = texts.map((text) => /行政规范性文件\s*(\d+)\s*第二十条第（五）项/.exec(text)![1]!);
  assert.deepEqual(runs, ['693665', '8855698', '77132470', '6233440', '5845546']);
  const splits = (digits: string) => {
    const out: [number, number, number][] = [];
    for (let i = 1; i < digits.length - 1; i++) {
      for (let j = i + 1; j < digits.length; j++) {
        const parts = [digits.slice(0, i), digits.slice(i, j), digits.slice(j)];
        if (parts.some((p) => p.length > 1 && p.startsWith('0'))) continue;
        out.push(parts.map(Number) as [number, number, number]);
      }
    }
    return out;
  };
  const holding = (year: number) => {
    const lastInForce = new Set(splits(runs[year - 2022]!).map(([, , inForce]) => inForce));
    return splits(runs[year - 2021]!).filter(([issued, repealed, inForce]) => [...lastInForce].some((last) => last + issued - repealed === inForce));
  };
  assert.deepEqual(holding(2022), [[88, 55, 698]]); // the one reading, with 2021's 665 (2021's 69|3 or 6|93 does not matter)
  assert.deepEqual(holding(2023), []);
  assert.deepEqual(holding(2024), []);
  assert.deepEqual(holding(2025), []);
});

test('seed pair: balanced, consecutive, carried over and chained — nothing to say', () => {
  const { last, now } = seedPair();
  const lastFacts = factsFor(last, '龙亭2022.txt');
  const nowFacts = factsFor(now, '龙亭2023.txt');
  assert.deepEqual([lastFacts.identity.key, lastFacts.identity.year, nowFacts.identity.key, nowFacts.identity.year], ['龙亭区政府办公室', 2022, '龙亭区政府办公室', 2023]);
  assert.deepEqual(crossYearDiagnostics(nowFacts, lastFacts), []);
  assert.deepEqual(acrossReports([lastFacts, nowFacts]).diagnostics, [[], []]);
});

test('carry-over-mismatch: one cell of this year\'s 二 planted wrong is found on that cell, last year\'s cell as related information', () => {
  const { last, now } = seedPair();
  const planted = editLine(now, '二、上年结转', /^(二、上年结转政府信息公开申请数量\t\t)1/, '$12');
  const d = crossYearDiagnostics(factsFor(planted, '龙亭2023.txt'), factsFor(last, '龙亭2022.txt'));
  assert.deepEqual(codesOf(d), ['carry-over-mismatch']);
  const line = lineOf(planted, '二、上年结转');
  assert.deepEqual(d[0]!.range, tsvCellRange(planted, line, 2));
  assert.equal(d[0]!.severity, 1);
  assert.equal(d[0]!.message, '二、上年结转政府信息公开申请数量·自然人为 2，与上年度（2022年度）报告“四、结转下年度继续办理·自然人”的 1 不一致（上年度报告：龙亭2022.txt）');
  const lastLine = lineOf(last, '四、结转下年度');
  assert.deepEqual(d[0]!.relatedInformation, [{
    location: { uri: 'file:///reports/龙亭2022.txt', range: tsvCellRange(last, lastLine, 2) },
    message: '2022年度报告：四、结转下年度继续办理·自然人为 1',
  }]);
  const data = d[0]!.data as LastYearData;
  assert.deepEqual([data.column, data.lastYear.file, data.lastYear.year, data.lastYear.value], ['naturalPerson', '龙亭2022.txt', 2022, 1]);
  const en = crossYearDiagnostics(factsFor(planted, '龙亭2023.txt'), factsFor(last, '龙亭2022.txt'), { locale: 'en' });
  assert.equal(en[0]!.message, 'Table 3 II. carried over from last year · natural persons is 2; last year\'s report (2022, 龙亭2022.txt) has Table 3 IV. carried forward to next year · natural persons 1');
});

test('carry-over-mismatch: nothing when either side was not read with certainty, when the years are not consecutive, or when it is off', () => {
  const { last, now } = seedPair();
  const planted = editLine(now, '二、上年结转', /^(二、上年结转政府信息公开申请数量\t\t)1/, '$12');
  // Last year's 四·自然人 is "/": not a number.
  const blank = editLine(last, '四、结转下年度', /\t1\t0\t0\t0\t0\t0\t1/, '\t/\t0\t0\t0\t0\t0\t1');
  assert.deepEqual(crossYearDiagnostics(factsFor(planted, 'a'), factsFor(blank, 'b')), []);
  // A number that was not read with certainty (its row's label away from it, say) takes no part either.
  const lastFacts = factsFor(last, 'b');
  const uncertain: ReportFacts = {
    ...lastFacts,
    applications: { ...lastFacts.applications, carriedForward: { ...lastFacts.applications.carriedForward, naturalPerson: { ...lastFacts.applications.carriedForward.naturalPerson!, certain: false } } },
  };
  assert.deepEqual(crossYearDiagnostics(factsFor(planted, 'a'), uncertain), []);
  assert.deepEqual(crossYearDiagnostics(factsFor(planted, 'a'), factsFor(last.replace(/2022/g, '2021'), 'b')), []);
  assert.deepEqual(crossYearDiagnostics(factsFor(planted, 'a'), factsFor(last, 'b'), { severities: { 'carry-over-mismatch': 'off' } }), []);
  assert.equal(crossYearDiagnostics(factsFor(planted, 'a'), factsFor(last, 'b'), { severities: { 'carry-over-mismatch': 'warning' } })[0]!.severity, 2);
});

test('in-force-count-chain: Information on this year\'s 现行有效件数, saying a clean-up breaks it legitimately', () => {
  const { last, now } = seedPair();
  const broken = editLine(now, /^行政规范性文件\t/, /\t1\t0\t4$/, '\t1\t0\t9');
  const d = crossYearDiagnostics(factsFor(broken, '龙亭2023.txt'), factsFor(last, '龙亭2022.txt'));
  assert.deepEqual(codesOf(d), ['in-force-count-chain']);
  assert.equal(d[0]!.severity, 3);
  const line = lineOf(broken, /^行政规范性文件\t/);
  assert.deepEqual(d[0]!.range, tsvCellRange(broken, line, 3));
  assert.match(String(d[0]!.message), /现行有效件数为 9，按上年度（2022年度）3 \+ 本年制发 1 − 本年废止 0 应为 4.*文件清理/);
  assert.equal(crossYearDiagnostics(factsFor(broken, 'a'), factsFor(last, 'b'), { locale: 'en' })[0]!.message,
    'Table 2 normative documents · in force is 9; last year\'s 3 (2022, b) + 1 issued − 0 repealed gives 4 (ignore this if documents were cleaned up or expired this year)');
});

test('late-publication: after 31 January for a department, after 31 March for a government; townships and unknown dates are not held to one', () => {
  const dept = fixture(SEEDS.tsv001); // 龙亭区人民政府办公室 2023: a department
  const gov = '平潭综合实验区2023年度政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n';
  const town = fixture(SEEDS.tsvShifted003); // 民权县人和镇人民政府 2024
  const late = (text: string, date: string | undefined) => codesOf(publicationDiagnostics(factsFor(text, 'x.txt', date)));
  assert.deepEqual(late(dept, '2024-01-31'), []);
  assert.deepEqual(late(dept, '2024-02-20 09:00'), ['late-publication']);
  assert.deepEqual(late(gov, '2024-03-31'), []);
  assert.deepEqual(late(gov, '2024-04-01'), ['late-publication']);
  assert.deepEqual(late(town, '2025-06-30'), []);
  assert.deepEqual(late(dept, undefined), []);
  const d = publicationDiagnostics(factsFor(dept, 'x.txt', '2024-02-20'))[0]!;
  assert.equal(d.severity, 2);
  assert.equal(d.message, '发布日期 2024年2月20日晚于法定期限 2024年1月31日（《条例》第四十九条：政府部门应于每年1月31日前公布上一年度报告）');
  assert.equal(d.range.start.line, lineOf(dept, '年政府信息公开工作年度报告'));
  assert.equal(publicationDiagnostics(factsFor(gov, 'x.txt', '2024-04-08'), { locale: 'en' })[0]!.message,
    'Published on 8 April 2024, after the statutory date of 31 March 2024 (Article 49: a people\'s government\'s report is published by 31 March)');
});

test('report-missing: a unit with a report for an earlier year and none for a later one, up to the latest year of the set', () => {
  const report = (unit: string, year: number) => factsFor(`${unit}${year}年政府信息公开工作年度报告\n一、总体情况\n`, `${unit}${year}.txt`);
  const all = [report('甲局', 2022), report('甲局', 2023), report('乙局', 2022), report('丙局', 2021), report('丙局', 2023), report('丁局', 2023)];
  assert.deepEqual(missingReports(all).map((m) => [m.unit, m.year, m.lastYear, m.lastFile, m.message]), [
    ['丙局', 2022, 2021, '丙局2021.txt', '丙局：有 2021 年度报告，未见 2022 年度报告'],
    ['乙局', 2023, 2022, '乙局2022.txt', '乙局：有 2022 年度报告，未见 2023 年度报告'],
  ]);
  assert.deepEqual(missingReports(all, { severities: { 'report-missing': 'off' } }), []);
  assert.deepEqual(missingReports(all, { locale: 'en' }).map((m) => m.message), ['丙局: a report for 2021, none for 2022', '乙局: a report for 2022, none for 2023']);
});

test('facts cross threads packed and come back the same', (t) => {
  const texts = [...Object.values(SEEDS).map(fixture), seedPair().last];
  const shared = needShared(t, ...SUQIAN);
  if (shared) texts.push(...shared);
  for (const text of texts) {
    const f = factsFor(text, 'x.txt', '2024-01-02');
    assert.deepEqual(unpackFacts(packFacts(f)), f);
  }
  const notReport = factsOf(parse('nothing here'), 'y.md');
  assert.deepEqual(unpackFacts(packFacts(notReport)), notReport);
});

test('facts keep nothing of their text: the index holds them for every report of a workspace, long after the text has gone', () => {
  // A full collection on demand: the flag, then gc from a context made after it.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  // Each report made distinct and long (100,000 characters of closing prose), its unit's name long enough to be a
  // slice of the text rather than a copy (V8 slices from 13 characters): a fact that keeps the slice keeps the whole
  // text, 200 KB in memory.
  const seeds = Object.values(SEEDS).map((f) => titled(fixture(f).replace(/^\s+/, ''), '凤泉区行政审批和政务信息管理局2023年政府信息公开工作年度报告'));
  const before = heap();
  const kept: ReportFacts[] = [];
  let chars = 0;
  for (let i = 0; i < 60; i++) {
    const text = `${seeds[i % seeds.length]!}\n（注：${'本报告所列数据统计截至年底。'.repeat(7000)}${i}）\n`;
    chars += text.length;
    kept.push(factsFor(text, `${i}.txt`));
  }
  const grown = heap() - before;
  assert.ok(kept.every((f) => f.identity.unit === '凤泉区行政审批和政务信息管理局'), 'every report names its unit');
  // The texts are 2 bytes a character; what the facts keep is some KB a report.
  assert.ok(grown < chars / 2, `the facts of 60 reports keep ${(grown / 1e6).toFixed(1)} MB (their texts: ${(chars * 2 / 1e6).toFixed(1)} MB)`);
});
