// Issue 12 §4: structure by content, not by ordinal. A heading is part 二 because it is 主动公开政府信息情况 with 表二
// under it, not because of its ordinal; a statutory part with a wrong ordinal is one warning on the ordinal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/report';
import { SEEDS, codes, diagnose, errors, find, fixture } from './helpers';

const seed = fixture(SEEDS.tsv000);

/** The seed with its part headings renumbered and five topic headings of 总体情况 numbered like parts, as municipal reports do. */
function municipal(): string {
  return seed
    .replace('一、总体情况', '一、总体情况')
    .replace('（一）主动公开情况。', '二、主动公开工作情况\n\n（一）主动公开情况。')
    .replace('（二）依申请公开情况。', '三、依申请公开工作情况\n\n（二）依申请公开情况。')
    .replace('二、主动公开政府信息情况', '四、主动公开政府信息情况')
    .replace('三、收到和处理政府信息公开申请情况', '五、收到和处理政府信息公开申请情况')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '六、政府信息公开行政复议、行政诉讼情况')
    .replace('五、存在的主要问题及改进情况', '七、存在的主要问题及改进情况')
    .replace('六、其他需要报告的事项', '八、其他需要报告的事项');
}

test('a municipal report numbering the topics of 总体情况 as top-level headings: the statutory parts are found by content', () => {
  const text = municipal();
  const model = parse(text);
  assert.deepEqual(model.parts.map((p) => `${p.id}:${p.heading.numeral}`), ['1:一', '2:四', '3:五', '4:六', '5:七', '6:八']);
  const diags = diagnose(text);
  // No duplicate part, no missing table, no Error at all: the topics are text of part 一.
  assert.deepEqual(errors(diags).map((d) => d.message), []);
  assert.equal(find(diags, 'section-duplicate').length, 0);
  // Each statutory part under another ordinal: one warning, on the ordinal.
  const ordinals = find(diags, 'section-heading-variant');
  assert.deepEqual(ordinals.map((d) => d.message), [
    '“二、主动公开政府信息情况”的序号应为“二”，实为“四”：年度报告的六个部分按一至六编号',
    '“三、收到和处理政府信息公开申请情况”的序号应为“三”，实为“五”：年度报告的六个部分按一至六编号',
    '“四、政府信息公开行政复议、行政诉讼情况”的序号应为“四”，实为“六”：年度报告的六个部分按一至六编号',
    '“五、存在的主要问题及改进情况”的序号应为“五”，实为“七”：年度报告的六个部分按一至六编号',
    '“六、其他需要报告的事项”的序号应为“六”，实为“八”：年度报告的六个部分按一至六编号',
  ]);
  const lines = text.split('\n');
  assert.deepEqual(ordinals.map((d) => lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)), ['四', '五', '六', '七', '八'], 'each range is the ordinal');
  // The topics are numbered 二 and 三: renumbering the parts would make two 二s and two 三s, so no fix is offered.
  assert.deepEqual(ordinals.map((d) => (d.data as { kind: string }).kind), ['info', 'info', 'info', 'info', 'info']);
});

test('parts numbered one too high, with no other heading numbered like a part: each ordinal fix restores it, and all of them leave no clash', () => {
  const shifted = seed.replace('二、主动公开政府信息情况', '三、主动公开政府信息情况').replace('三、收到和处理政府信息公开申请情况', '四、收到和处理政府信息公开申请情况')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开行政复议、行政诉讼情况').replace('五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况')
    .replace('六、其他需要报告的事项', '七、其他需要报告的事项');
  const ordinals = find(diagnose(shifted), 'section-heading-variant');
  assert.deepEqual(ordinals.map((d) => (d.data as { expected: string }).expected), ['二', '三', '四', '五', '六']);
  const lines = shifted.split('\n');
  for (const d of [...ordinals].reverse()) {
    const line = lines[d.range.start.line]!;
    lines[d.range.start.line] = line.slice(0, d.range.start.character) + (d.data as { expected: string }).expected + line.slice(d.range.end.character);
  }
  assert.deepEqual(codes(diagnose(lines.join('\n'))), []);
});

test('a part numbered like a sub-heading ("(二)主动公开政府信息情况" with 表二 under it) is the part: one Warning on its ordinal, whose fix writes "二、"', () => {
  const text = seed.replace('二、主动公开政府信息情况', '(二)主动公开政府信息情况');
  const diags = diagnose(text);
  assert.deepEqual(codes(diags), ['section-heading-variant']);
  const lines = text.split('\n');
  const d = diags[0]!;
  assert.equal(lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), '(二)');
  assert.deepEqual(d.data, { kind: 'replace', expected: '二、', actual: '(二)' });
  // A sub-heading of 一 in the part's words, with the part's own heading present, stays a sub-heading.
  const sub = seed.replace('（二）依申请公开情况。', '（二）主动公开政府信息情况\n（二）依申请公开情况。');
  assert.deepEqual(parse(sub).parts.map((p) => p.heading.numeral), ['一', '二', '三', '四', '五', '六']);
});

