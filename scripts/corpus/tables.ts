// The three tables in the template's geometry (国办公开办函〔2021〕30号 as the WPS template lays them out, see
// shared/reports/FORMATS.md): 表二 14 rows on a 4-column grid, 表三 28 rows on 10, 表四 4 rows on 15. Written
// once, HTML-style (a cell with colSpan/rowSpan, covered cells absent); the .docx writer turns rowSpan into
// vMerge restart + explicit continue cells and colSpan into gridSpan, the .html writer uses them as they are.

import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, TABLE2_ROWS, TABLE3_ROWS, type Table2, type Table3, type Table4 } from './document';

export interface GridCell {
  /** The cell's paragraphs (the template writes 商业/企业 and 科研/机构 as two paragraphs). */
  readonly paras: readonly string[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** Left-aligned label rather than a centred header or number. */
  readonly left?: boolean;
}

export interface GridTable {
  /** Column widths, twentieths of a point (the template's tblGrid). */
  readonly grid: readonly number[];
  readonly rows: readonly (readonly GridCell[])[];
}

const c = (text: string, colSpan?: number, rowSpan?: number, left?: boolean): GridCell => ({ paras: [text], colSpan, rowSpan, left });

export function table2Grid(values: Table2): GridTable {
  const v = (id: string) => values[id]!;
  const item = (label: string) => [c(label, 4, undefined, true)];
  const single = (label: string, id: string) => [c(label, undefined, undefined, true), c(v(id)[0]!, 3)];
  const row = (id: string) => TABLE2_ROWS.find((r) => r.id === id)!;
  return {
    grid: [2435, 2435, 2435, 2435],
    rows: [
      item('第二十条第（一）项'),
      [c('信息内容'), ...row('regulations').columns.map((h) => c(h))],
      [c('规章', undefined, undefined, true), ...v('regulations').map((x) => c(x))],
      [c('行政规范性文件', undefined, undefined, true), ...v('normativeDocuments').map((x) => c(x))],
      item('第二十条第（五）项'),
      [c('信息内容'), c(row('licensing').columns[0]!, 3)],
      single('行政许可', 'licensing'),
      item('第二十条第（六）项'),
      [c('信息内容'), c(row('penalty').columns[0]!, 3)],
      single('行政处罚', 'penalty'),
      single('行政强制', 'enforcement'),
      item('第二十条第（八）项'),
      [c('信息内容'), c(row('fees').columns[0]!, 3)],
      single('行政事业性收费', 'fees'),
    ],
  };
}

export const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export function table3Grid(values: Table3): GridTable {
  const numbers = (id: string) => APPLICANT_COLUMNS.map((col) => c(String(values[id]![col])));
  const rows: GridCell[][] = [
    [c(NOTE, 3, 3), c('申请人情况', 7)],
    [c('自然人', undefined, 2), c('法人或其他组织', 5), c('总计', undefined, 2)],
    [{ paras: ['商业', '企业'] }, { paras: ['科研', '机构'] }, c('社会公益组织'), c('法律服务机构'), c('其他')],
  ];
  const resultRows = TABLE3_ROWS.filter((r) => r.result || r.id === 'total');
  const groupSize = (group: string) => TABLE3_ROWS.filter((r) => r.group === group).length;
  let lastGroup: string | undefined;
  for (const spec of TABLE3_ROWS) {
    const cells: GridCell[] = [];
    if (spec.id === 'newReceived' || spec.id === 'carriedOver' || spec.id === 'carriedForward') {
      cells.push(c(spec.label, 3, undefined, true));
    } else {
      if (spec.id === 'granted') cells.push(c('三、本年度办理结果', undefined, resultRows.length));
      if (spec.group) {
        if (spec.group !== lastGroup) cells.push(c(spec.group, undefined, groupSize(spec.group)));
        lastGroup = spec.group;
        cells.push(c(spec.label, undefined, undefined, true));
      } else {
        cells.push(c(spec.label, 2, undefined, true));
      }
    }
    rows.push([...cells, ...numbers(spec.id)]);
  }
  return { grid: [754, 921, 3271, 685, 685, 685, 685, 685, 685, 685], rows };
}

export function table4Grid(values: Table4): GridTable {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return {
    grid: [649, 649, 649, 649, 649, 649, 649, 650, 650, 650, 650, 650, 650, 650, 650],
    rows: [
      [c('行政复议', 5), c('行政诉讼', 10)],
      [...heads.map((h) => c(h, undefined, 2)), c('未经复议直接起诉', 5), c('复议后起诉', 5)],
      [...heads.map((h) => c(h)), ...heads.map((h) => c(h))],
      REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((col) => c(String(values[g][col])))),
    ],
  };
}

/**
 * Places every cell on the grid: for each row, the grid column of each cell and the covered positions
 * (a cell of a row above reaching down). Throws when a row does not fill the grid exactly.
 */
export interface Placed {
  readonly cell: GridCell;
  readonly column: number;
  /** A position covered by the rowSpan of the cell above (written as a vMerge continue cell in Word). */
  readonly continued: boolean;
}

export function place(table: GridTable): Placed[][] {
  const width = table.grid.length;
  const coveredBy: (GridCell | undefined)[] = new Array(width).fill(undefined);
  const left: number[] = new Array(width).fill(0);
  const out: Placed[][] = [];
  table.rows.forEach((row, r) => {
    const placed: Placed[] = [];
    let col = 0;
    let i = 0;
    while (col < width) {
      if (left[col]! > 0) {
        const cell = coveredBy[col]!;
        placed.push({ cell, column: col, continued: true });
        const span = cell.colSpan ?? 1;
        for (let k = col; k < col + span; k++) left[k] = left[k]! - 1;
        col += span;
        continue;
      }
      const cell = row[i++];
      if (!cell) throw new Error(`corpus: table row ${r} leaves grid columns ${col}… empty`);
      const span = cell.colSpan ?? 1;
      placed.push({ cell, column: col, continued: false });
      if ((cell.rowSpan ?? 1) > 1) for (let k = col; k < col + span; k++) { coveredBy[k] = cell; left[k] = cell.rowSpan! - 1; }
      col += span;
    }
    if (col !== width || i !== row.length) throw new Error(`corpus: table row ${r} does not fill the ${width}-column grid`);
    out.push(placed);
  });
  return out;
}
