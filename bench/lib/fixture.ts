/**
 * A stand-in mapping and record for the engine benchmark when no component is built yet: the
 * shape of a provider review mapped to an OIH record, so the cache comparison still runs.
 */
import type { CatalogEntry } from './catalog';

const expression = `{
  "recordUid": $string(id),
  "score": rating,
  "comment": comment,
  "contact": { "name": contact.name, "email": $lowercase(contact.email) },
  "tags": tags[$length($) > 0],
  "createdAt": created,
  "modifiedAt": last_modified,
  "source": $metadata.applicationUid
}`;

export function fixtureEntry(): CatalogEntry {
  const inputs = Array.from({ length: 100 }, (_, i) => ({
    metadata: { recordUid: String(i), applicationUid: 'fixture' },
    data: {
      id: i,
      rating: i % 3,
      comment: `comment ${i}`,
      contact: { name: `Person ${i}`, email: `Person${i}@Example.com` },
      tags: ['a', '', 'b'],
      created: '2026-01-01T00:00:00Z',
      last_modified: '2026-01-02T00:00:00Z',
    },
  }));
  return { provider: 'smileback', mapping: 'bench fixture (no component built yet)', expression, inputs, inputFrom: 'bench fixture' };
}
