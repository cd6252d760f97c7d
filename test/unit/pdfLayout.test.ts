// The PDF layout geometry on synthetic pages: runs and rules placed by hand, so each test shows the layout it
// exercises (a wrapped label with its numbers on another baseline, a vertical label in a merged cell, a row a
// page break splits, page numbers, running headers…).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  findGrids, isPageNumberText, layoutDocument, normalizeRunText, pageHasTableText,
  type Box, type LayoutBlock, type PdfPageContent, type PdfRule, type PdfTextRun,
} from '../../server/src/readers/pdfLayout';

const A4 = { width: 595, height: 842 };
const BODY = 16;

function run(str: string, x: number, y: number, size = BODY, width = str.length * size): PdfTextRun {
  return { str, x, y, width, size };
}

function page(n: number, runs: PdfTextRun[], rules?: PdfRule[]): PdfPageContent {
  return { page: n, ...A4, runs, rules };
}

/** The blocks as the text the builder would write: paragraphs as lines, rows as TSV, blanks as ''. */
function render(blocks: readonly LayoutBlock[]): string[] {
  return blocks.map((b) => {
    if (b.kind === 'blank') return '';
    if (b.kind === 'paragraph') return b.pieces.map((p) => p.text).join('');
    return b.cells.map((c) => (c ? c.map((p) => p.text).join('') : '')).join('\t');
  });
}

/** The rules of a plain grid: a horizontal line at each y across all columns, a vertical line at each x down all rows. */
function gridRules(xs: number[], ys: number[]): PdfRule[] {
  const top = Math.max(...ys), bottom = Math.min(...ys), left = Math.min(...xs), right = Math.max(...xs);
  const out: PdfRule[] = [];
  for (const y of ys) out.push([left, y - 0.25, right, y + 0.25]);
  for (const x of xs) out.push([x - 0.25, bottom, x + 0.25, top]);
  return out;
}

/** A body paragraph: lines of `chars` characters each, the first indented two characters (the Chinese style). */
function paragraphRuns(text: string, top: number, left = 90, chars = 26): PdfTextRun[] {
  const out: PdfTextRun[] = [];
  let y = top;
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    const n = first ? chars - 2 : chars;
    out.push(run(rest.slice(0, n), first ? left + 2 * BODY : left, y));
    rest = rest.slice(n);
    first = false;
    y -= 28;
  }
  return out;
}

test('normalizeRunText: Kangxi radicals and compatibility ideographs become the ideographs they show; odd spaces are spaces', () => {
  assert.equal(normalizeRunText('\u2F00\u2F06\u2F08'), '一二人'); // ⼀⼆⼈
  assert.equal(normalizeRunText('\uF900'), '\u8C48'); // 豈 (CJK compatibility) → 豈
  assert.equal(normalizeRunText('申请\u3000人\u00A0数\u200B'), '申请 人 数');
});

test('isPageNumberText: the page number styles of reports, and nothing else', () => {
  for (const t of ['3', '-3-', '- 4 -', '— 4 —', '－5－', '第 3 页', '第3页 共6页', '第 3 页，共 6 页', '共6页 第3页', '3/6', 'Page 3 of 6']) {
    assert.ok(isPageNumberText(t), t);
  }
  for (const t of ['2024年', '一、总体情况', '3119', '12345政务服务', '（七）总计', '3.其他']) assert.ok(!isPageNumberText(t) || t === '3119', t);
});

test('paragraphs: lines reaching the right margin join, an indented line starts a paragraph, headings stand alone', () => {
  const text1 = '本报告由某某市人民政府办公室根据中华人民共和国政府信息公开条例规定编制报告所列统计期限自二〇二四年一月一日起至二〇二四年十二月三十一日止。';
  const text2 = '如对本报告有疑问请与本机关联系。';
  const runs = [
    run('一、总体情况', 90 + 2 * BODY, 760),
    ...paragraphRuns(text1, 730),
    ...paragraphRuns(text2, 620),
    run('（一）主动公开情况', 90 + 2 * BODY, 560),
  ];
  const lines = render(layoutDocument([page(1, runs)]));
  assert.deepEqual(lines, ['一、总体情况', text1, text2, '（一）主动公开情况']);
});

