import { ConfigurationError } from './ConfigurationError';

/** One rejected item of a batch: its position in the input as given, the field at fault and why. */
export interface InvalidItem {
  index: number;
  field?: string;
  problem: string;
}

/** How many problems the message spells out; all of them are in `items`. */
const LISTED = 10;

/**
 * A batch input with invalid items, raised before anything of the batch is sent. Lists every
 * invalid item with its index in the whole input (not in a page of it).
 */
export class InvalidItemsError extends ConfigurationError {
  readonly items: InvalidItem[];
  /** The first invalid item's field (`products[20].price`); the message starts with the list's name. */
  override readonly field: string;

  constructor(list: string, total: number, items: InvalidItem[]) {
    const listed = items.slice(0, LISTED).map((item) => item.problem);
    const more = items.length > LISTED ? `; and ${items.length - LISTED} more` : '';
    super(list, `${items.length} of ${total} items are invalid, nothing was sent: ${listed.join('; ')}${more}`);
    this.items = items;
    this.field = items[0]?.field ?? list;
  }
}
