import { clientOf } from '@oih-suite/kit';
import { listGroupsForSelect } from './groups';
import { cleverreach } from './provider';

/** The `groupId` select model: the account's groups as `{id: "name (id)"}`. */
export async function getGroups(cfg: Record<string, unknown>): Promise<Record<string, string>> {
  return listGroupsForSelect(clientOf(cleverreach, cfg));
}
