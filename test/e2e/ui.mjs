// "As a person sees it": drives the installed extension in code-server through the page itself — Explorer,
// squiggles, Problems panel, hover, light-bulb quick fix, typing, the command palette, a snippet — and saves
// screenshots.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REPORT = '龙亭区2023年政府信息公开工作年度报告.txt';

/** Seed 001 with two planted faults: (七)总计·自然人 27 → 26, and part 五 removed. */
function plantFaults(workspace) {
  const lines = readFileSync(join(workspace, 'seeds/001_8c5bb81dea3251c9.txt'), 'utf8').split('\n');
  const total = lines.findIndex((l) => l.startsWith('(七) 总计'));
  lines[total] = lines[total].replace('\t27\t0', '\t26\t0');
  const five = lines.findIndex((l) => l.startsWith('五、存在的主要问题'));
  const six = lines.findIndex((l) => l.startsWith('六、其他需要报告的事项'));
  lines.splice(five, six - five);
  writeFileSync(join(workspace, REPORT), lines.join('\n'));
  const cells = lines[total].split('\t');
  const received = lines.findIndex((l) => l.startsWith('一、本年新收'));
  return {
    totalLine: total + 1, totalCol: cells.slice(0, 2).join('\t').length + 2, // 1-based, on "26"
    sixLine: five + 1,
    receivedLine: received + 1, receivedCol: lines[received].split('\t').slice(0, 2).join('\t').length + 2,
  };
}

const norm = (s) => s.replace(/\s+/g, ' ');

export async function runUiChecks(ctx) {
  const page = await ctx.browser.newPage({ viewport: { width: 1500, height: 950 } });
  try {
    await steps({ ...ctx, page });
  } catch (e) {
    await page.screenshot({ path: join(ctx.shots, 'failure.png') }).catch(() => {});
    throw e;
  } finally {
    await page.close().catch(() => {});
  }
}

async function steps({ page, url, workspace, shots, ok, sleep }) {
  const at = plantFaults(workspace);
  copyFileSync(join(workspace, 'planted/001_total_natural_person_26.txt'), join(workspace, '总计有误的报告.txt'));
  const waitText = async (selector, re, what, timeout = 30000) => {
    const start = Date.now();
    let last = '';
    while (Date.now() - start < timeout) {
      last = norm(await page.locator(selector).allInnerTexts().then((t) => t.join('\n')).catch(() => ''));
      if (re.test(last)) return last;
      await sleep(200);
    }
    throw new Error(`${what}: ${re} not found in ${selector}; saw: ${last.slice(0, 400)}`);
  };
  // Go to line, then move by characters: the column of "line:col" in Go to Line counts tabs visually.
  const goTo = async (line, col) => {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await sleep(200);
    await page.keyboard.press('Home');
    for (let i = 1; i < col; i++) await page.keyboard.press('ArrowRight');
    await sleep(200);
  };
  const palette = async (title) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await sleep(400);
    await page.keyboard.press('Enter');
  };

  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench .explorer-folders-view, .monaco-workbench .explorer-viewlet', { timeout: 60000 });

  // Open the report from the Explorer.
  const item = page.getByRole('treeitem', { name: new RegExp(REPORT.slice(0, 8)) });
  await item.first().waitFor({ timeout: 30000 });
  await item.first().click();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
  // Decorations are rendered only for visible lines: bring the table into view.
  await page.locator('.monaco-editor .view-lines').first().click();
  await goTo(at.totalLine, at.totalCol);
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
  ok((await page.locator('.monaco-editor .squiggly-error').count()) >= 2, 'squiggles appear in the editor');
  // The squiggle under the cursor's cell: Monaco shows the problem for the cursor position in the status hover.
  const squiggleBox = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
  ok(squiggleBox !== null && squiggleBox.width < 200, `a squiggle spans a cell, not a line (${squiggleBox?.width.toFixed(0)} px wide)`);

  // Problems panel.
  await page.keyboard.press('Control+Shift+M');
  const problems = await waitText('.markers-panel', /（七）总计·自然人应为 27（各项之和），实为 26/, 'Problems panel');
  ok(/缺少“五、存在的主要问题及改进情况”部分/.test(problems), 'Problems panel lists the column-total and section-missing problems');
  // The wrong cell is (七)总计·自然人: the problem must point at it, not at its row or the table.
  ok(problems.includes(`[Ln ${at.totalLine}, Col ${at.totalCol}]`), `the column-total problem points at the wrong cell (Ln ${at.totalLine}, Col ${at.totalCol})`);
  await page.screenshot({ path: join(shots, 'problems-panel.png') });

  // Hover the (七)总计·自然人 cell.
  await page.locator('.monaco-editor .view-lines').first().click();
  await goTo(at.totalLine, at.totalCol);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = await waitText('.monaco-hover', /（七）总计·自然人 = 4 \+ 1 \+ 1 \+ 21 = 27 ✗/, 'hover');
  ok(/列合计/.test(hover), 'hovering the 总计 cell shows the computed sum');
  await page.screenshot({ path: join(shots, 'editor-hover.png') });
  await page.keyboard.press('Escape');

  // Light-bulb quick fix: insert the missing part 五 at the line of 六.
  await goTo(at.sixLine, 1);
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row, .context-view .action-widget li', { hasText: '插入“五、存在的主要问题及改进情况”部分' });
  await fix.first().waitFor({ timeout: 20000 });
  await page.screenshot({ path: join(shots, 'quick-fix.png') });
  await fix.first().click();
  const start = Date.now();
  let after = '';
  while (Date.now() - start < 20000) {
    after = norm(await page.locator('.markers-panel').innerText());
    if (!/缺少“五/.test(after)) break;
    await sleep(200);
  }
  ok(!/缺少“五/.test(after), 'the quick fix inserts the missing part and its problem disappears');

  // Typing a wrong number makes a new problem appear.
  await goTo(at.receivedLine, at.receivedCol);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('28');
  const typed = await waitText('.markers-panel', /一、本年新收政府信息公开申请数量·总计应为 28/, 'new problem after typing').catch(() => '');
  ok(/总计应为 28/.test(typed), 'typing a wrong number makes a new row-sum problem appear');

  // Validate workspace from the command palette: files never opened appear in the Problems panel.
  await palette('Validate All Reports in Workspace');
  const toast = await waitText('.notifications-toasts', /共检查 \d+ 个文件/, 'summary notification', 15000).catch(() => '');
  if (toast) process.stdout.write(`   · notification: ${toast.match(/共检查[^）]*）/)?.[0] ?? toast.slice(0, 80)}\n`);
  const all = await waitText('.markers-panel', /总计有误的报告\.txt/, 'workspace problems', 30000);
  ok(/001_total_natural_person_26\.txt|总计有误的报告\.txt/.test(all), '"validate workspace" fills the Problems panel with files that were never opened');
  await page.screenshot({ path: join(shots, 'validate-workspace.png') });

  // A snippet inserts 表三.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await palette('Insert Table 3');
  const text = await waitText('.monaco-editor .view-lines', /本年新收政府信息公开申请数量.*上年结转政府信息公开申请数量/, 'inserted 表三');
  ok(/予以公开/.test(text), 'the 表三 snippet is inserted');
  await page.screenshot({ path: join(shots, 'snippet-table3.png') });
}
