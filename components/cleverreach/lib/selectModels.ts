import { createClient } from './client';
import { listGroupsForSelect } from './groups';

/** The `groupId` select model: the account's groups as `{id: "name (id)"}`. */
export async function getGroups(cfg: Record<string, unknown>): Promise<Record<string, string>> {
  return listGroupsForSelect(createClient(cfg));
}
