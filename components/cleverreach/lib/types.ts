/** A CleverReach group as `GET /v3/groups` returns it (ids arrive as strings or numbers). */
export interface Group {
  id: string | number;
  name: string;
  locked?: boolean;
  backup?: boolean;
  receiver_info?: string;
  stamp?: number;
  last_mailing?: number;
  last_changed?: number;
}

/** A receiver as one group lists it: times are unix seconds, 0 means "never". */
export interface Receiver {
  id: string | number;
  email: string;
  group_id?: string | number;
  registered?: number;
  activated?: number;
  deactivated?: number;
  last_changed?: number;
  imported?: number;
  bounced?: number;
  source?: string;
  active?: boolean;
  attributes?: Record<string, unknown> | unknown[];
  global_attributes?: Record<string, unknown> | unknown[];
  tags?: string[];
  [field: string]: unknown;
}

/** Where a receiver is a member: added by the triggers so the mapping can list all groups. */
export interface Membership {
  id: string;
  name: string;
  active: boolean;
}

/** What the triggers hand to the mapping: the receiver plus every group it belongs to. */
export interface ReceiverWithGroups extends Receiver {
  groups: Membership[];
}

/** The receiver body CleverReach accepts on create and update. */
export interface ReceiverBody {
  email?: string;
  attributes?: Record<string, unknown>;
  global_attributes?: Record<string, unknown>;
  tags?: string[];
  [field: string]: unknown;
}