test('the 条例\'s own wording of a part is accepted as canonical; a near-miss is still a variant', () => {
  const statutory = seed.replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况');
  assert.deepEqual(codes(diagnose(statutory)), []);
  const variant = seed.replace('五、存在的主要问题及改进情况', '五、存在问题及改进措施');
  assert.deepEqual(codes(diagnose(variant)), ['section-heading-variant']);
});

test('sub-parts of 一 by their keyword anywhere in the sub-heading', () => {
  const text = seed
    .replace('（一）主动公开情况。', '（一）系统化推进主动公开。')
    .replace('（三）政府信息管理情况。', '（三）完善公开制度规范，加强政府信息管理。')
    .replace('（五）监督保障情况。', '（五）及时回应关切，自觉接受监督。');
  const model = parse(text);
  assert.deepEqual(model.subsections.map((s) => s.id), ['activeDisclosure', 'onRequest', 'management', 'platform', 'oversight']);
  assert.equal(find(diagnose(text), 'subsection-missing').length, 0);
  // Removing one still reports it.
  const without = text.replace(/（五）及时回应关切，自觉接受监督。[^\n]*\n/, '');
  assert.deepEqual(find(diagnose(without), 'subsection-missing').map((d) => d.message), ['“一、总体情况”缺少“监督保障”方面的内容（应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）']);
});

test('Markdown headings (## 一、…, **二、…**) are part headings', () => {
  const md = seed.replace('一、总体情况', '## 一、总体情况').replace('二、主动公开政府信息情况', '**二、主动公开政府信息情况**');
  const model = parse(md);
  assert.deepEqual(model.parts.map((p) => p.id), [1, 2, 3, 4, 5, 6]);
  assert.ok(model.parts.every((p) => p.canonical));
});

test('a table pasted under the wrong part says so, once, instead of a missing table and a table that cannot be read', () => {
  // 表三 pasted under 二 (where 表二 should be), and nothing under 三.
  const lines = seed.split('\n');
  const two = lines.indexOf('二、主动公开政府信息情况');
  const three = lines.indexOf('三、收到和处理政府信息公开申请情况');
  const four = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况');
  const table3 = lines.slice(three + 1, four);
  const swapped = [...lines.slice(0, two + 1), ...table3, lines[three]!, '', ...lines.slice(four)].join('\n');
  const diags = diagnose(swapped);
  const misplaced = find(diags, 'table-misplaced');
  assert.equal(misplaced.length, 1);
  assert.equal(misplaced[0]!.message, '“二、主动公开政府信息情况”下的表格是表三（收到和处理政府信息公开申请情况），应放在其所属部分之下；本部分的表格缺失');
  assert.deepEqual(find(diags, 'table-missing').map((d) => d.message), [], 'not said again as missing under 三');
  assert.ok(misplaced[0]!.range.end.character > misplaced[0]!.range.start.character, 'a range that can be seen');
  assert.deepEqual(codes(diagnose(seed)).filter((c) => c === 'table-misplaced'), []);
  // Where it stands, it is still read and checked: a typo in its 总计 is found on its cell.
  const typo = swapped.replace(/^(\(七\) 总计\t\t)(\d+)(\t)/m, (_m, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`);
  assert.notEqual(typo, swapped);
  assert.deepEqual(errors(diagnose(typo)).map((d) => d.code), ['column-total']);
});

test('prose under 二 that names 表三\'s rows is not a misplaced table: the missing 表二 is said as missing', () => {
  const lines = seed.split('\n');
  const two = lines.indexOf('二、主动公开政府信息情况');
  const three = lines.indexOf('三、收到和处理政府信息公开申请情况');
  const prose = '本年新收政府信息公开申请27件，上年结转0件，予以公开4件，部分公开3件，不予公开1件。';
  const text = [...lines.slice(0, two + 1), prose, '', ...lines.slice(three)].join('\n');
  const diags = diagnose(text);
  assert.deepEqual(find(diags, 'table-misplaced'), []);
  assert.deepEqual(find(diags, 'table-missing').map((d) => d.message), ['该部分缺少表二（主动公开政府信息情况）']);
});

test('a sub-heading\'s ordinal alone on its line, its words on the next (pandoc\'s wrapping): the sub-heading is found', () => {
  const wrapped = seed.replace(/^（([二三四五])）/gm, '($1)\n');
  assert.notEqual(wrapped, seed);
  assert.deepEqual(find(diagnose(wrapped), 'subsection-missing'), []);
  const model = parse(wrapped);
  const second = model.subsections.find((s) => s.id === 'onRequest')!;
  assert.ok(second, JSON.stringify(model.subsections.map((s) => s.id)));
  assert.match(wrapped.slice(second.heading.span.start, second.heading.span.end), /^\(二\)\n依申请公开情况$/);
});
