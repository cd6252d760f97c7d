// The extension's static assets: snippets (generated from the engine's template), the TextMate grammar and
// the manifest with its translations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, parse, template } from '../../server/src/report';
import { markdownReport, markdownSnippets, snippets } from '../../scripts/gen-snippets';
import { manifest, nls } from '../../scripts/gen-manifest';
import { rulesMarkdown } from '../../server/src/cli/rules';
import { RULES } from '../../server/src/report';
import { COMMANDS } from '../../server/src/shared/protocol';
import { ROOT } from './helpers';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

/** A snippet body as inserted with every placeholder left at its default. */
function expand(body: readonly string[]): string {
  return body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\\([$}\\])/g, '$1');
}

test('the committed snippets are what the generator makes from the template', () => {
  assert.deepEqual(JSON.parse(read('snippets/gov-report.json')), snippets());
  assert.deepEqual(JSON.parse(read('snippets/gov-report.md.json')), markdownSnippets());
});

test('the Markdown snippets: Markdown tables whose columns line up, in a skeleton that checks clean', () => {
  const s = markdownSnippets();
  const t3 = s['表三 收到和处理政府信息公开申请情况']!.body;
  assert.equal((t3.join('\n').match(/\$\{\d+:0\}/g) ?? []).length, 25 * 7);
  // Every row of a table has the same number of cells (a GFM table), and the second row is the delimiter row.
  for (const name of Object.keys(s).slice(0, 3)) {
    const widths = new Set(s[name]!.body.map((l) => l.split(' | ').length));
    assert.equal(widths.size <= 2, true, `${name}: ${[...widths]}`);
    assert.match(s[name]!.body[1]!, /^\|(---\|)+$/);
  }
  // 自然人 is the fourth column in the header and in every row.
  const column = (line: string) => line.split('|').map((c) => c.trim()).indexOf('自然人');
  assert.equal(column(t3[2]!), 4);
  assert.equal(t3[4]!.split('|')[4]!.trim(), '${1:0}');
  const report = expand(s['年度报告框架（六个部分）']!.body);
  assert.match(report, /^# XX单位2025年政府信息公开工作年度报告\n/);
  assert.match(report, /\n## 三、收到和处理政府信息公开申请情况\n\n\| （本列数据的勾稽关系/);
  const model = parse(report.replace('XX单位', '某某局'));
  assert.equal(model.tables.applications!.rows.size, 25);
  assert.equal(model.tables.activeDisclosure!.rows.size, 6);
  assert.ok(model.tables.reviewsAndLawsuits!.groups);
  // Clean but for the "（文字描述…）" placeholders the clerk still has to write over, each said once.
  const found = check(model).map((d) => `${d.code} ${d.message}`);
  assert.deepEqual(found.filter((d) => !/^template-placeholder 模板占位内容“（文字描述/.test(d)), []);
  assert.equal(found.length, 7);
  assert.equal(markdownReport('标题\n\n一、总体情况\na\tb\nc\td'), '# 标题\n\n## 一、总体情况\n| a | b |\n|---|---|\n| c | d |');
});

test('every table snippet has a tab stop on each number and inserts a table that checks clean', () => {
  const s = snippets();
  const t3 = s['表三 收到和处理政府信息公开申请情况']!;
  assert.equal((t3.body.join('\n').match(/\$\{\d+:0\}/g) ?? []).length, 25 * 7);
  const report = template.reportTemplate('某某局', 2024).split('\n');
  const splice = (heading: string, next: string, body: string) => {
    const a = report.indexOf(heading);
    const b = report.indexOf(next);
    report.splice(a + 1, b - a - 1, '', body, '');
  };
  splice('二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', expand(s['表二 主动公开政府信息情况']!.body));
  splice('三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', expand(t3.body));
  splice('四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', expand(s['表四 政府信息公开行政复议、行政诉讼情况']!.body));
  const model = parse(report.join('\n'));
  assert.equal(model.tables.applications!.rows.size, 25);
  assert.equal(model.tables.activeDisclosure!.rows.size, 6);
  assert.ok(model.tables.reviewsAndLawsuits!.groups);
  // Only the template's own instructions are left to fill in (五 and 六's "（文字描述…）").
  assert.deepEqual([...new Set(check(model).map((d) => d.code))], ['template-placeholder']);
});

test('the new-report template checks clean but for its placeholders, each of which is said', () => {
  const text = template.reportTemplate('XX单位', 2024);
  const diags = check(parse(text));
  assert.deepEqual([...new Set(diags.map((d) => d.code))], ['template-placeholder']);
  const found = diags.map((d) => text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character));
  assert.ok(found.includes('XX'), found.join(' | '));
  assert.ok(found.some((f) => f.startsWith('（文字描述')), found.join(' | '));
});

test('the grammar compiles and scopes headings, numbers and 总计', () => {
  const grammar = JSON.parse(read('syntaxes/gov-report.tmLanguage.json'));
  const re = (name: string) => new RegExp(grammar.repository[name].match);
  assert.ok(re('partHeading').test('四、政府信息公开行政复议、行政诉讼情况'));
  assert.ok(re('partHeading').test('五、存在的主要问题及改进情况'));
  assert.ok(!re('partHeading').test('四、结转下年度继续办理\t0\t0'));
  assert.ok(re('subHeading').test('（四）政府信息公开平台建设情况。'));
  assert.ok(re('subHeading').test('主动公开情况：'));
  assert.ok(re('totalRow').test('(七) 总计'));
  assert.deepEqual('规章\t13\t2648.52'.match(new RegExp(grammar.repository.number.match, 'g')), ['13', '2648.52']);
  assert.ok(re('title').test('凤泉区行政审批和政务信息管理局 2024 年政府信息公开工作年度报告'));
});

test('manifest: every command is registered by the client, has a category and translations', () => {
  const pkg = JSON.parse(read('package.json'));
  const nls = JSON.parse(read('package.nls.json'));
  const zh = JSON.parse(read('package.nls.zh-cn.json'));
  const registered = new Set<string>(Object.values(COMMANDS));
  for (const c of pkg.contributes.commands) {
    assert.ok(registered.has(c.command), c.command);
    assert.equal(c.category, '%category%');
  }
  const keys = [...JSON.stringify(pkg).matchAll(/%([\w.]+)%/g)].map((m) => m[1]!);
  for (const k of keys) {
    assert.ok(k in nls, `package.nls.json lacks ${k}`);
    assert.ok(k in zh, `package.nls.zh-cn.json lacks ${k}`);
  }
  const severityRules = Object.keys(pkg.contributes.configuration.properties['govReport.severity'].properties);
  assert.deepEqual(severityRules, RULES.map((r) => r.code));
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces, { supported: true });
});

