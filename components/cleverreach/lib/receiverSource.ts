import { Page, PollWindow, PollingSource, ScanPositionLostError, paginatePages } from '@oih-suite/kit';
import type { CleverReachClient } from './client';
import { isActive, receiverChangedAt } from './timestamps';
import type { Group, Membership, Receiver, ReceiverWithGroups } from './types';

/** Where an interrupted scan resumes: the group and the page within it. */
export interface ScanPosition {
  group: string;
  page: number;
}

const emailKey = (receiver: Receiver): string =>
  String(receiver.email ?? '')
    .trim()
    .toLowerCase();

/**
 * Scans the receivers of the given groups page by page. CleverReach has no "modified since"
 * on group lists, so this is an unordered source: the engine filters by time and the snapshot
 * keeps `{group, page}`.
 *
 * A receiver in several groups is emitted once per change: each page's candidates (changed
 * inside the window) are looked up in the other groups by e-mail, and a record is kept only
 * when its group's stamp is the newest of the receiver's memberships that are not newer than
 * the run's upper bound (ties: the group scanned first). Stamps newer than the bound are
 * ignored, so the decision does not change when a crashed scan is resumed; those changes belong
 * to the next run. The kept record carries all the receiver's groups.
 */
export function receiverSource(client: CleverReachClient, groups: Group[]): PollingSource<ReceiverWithGroups> {
  return {
    order: 'unordered',
    pages: (window) => scan(client, groups, window),
  };
}

async function* scan(client: CleverReachClient, groups: Group[], window: PollWindow): AsyncGenerator<Page<ReceiverWithGroups>> {
  const resume = readPosition(window.resumeFrom);
  let start = 0;
  if (resume) {
    start = groups.findIndex((g) => Number(g.id) >= Number(resume.group) || String(g.id) === resume.group);
    if (start < 0)
      throw new ScanPositionLostError(`CleverReach receivers: the stored scan position (group ${resume.group}) lies past the last group`);
  }
  if (groups.length === 0) {
    yield { records: [], position: null, last: true };
    return;
  }
  for (let index = start; index < groups.length; index += 1) {
    const group = groups[index];
    const groupId = String(group.id);
    const startPage = resume && String(resume.group) === groupId && index === start ? resume.page : 0;
    const pages = paginatePages(
      `CleverReach receivers of group ${groupId}`,
      { pageSize: window.pageSize, firstPage: 0, startPage },
      async (page, size) => ({
        records: await client.groupReceivers(groupId, page, size),
      }),
    );
    for await (const page of pages) {
      const lastGroup = index === groups.length - 1;
      const next: ScanPosition | null = !page.last
        ? { group: groupId, page: page.position as number }
        : lastGroup
          ? null
          : { group: String(groups[index + 1].id), page: 0 };
      const records = await keepOwnChanges(client, groups, index, page.records, window);
      yield { records, position: next, last: page.last && lastGroup };
    }
  }
}

/** The records of this page whose change is emitted from this group (see receiverSource). */
async function keepOwnChanges(
  client: CleverReachClient,
  groups: Group[],
  index: number,
  records: Receiver[],
  window: PollWindow,
): Promise<ReceiverWithGroups[]> {
  const group = groups[index];
  const candidates = records.filter((r) => {
    const t = receiverChangedAt(r);
    return t === undefined || (t >= window.since && t <= window.until);
  });
  if (candidates.length === 0) return [];
  const memberships = new Map<string, { index: number; group: Group; record: Receiver }[]>();
  for (const record of candidates) memberships.set(emailKey(record), [{ index, group, record }]);
  const emails = [...memberships.keys()].filter((e) => e !== '');
  for (let other = 0; other < groups.length && groups.length > 1 && emails.length; other += 1) {
    if (other === index) continue;
    for (const found of await client.groupReceiversByEmail(String(groups[other].id), emails)) {
      memberships.get(emailKey(found))?.push({ index: other, group: groups[other], record: found });
    }
  }
  const kept: ReceiverWithGroups[] = [];
  for (const record of candidates) {
    const all = memberships.get(emailKey(record)) ?? [{ index, group, record }];
    if (!ownsChange(all, index, window.until)) continue;
    const groupsOfReceiver: Membership[] = all
      .sort((a, b) => a.index - b.index)
      .map((m) => ({ id: String(m.group.id), name: String(m.group.name), active: isActive(m.record) }));
    kept.push({ ...record, groups: groupsOfReceiver });
  }
  return kept;
}

/** True when the membership at `index` holds the receiver's newest stamp up to `until` (ties: lowest index). */
function ownsChange(all: { index: number; record: Receiver }[], index: number, until: number): boolean {
  let best: { index: number; t: number } | undefined;
  for (const m of all) {
    const t = receiverChangedAt(m.record) ?? 0;
    if (t > until) continue;
    if (!best || t > best.t || (t === best.t && m.index < best.index)) best = { index: m.index, t };
  }
  return !best || best.index === index;
}

function readPosition(value: unknown): ScanPosition | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.group === undefined || v.group === null) return undefined;
  const page = Number(v.page);
  return { group: String(v.group), page: Number.isInteger(page) && page >= 0 ? page : 0 };
}
