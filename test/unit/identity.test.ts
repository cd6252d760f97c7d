// Who and when a report is (report/identity.ts): the unit, its kind and the year, from the title, the file name
// and the 统计期限; unit names compared after normalising; the user's mapping (.govreport.json).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNIT_KINDS, fromFileName, groupUnits, identify, parse, unitKey, unitKind, type UnitKind } from '../../server/src/report';
import { messagesFor } from '../../server/src/l10n';
import { CONFIG_PROPERTIES, loadGovReportConfig, mergeConfigs, parseGovReportConfig } from '../../server/src/node/govreportConfig';
import { ROOT, SEEDS, fixture, tempDir } from './helpers';

test('the title names the unit and the year; the unit\'s name tells its kind', () => {
  const cases: [string, string, UnitKind, number][] = [
    [SEEDS.tsv000, '凤泉区行政审批和政务信息管理局', 'department', 2024],
    [SEEDS.tsv001, '龙亭区人民政府办公室', 'department', 2023],
    [SEEDS.cellPerLine002, '安丘市行政审批服务局', 'department', 2024],
    [SEEDS.tsvShifted003, '民权县人和镇人民政府', 'township', 2024],
    [SEEDS.tsvShifted004, '汝州市人民政府办公室', 'department', 2024],
  ];
  for (const [path, unit, kind, year] of cases) {
    const id = identify(parse(fixture(path)), path);
    assert.deepEqual([id.unit, id.kind, id.year, id.unitFrom, id.yearFrom], [unit, kind, year, 'title', 'title'], path);
  }
  const titled = (title: string) => identify(parse(`${title}\n\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n`), 'x.txt');
  assert.deepEqual(pick(titled('宿迁市2023年政府信息公开工作年度报告')), ['宿迁市', '宿迁市', 'government', 2023]);
  assert.deepEqual(pick(titled('平潭综合实验区2021年度政府信息公开工作年度报告')), ['平潭综合实验区', '平潭综合实验区', 'government', 2021]);
  assert.deepEqual(pick(titled('淮安市人民政府2024年政府信息公开工作年度报告')), ['淮安市人民政府', '淮安市', 'government', 2024]);
  assert.deepEqual(pick(titled('2024年度宿迁市公安局政府信息公开工作年度报告')), ['宿迁市公安局', '宿迁市公安局', 'department', 2024]);
  assert.deepEqual(pick(titled('关于XX街道办事处2024年政府信息公开工作年度报告')), ['XX街道办事处', 'XX街道', 'township', 2024]);
});

function pick(id: ReturnType<typeof identify>): unknown[] {
  return [id.unit, id.key, id.kind, id.year];
}

test('without a title: the unit and year from the file name, the year from the 统计期限 before the file name', () => {
  const body = '一、总体情况\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n';
  const model = parse(body);
  assert.equal(model.title, undefined);
  const a = identify(model, '/reports/2023/宿迁市公安局2023年政府信息公开工作年度报告.txt');
  assert.deepEqual([a.unit, a.unitFrom, a.year, a.yearFrom, a.kind], ['宿迁市公安局', 'file', 2022, 'period', 'department']);
  const b = identify(parse(body.replace(/统计期限.*\n/, '\n')), 'reports/宿迁市公安局_2021.txt');
  assert.deepEqual([b.unit, b.year, b.yearFrom], ['宿迁市公安局', 2021, 'file']);
  const c = identify(parse(body), 'D010a_suqian_2023_tables.tsv.txt');
  assert.deepEqual([c.unit, c.key, c.kind, c.unitFrom], [undefined, undefined, 'other', undefined]);
  assert.deepEqual(fromFileName('2023年度宿迁市政府信息公开工作年度报告.pdf'), { unit: '宿迁市', year: 2023 });
  assert.deepEqual(fromFileName('00001_年度报告.txt'), {});
  assert.deepEqual(fromFileName('a/b/D010a_suqian_2023_tables.tsv.txt'), { year: 2023 });
});

