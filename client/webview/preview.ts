// The report preview's page (bundled to dist/preview.js, run inside the webview). It draws the model the server
// builds (shared/protocol.ts PreviewModel) and knows nothing of reports: every word it shows comes in the model.
// The DOM is built with textContent and attributes, never from HTML strings.

import type { PreviewBlock, PreviewCell, PreviewModel, PreviewProblem } from '../../server/src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Incoming =
  | { type: 'model'; model: PreviewModel; loading: string }
  | { type: 'scroll'; line: number };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
/** The line the editor shows at its top, to scroll to once the model is drawn. */
let topLine = -1;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function problemList(problems: readonly PreviewProblem[] | undefined): HTMLElement | undefined {
  if (!problems || problems.length === 0) return undefined;
  const ul = el('ul', 'problems');
  for (const p of problems) ul.append(el('li', `sev-${p.severity}`, p.message));
  return ul;
}

function tooltip(cell: PreviewCell): string {
  return [cell.name, cell.expected, ...(cell.problems ?? []).map((p) => p.message), cell.note].filter(Boolean).join('\n');
}

function drawCell(cell: PreviewCell, goTo: string): HTMLTableCellElement {
  const c = el(cell.header ? 'th' : 'td');
  if (cell.colspan) c.colSpan = cell.colspan;
  if (cell.rowspan) c.rowSpan = cell.rowspan;
  c.append(document.createTextNode(cell.text));
  if (cell.header) return c;
  const classes: string[] = [];
  if (cell.status === 'uncertain' || cell.status === 'missing') classes.push(cell.status);
  else if (cell.status) classes.push(`sev-${cell.status}`);
  c.className = classes.join(' ');
  if (cell.expected) c.append(el('span', 'expected', cell.expected));
  c.title = [tooltip(cell), cell.range ? goTo : ''].filter(Boolean).join('\n');
  if (cell.range) {
    const range = cell.range;
    c.dataset.line = String(range.start.line);
    c.addEventListener('click', () => {
      for (const s of Array.from(document.querySelectorAll('.selected'))) s.classList.remove('selected');
      c.classList.add('selected');
      vscode.postMessage({ type: 'reveal', range });
    });
  }
  return c;
}

function drawBlock(block: PreviewBlock, model: PreviewModel): HTMLElement {
  let e: HTMLElement;
  switch (block.kind) {
    case 'title':
      e = el('h1', undefined, block.text);
      break;
    case 'heading':
      e = el(block.level === 2 ? 'h2' : 'h3', undefined, block.text);
      break;
    case 'paragraph': {
      e = el('p');
      for (const s of block.segments) {
        if (!s.problems?.length) e.append(document.createTextNode(s.text));
        else {
          const span = el('span', `sev-${s.problems[0]!.severity}`, s.text);
          span.title = s.problems.map((p) => p.message).join('\n');
          e.append(span);
        }
      }
      break;
    }
    case 'notice':
      e = el('div', `notice sev-${block.severity}`, block.text);
      break;
    case 'table': {
      e = el('section', 'table');
      e.append(el('h3', undefined, block.title));
      if (block.note) e.append(el('div', 'note', block.note));
      const table = el('table', `grid ${block.reading}`);
      block.rows.forEach((row, i) => {
        const tr = el('tr');
        const line = block.rowLines[i];
        if (line !== undefined && line >= 0) tr.dataset.line = String(line);
        for (const cell of row) tr.append(drawCell(cell, model.strings.goToCell));
        table.append(tr);
      });
      e.append(table);
      break;
    }
  }
  e.dataset.line = String(block.line);
  const problems = 'problems' in block ? problemList(block.problems) : undefined;
  if (problems) {
    const wrap = el('div');
    wrap.dataset.line = String(block.line);
    wrap.append(e, problems);
    return wrap;
  }
  return e;
}

function draw(model: PreviewModel): void {
  vscode.setState({ uri: model.uri });
  const scrollY = window.scrollY;
  const bar = el('header', 'bar');
  bar.append(el('strong', undefined, model.summary));
  const legend = el('span', 'legend');
  for (const [cls, text] of [['sev-error', model.strings.legendError], ['sev-warning', model.strings.legendWarning], ['uncertain', model.strings.legendUncertain]] as const) {
    const item = el('span');
    item.append(el('span', `chip ${cls}`), document.createTextNode(text));
    legend.append(item);
  }
  bar.append(legend);
  const body = el('main');
  if (!model.report) body.append(el('p', 'note', model.strings.notReport));
  for (const block of model.blocks) body.append(drawBlock(block, model));
  root.replaceChildren(bar, body);
  root.dataset.version = String(model.version);
  window.scrollTo(0, scrollY);
  if (topLine >= 0) scrollToLine(topLine);
}

/** Scrolls so that the element of the last source line at or before `line` is at the top. */
function scrollToLine(line: number): void {
  let best: HTMLElement | undefined;
  let bestLine = -1;
  for (const e of Array.from(document.querySelectorAll<HTMLElement>('[data-line]'))) {
    const l = Number(e.dataset.line);
    if (l <= line && l >= bestLine) {
      best = e;
      bestLine = l;
    }
  }
  const header = document.querySelector('header.bar')?.getBoundingClientRect().height ?? 0;
  if (!best) window.scrollTo(0, 0);
  else window.scrollTo(0, window.scrollY + best.getBoundingClientRect().top - header - 4);
}

window.addEventListener('message', (event: MessageEvent<Incoming>) => {
  const m = event.data;
  if (m.type === 'model') draw(m.model);
  else if (m.type === 'scroll') {
    topLine = m.line;
    scrollToLine(m.line);
  }
});

vscode.postMessage({ type: 'ready' });
