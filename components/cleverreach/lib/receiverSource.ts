import { Page, PollWindow, ScanPositionLostError, fetchAhead, paginatePages } from '@oih-suite/kit';
import type { CleverReachClient } from './client';
import { ReceiverIndex, receiverKey } from './receiverIndex';
import { isActive, receiverChangedAt } from './timestamps';
import type { Group, Membership, Receiver, ReceiverWithGroups } from './types';

/**
 * Where an interrupted scan resumes: the group and page of the emitting pass (`pass: 2`).
 * Positions without `pass` come from the older one-pass scan and restart the scan.
 */
export interface ScanPosition {
  pass: 2;
  group: string;
  page: number;
}

/**
 * All receivers of the given groups, each once per change with all its groups, without
 * per-receiver look-ups. CleverReach has no "modified since" on group lists and no list across
 * groups, so this is the pages of a 'scan' stream (the engine filters by time; the snapshot keeps
 * the position) that reads the groups twice:
 *
 * 1. Index pass: every group's pages, keeping per receiver only its newest stamp up to the run's
 *    bound, the group and page holding it, and its group and active bits (`ReceiverIndex`).
 *    The last group's pages already emit: when they are read, every other group is indexed.
 * 2. Emit pass: the other groups again, only the pages holding a receiver they own that changed
 *    in the window; each owned record is emitted with the receiver's full group list.
 *
 * The owner is the group whose membership has the newest stamp (ties: the first group). A
 * receiver with any stamp past the bound changed during the run: the next run emits it. The
 * index is not in the snapshot: a resumed scan runs the index pass again (one read of every
 * group) and continues the emit pass at the stored group and page, so the owners it computes
 * are the same for every receiver that did not change meanwhile, and a receiver that did is
 * left to the next run.
 */
export async function* receiverPages(client: CleverReachClient, groups: Group[], window: PollWindow): AsyncGenerator<Page<ReceiverWithGroups>> {
  if (groups.length === 0) {
    yield { records: [], position: null, last: true };
    return;
  }
  const resume = readPosition(window.resumeFrom);
  const resumeIndex = resume ? groups.findIndex((g) => String(g.id) === resume.group) : -1;
  // A position of the older one-pass scan, or of a group that is gone: the engine restarts the window.
  if (window.resumeFrom !== undefined && window.resumeFrom !== null && resumeIndex < 0) {
    throw new ScanPositionLostError(`CleverReach receivers: the stored scan position ${JSON.stringify(window.resumeFrom)} is not one of this scan's`);
  }
  const lastIndex = groups.length - 1;
  // Room for two pages of receivers from the start: a full first page means at least that many.
  const index = new ReceiverIndex(groups.length, Math.floor(window.until / 1000), window.pageSize * 2);
  const read = (g: number, page: number, size: number) => client.groupReceivers(String(groups[g].id), page, size);
  const pageCounts: number[] = [];
  // Each next page is requested while this one is emitted, unless the engine stops after one page.
  const ahead = !window.singlePage;

  // Pass 1 (silent) over every group but the last; all of them when resuming in pass 2 proper.
  const resumingPass2 = resume && resumeIndex >= 0 && resumeIndex < lastIndex;
  const silent = resumingPass2 ? groups.length : lastIndex;
  for (let g = 0; g < silent; g += 1) {
    for await (const page of pagesOf(groups[g], read.bind(null, g), window.pageSize, ahead)) {
      const number = (page.position as number) - 1;
      for (const record of page.records) index.add(sighting(record, g, number));
      pageCounts[g] = number + 1;
    }
  }

  // The last group: indexed and emitted in one read (skipped when resuming further on).
  if (!resumingPass2) {
    const startPage = resume && resumeIndex === lastIndex ? resume.page : 0;
    const single = groups.length === 1;
    let reached = false;
    for await (const page of pagesOf(groups[lastIndex], read.bind(null, lastIndex), window.pageSize, ahead)) {
      const number = (page.position as number) - 1;
      if (!single) for (const record of page.records) index.add(sighting(record, lastIndex, number));
      if (number < startPage) continue;
      reached = true;
      const records = single
        ? page.records.map((r) => withGroups(r, [{ group: 0, active: isActive(r) }], groups))
        : owned(page.records, lastIndex, index, groups);
      const next: ScanPosition | null = !page.last ? position(groups[lastIndex], number + 1) : lastIndex > 0 ? position(groups[0], 0) : null;
      yield { records, position: next, last: page.last && lastIndex === 0 };
    }
    if (!reached) lost(groups[lastIndex], startPage);
  }

  // Pass 2: the other groups, only the pages that hold a change they own.
  const sinceSeconds = Math.ceil(window.since / 1000);
  const reads: { g: number; page: number }[] = [];
  for (let g = resumingPass2 ? resumeIndex : 0; g < lastIndex; g += 1) {
    const startPage = resumingPass2 && g === resumeIndex ? resume.page : 0;
    if (startPage > 0 && startPage >= (pageCounts[g] ?? 0)) lost(groups[g], startPage);
    const wanted = [...index.pagesToEmit(g, sinceSeconds)].filter((p) => p >= startPage && p < (pageCounts[g] ?? 0)).sort((a, b) => a - b);
    for (const page of wanted) reads.push({ g, page });
  }
  let i = 0;
  for await (const page of fetchAhead(reads, (r) => read(r.g, r.page, window.pageSize), ahead)) {
    const { g } = reads[i];
    const following = reads[i + 1];
    const lastOfAll = g === lastIndex - 1 && following === undefined;
    const next = lastOfAll ? null : following?.g === g ? position(groups[g], following.page) : position(groups[g + 1], 0);
    i += 1;
    yield { records: owned(page, g, index, groups), position: next, last: lastOfAll };
  }
  yield { records: [], position: null, last: true };
}

