import { renderTable } from '../output/table';

/**
 * The scores getScores emitted, flattened into `name  value` rows. Generic on purpose (it prints
 * whatever the action computes); only the period goes to the title and unset filters are left out.
 */
export function renderScores(data: unknown): string {
  const rows: [string, string][] = [];
  const record = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const { period, ...rest } = record;
  const walk = (value: unknown, prefix: string) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) value.forEach((inner, i) => walk(inner, `${prefix}[${i}]`));
    else if (typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, prefix ? `${prefix}.${key}` : key);
    else rows.push([prefix, typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : String(value)]);
  };
  walk(rest, '');
  const p = (period ?? {}) as { from?: string; to?: string };
  const title = p.from
    ? `Smileback scores (getScores), ${p.from.slice(0, 10)} to ${String(p.to ?? 'now').slice(0, 10)}:`
    : 'Smileback scores (getScores):';
  return `${title}\n${renderTable(['score', 'value'], rows, { align: ['left', 'right'] })}`;
}
