/** A plain-text table for stdout: numbers right-aligned, with thousands separators. */
export type Cell = string | number | boolean | undefined;

export function renderTable(title: string, headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map(format));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], raw: Cell[] = []): string =>
    cells
      .map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [`\n${title}`, line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map((r, i) => line(r, rows[i]))].join('\n');
}

function format(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'NO';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toLocaleString('en-US') : String(cell);
  return cell;
}
