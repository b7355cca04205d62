import { renderTable } from '../output/table';

/** The scores getScores emitted, flattened into `name  value` rows. */
export function renderScores(data: unknown): string {
  const rows: [string, string][] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) walk(inner, prefix ? `${prefix}.${key}` : key);
    } else if (Array.isArray(value)) {
      value.forEach((inner, i) => walk(inner, `${prefix}[${i}]`));
    } else {
      rows.push([prefix, typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : String(value)]);
    }
  };
  walk(data, '');
  return `Smileback scores (getScores):\n${renderTable(['score', 'value'], rows, { align: ['left', 'right'] })}`;
}