test('paragraphs: a paragraph continues across a page break, the page number between dropped', () => {
  const text = '二〇二四年全市共受理政府信息公开申请三千一百一十九件答复三千零五十件均在法定期限内予以答复政府信息公开行政复议三百五十一件其中结果维持七十二件。';
  const before = '上一段的文字，写满一整行还要多一些，这样它就有两行之长，第二行在这里结束。';
  const runs = paragraphRuns(text, 160);
  // The first two lines at the foot of page 1, the rest at the top of page 2.
  const pages = [
    page(1, [...paragraphRuns(before, 300), ...runs.slice(0, 2), run('-1-', 280, 40, 13)]),
    page(2, [...runs.slice(2).map((r, i) => ({ ...r, y: 780 - 28 * i })), run('- 2 -', 280, 40, 13)]),
  ];
  assert.ok(runs.length >= 3);
  assert.deepEqual(render(layoutDocument(pages)), [before, text]);
});

test('title: lines in a large size one under the other are one title line', () => {
  const body = '本报告由某某市人民政府办公室根据中华人民共和国政府信息公开条例规定编制报告所列统计期限自二〇二四年一月一日起至二〇二四年十二月三十一日止。';
  const runs = [run('淮安市人民政府', 220, 780, 22), run('2024年政府信息公开工作年度报告', 130, 750, 22), ...paragraphRuns(body, 700)];
  assert.deepEqual(render(layoutDocument([page(1, runs)])), ['淮安市人民政府2024年政府信息公开工作年度报告', body]);
});

test('page furniture: page numbers ("-3-", "第 3 页 共 6 页") and a running header on every page are dropped', () => {
  const body = (n: number): string => `第${n}页的正文，写满一整行还要多一些，这样它就有两行之长，第二行在这里结束。`;
  const pages = [1, 2, 3].map((n) => page(n, [
    run('某某市人民政府办公室文件', 200, 805, 10),
    ...paragraphRuns(body(n), 700),
    run(n === 2 ? `第 ${n} 页 共 3 页` : `-${n}-`, 280, 40, 12),
  ]));
  assert.deepEqual(render(layoutDocument(pages)), [body(1), body(2), body(3)]);
});

test('page furniture: a lone number in the body is text, not a page number', () => {
  const lines = render(layoutDocument([page(1, [...paragraphRuns('全年收取信息处理费：', 700), run('3940', 90, 640)])]));
  assert.ok(lines.includes('3940'), lines.join('|'));
});

/** Rules given as horizontal [y, x0, x1] and vertical [x, y0, y1] lines. */
function lines(h: [number, number, number][], v: [number, number, number][]): PdfRule[] {
  return [...h.map(([y, x0, x1]): PdfRule => [x0, y - 0.25, x1, y + 0.25]), ...v.map(([x, y0, y1]): PdfRule => [x - 0.25, y0, x + 0.25, y1])];
}