/** The group has fewer pages now than the stored position says: carrying on would skip records. */
function lost(group: Group, page: number): never {
  throw new ScanPositionLostError(
    `CleverReach receivers of group ${group.id}: the stored scan position page ${page} lies beyond the end of the list`,
  );
}

function pagesOf(group: Group, fetch: (page: number, size: number) => Promise<Receiver[]>, pageSize: number, readAhead: boolean) {
  return paginatePages(`CleverReach receivers of group ${group.id}`, { pageSize, firstPage: 0, readAhead }, async (page, size) => ({
    records: await fetch(page, size),
  }));
}

function sighting(record: Receiver, group: number, page: number) {
  return {
    key: receiverKey(record.email, record.id),
    group,
    page,
    stamp: Math.round((receiverChangedAt(record) ?? 0) / 1000),
    active: isActive(record),
  };
}

/** The records of a page that this group emits, each with all the receiver's groups. */
function owned(records: Receiver[], g: number, index: ReceiverIndex, groups: Group[]): ReceiverWithGroups[] {
  const kept: ReceiverWithGroups[] = [];
  for (const record of records) {
    const key = receiverKey(record.email, record.id);
    const memberships = index.claim(key, g);
    if (memberships === undefined) {
      // Joined after the index pass read its groups: its stamp is past the bound in all but
      // clock-skew cases; it is emitted here once, with the group it was found in.
      index.add(sighting(record, g, 0));
      if (index.markEmitted(key)) kept.push(withGroups(record, [{ group: g, active: isActive(record) }], groups));
      continue;
    }
    if (memberships) kept.push(withGroups(record, memberships, groups));
  }
  return kept;
}

/** The record itself, given its groups: it is this page's own, fresh from the response, and a copy of every receiver cost more than its emit. */
function withGroups(record: Receiver, memberships: { group: number; active: boolean }[], groups: Group[]): ReceiverWithGroups {
  const list: Membership[] = memberships.map((m) => ({ id: String(groups[m.group].id), name: String(groups[m.group].name), active: m.active }));
  const emitted = record as ReceiverWithGroups;
  emitted.groups = list;
  return emitted;
}

function position(group: Group, page: number): ScanPosition {
  return { pass: 2, group: String(group.id), page };
}

function readPosition(value: unknown): ScanPosition | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.pass !== 2 || v.group === undefined || v.group === null) return undefined;
  const page = Number(v.page);
  return { pass: 2, group: String(v.group), page: Number.isInteger(page) && page >= 0 ? page : 0 };
}
