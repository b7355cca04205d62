import { ConfigurationError, FieldDeclaration, dynamicSelect } from '@oih-suite/kit';
import type { CleverReachClient } from './client';
import type { Group } from './types';

/** Groups in a stable order (numeric id), so a resumed scan continues where it stopped. */
export function sortGroups(groups: Group[]): Group[] {
  return [...groups].sort((a, b) => Number(a.id) - Number(b.id) || String(a.id).localeCompare(String(b.id)));
}

export function findGroupByName(groups: Group[], name: string): Group | undefined {
  const wanted = name.trim().toLowerCase();
  return groups.find((group) => String(group.name).trim().toLowerCase() === wanted);
}

/** The `groupId` field of a step: a select of the account's groups (the step module's `getGroups`). */
export function groupField(note: string): FieldDeclaration<string | undefined> {
  return dynamicSelect({ label: 'Group', model: 'getGroups', prompt: 'Select a group', note });
}

/** The step's group: `groupId`, else `groupName` (case-insensitive); an unknown one is an error. */
export async function resolveConfiguredGroup(
  client: CleverReachClient,
  { groupId, groupName }: { groupId?: string; groupName?: string },
): Promise<Group> {
  if (!groupId && !groupName) throw new ConfigurationError('groupId', 'set groupId or groupName');
  const groups = await client.groups();
  if (groupId) {
    const group = groups.find((g) => String(g.id) === groupId);
    if (!group) throw new ConfigurationError('groupId', `no group with id "${groupId}" in this CleverReach account`);
    return group;
  }
  const group = findGroupByName(groups, groupName!);
  if (!group) {
    const known = groups.map((g) => `"${g.name}"`).join(', ') || 'none';
    throw new ConfigurationError('groupName', `no group named "${groupName}" in this CleverReach account (groups: ${known})`);
  }
  return group;
}

/** The select model for `groupId` fields: `{id: name}`. */
export async function listGroupsForSelect(client: CleverReachClient): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const group of sortGroups(await client.groups())) result[String(group.id)] = `${group.name} (${group.id})`;
  return result;
}