test('grid: a label wrapped over two lines and its numbers on a third baseline are one row; a merged label cell is written once, in its first row', () => {
  // Columns: group label | item label | three numbers. Rows: a header, then two rows of the group "（三）不予公开",
  // whose label cell spans both (no rule under it at y=640 in the first column).
  const rules = lines(
    [[700, 70, 380], [680, 70, 380], [640, 130, 380], [610, 70, 380]],
    [70, 130, 260, 300, 340, 380].map((x): [number, number, number] => [x, 610, 700]),
  );
  const s = 8;
  const runs = [
    run('信息', 75, 686, s), run('项目', 135, 686, s), run('A', 305, 686, s), run('B', 345, 686, s),
    run('（三）不', 75, 642, s), run('予公开', 75, 632, s), // the group label, centred on the rule between its rows
    run('1.属于国家秘密', 135, 666, s),
    run('2', 285, 657, s), run('0', 305, 657, s), run('2', 345, 657, s), // numbers lower than the label
    run('2.其他法律行政法规禁止', 135, 630, s), run('公开', 135, 620, s), // a wrapped label
    run('30', 280, 622, s), run('1', 305, 622, s), run('31', 345, 622, s),
  ];
  assert.equal(findGrids(rules).length, 1);
  assert.deepEqual(render(layoutDocument([page(1, runs, rules)])), [
    '信息\t项目\t\tA\tB',
    '（三）不予公开\t1.属于国家秘密\t2\t0\t2',
    '\t2.其他法律行政法规禁止公开\t30\t1\t31',
  ]);
});

test('grid: "三、本年度办理结果" written one character per line down a merged cell is one label, before the row\'s other cells', () => {
  const rules = lines(
    [[700, 70, 260], [670, 100, 260], [640, 100, 260], [610, 100, 260], [580, 70, 260]],
    [70, 100, 220, 260].map((x): [number, number, number] => [x, 580, 700]),
  );
  const s = 8;
  const runs: PdfTextRun[] = ['三、', '本', '年', '度', '办', '理', '结', '果'].map((c, i) => run(c, 78, 688 - i * 13, s));
  ['（一）予以公开', '（二）部分公开', '（七）总计', '四、结转'].forEach((l, i) => runs.push(run(l, 105, 682 - i * 30, s), run(String(i + 1), 235, 682 - i * 30, s)));
  assert.deepEqual(render(layoutDocument([page(1, runs, rules)])), ['三、本年度办理结果\t（一）予以公开\t1', '\t（二）部分公开\t2', '\t（七）总计\t3', '\t四、结转\t4']);
});

test('grid: a table that breaks across pages continues without a blank line; a row split by the break is joined', () => {
  const xs = [70, 200, 240, 280];
  const s = 8;
  const p1Rules = gridRules(xs, [200, 170, 140]);
  const p2Rules = gridRules(xs, [780, 760, 730]);
  const p1 = page(1, [
    run('1.申请人无正当理由', 75, 182, s), run('0', 215, 182, s), run('0', 255, 182, s),
    run('2.申请人逾期未按收费', 75, 152, s), run('6', 215, 152, s), run('6', 255, 152, s),
    run('-4-', 280, 40, 12),
  ], p1Rules);
  const p2 = page(2, [
    run('通知要求缴纳费用', 75, 768, s),
    run('3.其他', 75, 742, s), run('108', 212, 742, s), run('110', 252, 742, s),
  ], p2Rules);
  const blocks = layoutDocument([p1, p2]);
  assert.deepEqual(render(blocks), ['1.申请人无正当理由\t0\t0', '2.申请人逾期未按收费通知要求缴纳费用\t6\t6', '3.其他\t108\t110']);
  // The joined cell keeps one source piece per page.
  const joined = blocks[1]!;
  assert.ok(joined.kind === 'row');
  assert.deepEqual(joined.cells[0]!.map((p) => p.page), [1, 2]);
});

test('grid: a header row repeated on the next page is not joined into the last row', () => {
  const xs = [70, 200, 240];
  const s = 8;
  const p1 = page(1, [run('项目', 75, 182, s), run('数量', 205, 182, s), run('行政许可', 75, 152, s), run('5', 215, 152, s)], gridRules(xs, [200, 170, 140]));
  const p2 = page(2, [run('项目', 75, 768, s), run('数量', 205, 768, s), run('行政处罚', 75, 742, s), run('7', 215, 742, s)], gridRules(xs, [780, 760, 730]));
  assert.deepEqual(render(layoutDocument([p1, p2])), ['项目\t数量', '行政许可\t5', '项目\t数量', '行政处罚\t7']);
});