test('kinds: governments (人民政府, 管委会, a region alone), departments, townships and street offices, others', () => {
  const kinds: Record<string, UnitKind> = {
    '淮安市人民政府': 'government', '宿迁市': 'government', '平潭综合实验区管委会': 'government', '平潭综合实验区管理委员会': 'government',
    '淮安市人民政府办公室': 'department', '上海市人民政府办公厅': 'department', '宿迁市公安局': 'department', '某市卫生健康委员会': 'department',
    '某区政务服务中心': 'department', '民权县人和镇人民政府': 'township', '人和镇': 'township', '某某街道办事处': 'township', '某某乡政府': 'township',
    '某某大学': 'other', '某某有限公司': 'other',
  };
  for (const [name, kind] of Object.entries(kinds)) assert.equal(unitKind(name), kind, name);
});

test('unit keys: 全称 and 简称 are one unit, a government\'s office is another', () => {
  const same = [
    ['平潭综合实验区管委会', '平潭综合实验区管理委员会', '平潭综合实验区'],
    ['淮安市人民政府', '淮安市政府', '淮安市'],
    ['淮安市人民政府办公室', '淮安市政府办公室', '淮安市政府办', '淮安市 人民政府办公室'],
    ['民权县人和镇人民政府', '民权县人和镇政府', '民权县人和镇'],
    ['某某街道办事处', '某某街道办', '某某街道'],
    ['“宿迁市公安局”', '宿迁市公安局', '宿迁市公安局 '],
  ];
  for (const names of same) assert.equal(new Set(names.map(unitKey)).size, 1, names.join(' / '));
  assert.notEqual(unitKey('淮安市人民政府办公室'), unitKey('淮安市人民政府'));
  assert.notEqual(unitKey('宿迁市市场监督管理局'), unitKey('宿迁市'));
});

test('region prefixes: the same unit with and without them, unless the short name is ambiguous in the set', () => {
  const group = (...keys: string[]) => groupUnits(keys.map((key) => ({ key: unitKey(key), kind: unitKind(key) })));
  const g = group('江苏省宿迁市', '宿迁市', '新乡市凤泉区行政审批和政务信息管理局', '凤泉区行政审批和政务信息管理局', '人和镇', '民权县人和镇人民政府');
  assert.equal(g.get('江苏省宿迁市'), '宿迁市');
  assert.equal(g.get('新乡市凤泉区行政审批和政务信息管理局'), '凤泉区行政审批和政务信息管理局');
  assert.equal(g.get('民权县人和镇'), '人和镇');
  // 公安局 alone could be either city's: it stays apart, and the two cities' stay apart.
  const h = group('宿迁市公安局', '淮安市公安局', '公安局', '江苏省宿迁市公安局');
  assert.deepEqual([h.get('宿迁市公安局'), h.get('淮安市公安局'), h.get('公安局'), h.get('江苏省宿迁市公安局')], ['宿迁市公安局', '淮安市公安局', '公安局', '宿迁市公安局']);
  // A government's office is not its government, with or without a prefix; nor is a government its department.
  const k = group('淮安市人民政府', '淮安市人民政府办公室', '江苏省淮安市人民政府办公室');
  assert.deepEqual([...new Set(k.values())].sort(), ['淮安市', '淮安市政府办公室'].sort());
});

test('region prefixes are told in one pass: a long name of region suffixes takes no time (a regex of repeated segments backtracked)', () => {
  const long = `${'区市'.repeat(59)}某局`;
  const started = performance.now();
  const g = groupUnits([{ key: long, kind: 'department' }, { key: `市${long}`, kind: 'department' }, { key: '某局', kind: 'department' }]);
  assert.ok(performance.now() - started < 2000, "a backtracking regex takes minutes here; a loaded machine takes a few hundred ms at most");
  assert.deepEqual([g.get(long), g.get(`市${long}`)], ['某局', '某局']);
});