test('the manifest\'s severity setting is what the generator makes from the rule table: every rule, with its description in both languages', () => {
  const pkg = JSON.parse(read('package.json'));
  assert.deepEqual(pkg, manifest(pkg));
  const props = pkg.contributes.configuration.properties['govReport.severity'].properties;
  assert.deepEqual(Object.keys(props), RULES.map((r) => r.code));
  for (const lang of ['en', 'zh-cn'] as const) {
    const file = lang === 'en' ? 'package.nls.json' : 'package.nls.zh-cn.json';
    const strings = JSON.parse(read(file));
    assert.deepEqual(strings, nls(strings, lang), file);
    for (const r of RULES) assert.match(strings[`severity.rule.${r.code}`], new RegExp(lang === 'en' ? r.en.title : r.zh.title), `${file} ${r.code}`);
  }
  assert.equal(props['row-sum'].default, 'error');
  assert.equal(props['cell-blank'].default, 'warning');
});

test('README\'s rule table is the one `rules --format md` prints, generated from the rule table', () => {
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('<!-- rules:begin -->\n') + '<!-- rules:begin -->\n'.length, readme.indexOf('<!-- rules:end -->'));
  assert.equal(table, rulesMarkdown());
  for (const r of RULES) assert.ok(table.includes(`\`${r.code}\``), r.code);
});