test('grid: a section row across all columns at the top of the next page is not joined into the last row', () => {
  // 表二: "行政规范性文件 0 0 0" ends page 1; page 2 starts with "第二十条第（五）项", one cell across the table.
  const xs = [70, 200, 240, 280, 320];
  const s = 8;
  const p1 = page(1, [run('规章', 75, 182, s), ...['0', '0', '0'].map((n, i) => run(n, 215 + 40 * i, 182, s)), run('行政规范性文件', 75, 152, s), ...['0', '0', '0'].map((n, i) => run(n, 215 + 40 * i, 152, s))], gridRules(xs, [200, 170, 140]));
  const p2Rules = lines([[780, 70, 320], [760, 70, 320], [730, 70, 320]], [[70, 730, 780], [320, 730, 780], ...[200, 240, 280].map((x): [number, number, number] => [x, 730, 760])]);
  const p2 = page(2, [run('第二十条第（五）项', 75, 768, s), run('行政许可', 75, 742, s), run('0', 215, 742, s)], p2Rules);
  assert.deepEqual(render(layoutDocument([p1, p2])), ['规章\t0\t0\t0', '行政规范性文件\t0\t0\t0', '第二十条第（五）项', '行政许可\t0']);
});

test('grid: rules that do not meet are separate tables; a frame around text is not a table', () => {
  const a = gridRules([70, 150, 250], [700, 680, 660]);
  const b = gridRules([70, 150, 250], [500, 480, 460]);
  assert.equal(findGrids([...a, ...b]).length, 2);
  assert.equal(findGrids(gridRules([70, 500], [700, 600])).length, 0);
  assert.equal(findGrids([]).length, 0);
});

test('grid: a page of thousands of rules (a drawing) is not searched for tables', () => {
  const many: PdfRule[] = [];
  for (let i = 0; i < 5000; i++) many.push([i % 500, i % 700, (i % 500) + 0.5, (i % 700) + 30]);
  assert.deepEqual(findGrids(many), []);
});

test('text-band tables (no rules): numbers on a middle line take the label lines around them; a column header row before', () => {
  const s = 10;
  const runs = [
    run('信息内容', 75, 700, s), run('本年制发件数', 200, 700, s), run('本年废止件数', 300, 700, s),
    run('规章', 75, 670, s), run('1', 220, 670, s), run('0', 320, 670, s),
    run('行政规范性', 75, 645, s), run('8', 220, 637, s), run('26', 318, 637, s), run('文件', 75, 630, s),
  ];
  assert.ok(pageHasTableText(runs));
  assert.deepEqual(render(layoutDocument([page(1, runs)])), ['信息内容\t本年制发件数\t本年废止件数', '规章\t1\t0', '行政规范性文件\t8\t26']);
});

test('pageHasTableText: prose is not a table', () => {
  assert.ok(!pageHasTableText(paragraphRuns('二〇二四年全市共受理政府信息公开申请三千一百一十九件答复三千零五十件。', 700)));
});

test('a glyph from a fallback font drawn over a space of the CJK run goes back into that space', () => {
  // LibreOffice: "危及“三安全一稳定”" as the runs 危 | 及 三安全一 | 稳定 and the quotes in another font.
  const s = 10.5;
  const runs = [
    run('3.', 163.5, 407.8, s, 10), run('“', 197.8, 407.8, s, 5.4), run('”', 266.2, 407.8, s, 5.4),
    run('危', 176.8, 407.8, s, 10.5), run('及 三安全一', 187.3, 407.8, s, 57.9), run('稳定', 245.2, 407.8, s, 21),
  ];
  assert.deepEqual(render(layoutDocument([page(1, runs)])), ['3. 危及“三安全一稳定”']);
});

