import type { SimRequest, SimResponse } from '../../simulator/server';
import type { TriggerContractFixture } from '../contract';
import type { AnyProcess } from '../recorder';

/** One action run: the step, and the message and extra step fields it runs with. */
export interface ActionCase {
  /** How the case is named ("upsertReceiver"). */
  title: string;
  step: { process: AnyProcess };
  /** Step fields besides the credentials (e.g. a group). */
  cfg?: Record<string, unknown>;
}

/** One valid action message that makes the action call the provider. */
export interface ActionCallCase extends ActionCase {
  message: unknown;
}

/** An action that writes or reads the record its message's `metadata.recordUid` names. */
export interface IdActionCase extends ActionCase {
  /** A valid message for this action, with `recordUid` as its id. */
  message(recordUid: unknown): unknown;
  /** Where the action reads the id from (default `metadata.recordUid`). */
  field?: string;
}

/** An action that writes a list: every item is checked before the first write. */
export interface BatchActionCase extends ActionCase {
  /** A message holding these items. */
  message(items: unknown[]): unknown;
  validItem(index: number): unknown;
  /** An item that fails the checks, and the field the error names for it (below `list[index].`). */
  invalidItem(index: number): unknown;
  invalidField: string;
  /** The list's name in errors (`products`, `events`). */
  list: string;
  /** How many items the case sends (default 150: more than one batch). */
  count?: number;
  /** Where the two invalid items go (default 20 and 121: the second past the first batch of 100). */
  invalidAt?: [number, number];
}

/** An action that deletes when the message's `data.deleteRequested` says so. */
export interface DeleteActionCase extends ActionCase {
  message(deleteRequested: unknown): unknown;
}

/**
 * What a component gives the hostile-provider suite: its contract fixture (a polling trigger
 * against its simulator) plus the actions each hostile-input class applies to.
 */
export interface HostileProviderFixture {
  /** The trigger, its simulator and how records are added (the contract suite's fixture). */
  trigger: TriggerContractFixture;
  /** True for requests to the token endpoint; omit for providers with a static API token. */
  isTokenRequest?: (req: SimRequest) => boolean;
  /** A page answer whose link to the next page points at `url` (providers that page by links). */
  nextLinkTo?: (req: SimRequest, url: string) => SimResponse;
  /** A snapshot of the trigger whose stored scan position (a link) points at `url`. */
  scanPositionAt?: (url: string) => unknown;
  /** A download the provider documents on a foreign host (a pre-signed URL): how to make the trigger fetch one from `url`. */
  foreignDownload?: ForeignDownloadCase;
  /** An action run that reaches the provider (its error and rebound cases). */
  actionCall?: ActionCallCase;
  idActions?: IdActionCase[];
  batchActions?: BatchActionCase[];
  deleteActions?: DeleteActionCase[];
}

/** A step that downloads from a URL the provider hands out, on a host of its choosing. */
export interface ForeignDownloadCase {
  step: { process: AnyProcess };
  /** Step fields besides the credentials. */
  cfg?: Record<string, unknown>;
  /** True for the request whose answer carries the download URL. */
  isLinkRequest: (req: SimRequest) => boolean;
  /** That answer, pointing at `url`. */
  linkTo: (req: SimRequest, url: string) => SimResponse;
}
