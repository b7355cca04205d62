/**
 * Synthesises inputs from an action's `in` schema, for built-in mappings that no trigger can
 * feed (OIH record → provider). Every declared field gets a value of its type, varied per sample
 * so the mapping does not see one message over and over; arrays get two items. Such inputs fill
 * every field, so the figure is, if anything, the expensive end for that mapping.
 */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  enum?: unknown[];
  examples?: unknown[];
  default?: unknown;
  format?: string;
}

export function sampleFromSchema(schema: unknown, variant: number, depth = 0): unknown {
  const s = (schema ?? {}) as Schema;
  if (s.examples?.length) return s.examples[variant % s.examples.length];
  if (s.enum?.length) return s.enum[variant % s.enum.length];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type[0] : (s.type ?? (s.properties ? 'object' : 'string'));
  if (depth > 6) return null;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) out[key] = sampleFromSchema(child, variant, depth + 1);
      return out;
    }
    case 'array': {
      const item = Array.isArray(s.items) ? s.items[0] : s.items;
      return [0, 1].map((i) => sampleFromSchema(item, variant + i, depth + 1));
    }
    case 'integer':
    case 'number':
      return 1 + (variant % 97);
    case 'boolean':
      return variant % 2 === 0;
    case 'null':
      return null;
    default:
      if (s.format === 'email') return `person${variant}@example.com`;
      if (s.format === 'date-time') return new Date(Date.UTC(2026, 0, 1) + variant * 60_000).toISOString();
      if (s.format === 'date') return '2026-01-01';
      return `value ${variant}`;
  }
}