test('every block keeps its page and a box around its text', () => {
  const s = 8;
  const rules = gridRules([70, 200, 240], [200, 170, 140]);
  const blocks = layoutDocument([page(3, [...paragraphRuns('正文。', 700), run('行政许可', 75, 182, s), run('447228', 205, 182, s), run('行政处罚', 75, 152, s), run('5', 215, 152, s)], rules)]);
  const pieces = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.pieces : b.kind === 'row' ? b.cells.flatMap((c) => c ?? []) : []));
  assert.equal(pieces.length, 5);
  for (const p of pieces) {
    assert.equal(p.page, 3);
    const [x0, y0, x1, y1] = p.box;
    assert.ok(x0 <= x1 && y0 <= y1 && x0 >= 0 && y1 <= A4.height, JSON.stringify(p));
  }
  const cell = pieces.find((p) => p.text === '447228')!;
  const inside = (b: Box, x: number, y: number): boolean => b[0] <= x && x <= b[2] && b[1] <= y && y <= b[3];
  assert.ok(inside(cell.box, 210, 184));
});

test('property: any runs and rules lay out without throwing, every piece on its page', () => {
  const coord = fc.double({ min: -100, max: 900, noNaN: true });
  const runArb = fc.record({
    str: fc.oneof(fc.constantFrom('一、总体情况', '-3-', '第二十条', '0', '3119', '（七）总计', ' ', '本', '“'), fc.string({ maxLength: 8 })),
    x: coord, y: coord, width: fc.double({ min: -5, max: 400, noNaN: true }), size: fc.double({ min: 0, max: 40, noNaN: true }),
  });
  const ruleArb = fc.tuple(coord, coord, fc.double({ min: 0, max: 300, noNaN: true }), fc.boolean()).map(([x, y, len, horizontal]): PdfRule =>
    horizontal ? [x, y, x + len, y + 0.5] : [x, y, x + 0.5, y + len]);
  const pageArb = fc.record({ runs: fc.array(runArb, { maxLength: 40 }), rules: fc.option(fc.array(ruleArb, { maxLength: 30 }), { nil: undefined }) });
  fc.assert(fc.property(fc.array(pageArb, { minLength: 1, maxLength: 4 }), (pages) => {
    const blocks = layoutDocument(pages.map((p, i) => page(i + 1, p.runs, p.rules)));
    for (const b of blocks) {
      const pieces = b.kind === 'paragraph' ? b.pieces : b.kind === 'row' ? b.cells.flatMap((c) => c ?? []) : [];
      for (const p of pieces) assert.ok(p.page >= 1 && p.page <= pages.length && p.text.trim() !== '');
    }
  }), { numRuns: 300 });
});

test('layout time grows linearly: 40 pages of tables take about 4× what 10 pages take', () => {
  const s = 8;
  const onePage = (n: number): PdfPageContent => {
    const xs = [70, 200, 240, 280, 320, 360, 400, 440, 480];
    const ys: number[] = [];
    const runs: PdfTextRun[] = [];
    for (let r = 0; r <= 30; r++) ys.push(780 - r * 22);
    for (let r = 0; r < 30; r++) {
      runs.push(run(`${r + 1}.属于某类信息`, 75, 765 - r * 22, s));
      for (let c = 1; c < xs.length - 1; c++) runs.push(run(String(r * c), xs[c]! + 10, 765 - r * 22, s));
    }
    return page(n, runs, gridRules(xs, ys));
  };
  const time = (pages: number): number => {
    const doc = Array.from({ length: pages }, (_, i) => onePage(i + 1));
    const t = performance.now();
    layoutDocument(doc);
    return performance.now() - t;
  };
  time(40); // warm-up: optimised code for both measurements
  time(40);
  // The fastest of three each: one garbage collection or a busy machine made a single 40-page run 12× the 10-page one.
  const ten = Math.max(1, Math.min(time(10), time(10), time(10)));
  const forty = Math.min(time(40), time(40), time(40));
  assert.ok(forty < ten * 4 * 3, `10 pages ${ten.toFixed(1)} ms, 40 pages ${forty.toFixed(1)} ms`);
});