test('the user\'s mapping: names (any variant) to a canonical unit, and a kind where the name misleads', () => {
  const model = parse('平潭县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n');
  const mapping = { units: { '平潭县政府': '平潭综合实验区管委会' }, kinds: { '平潭综合实验区管理委员会': 'department' as const } };
  const id = identify(model, 'x.txt', mapping);
  assert.deepEqual([id.name, id.unit, id.key, id.kind], ['平潭县人民政府', '平潭综合实验区管委会', '平潭综合实验区', 'department']);
  assert.equal(identify(model, 'x.txt').key, '平潭县');
});

test('.govreport.json: what the schema allows is read, the rest is named and left out', () => {
  const folder = '/data/reports';
  const ok = parseGovReportConfig(JSON.stringify({
    $schema: './schemas/govreport.schema.json',
    units: { '平潭县人民政府': '平潭综合实验区管委会' },
    kinds: { '某开发区管委会': 'department' },
    published: { '2023/平潭.txt': '2024-03-08', 'a.txt': '2024-02-20 15:34' },
  }), folder);
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.config!.mapping, { units: { '平潭县人民政府': '平潭综合实验区管委会' }, kinds: { '某开发区管委会': 'department' } });
  assert.deepEqual([...ok.config!.published], [['/data/reports/2023/平潭.txt', '2024-03-08'], ['/data/reports/a.txt', '2024-02-20 15:34']]);
  const bad = parseGovReportConfig('{"units": {"a": 3, "b": "B"}, "kinds": {"c": "ministry"}, "published": {"x.txt": "2024-02-30"}, "unit": {}}', folder);
  assert.deepEqual(bad.problems.map((p) => `${p.problem} ${p.path}`), ['unknown-property unit', 'not-string units.a', 'not-kind kinds.c', 'not-date published.x.txt']);
  assert.deepEqual(bad.config!.mapping.units, { b: 'B' });
  assert.equal(parseGovReportConfig('{"units": ', folder).problems[0]!.problem, 'json');
  assert.equal(parseGovReportConfig('[]', folder).problems[0]!.problem, 'not-object');
  const merged = mergeConfigs([ok.config!, bad.config!]);
  assert.deepEqual(merged.mapping.units, { '平潭县人民政府': '平潭综合实验区管委会', b: 'B' });
});

test('.govreport.json on disk: none is no problem; a broken one is named with its file, in the user\'s language', () => {
  const dir = tempDir('gov-report-config-');
  assert.deepEqual(loadGovReportConfig(dir, messagesFor('zh-CN')), { config: undefined, problems: [] });
  writeFileSync(join(dir, '.govreport.json'), '{"kinds": {"某局": "bureau"}}');
  const zh = loadGovReportConfig(dir, messagesFor('zh-CN'));
  assert.deepEqual(zh.problems, [`配置文件 ${join(dir, '.govreport.json')} 无法使用：kinds.某局 应为 government、department、township 或 other 之一`]);
  const en = loadGovReportConfig(dir, messagesFor('en'));
  assert.match(en.problems[0]!, /cannot be used: kinds\.某局 must be one of government, department, township, other$/);
});

test('the schema and the reader agree: its properties, the kinds; the manifest contributes it to VS Code', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'govreport.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties), [...CONFIG_PROPERTIES]);
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(schema.properties.kinds.additionalProperties.enum, [...UNIT_KINDS]);
  const date = new RegExp(schema.properties.published.additionalProperties.pattern);
  assert.ok(date.test('2024-03-08') && date.test('2024-03-08T15:34') && !date.test('2024年3月8日'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.govreport.json', url: './schemas/govreport.schema.json' }]);
  assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
});

test('a Markdown title\'s "#" is no part of the unit\'s name', () => {
  const text = fixture(SEEDS.tsv001).replace(/^(\s*)(龙亭区人民政府办公室)/, '$1# $2');
  assert.notEqual(text, fixture(SEEDS.tsv001));
  const id = identify(parse(text), 'x.md');
  assert.deepEqual([id.unit, id.key, id.year], ['龙亭区人民政府办公室', '龙亭区政府办公室', 2023]);
});
