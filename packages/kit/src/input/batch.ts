import { ConnectorError, InvalidItemsError, InvalidItem } from '../errors';

/**
 * The batch policy of every action that writes a list: check every item first; if any is
 * invalid, send nothing and raise one error naming each invalid item by its index in the whole
 * input. `check` gets the item and its field prefix (`products[120].`) and throws a
 * ConnectorError naming the field; other errors are bugs and pass through.
 */
export function checkEveryItem<T>(list: string, items: readonly unknown[], check: (item: unknown, prefix: string, index: number) => T): T[] {
  const valid: T[] = [];
  const invalid: InvalidItem[] = [];
  items.forEach((item, index) => {
    try {
      valid.push(check(item, `${list}[${index}].`, index));
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      invalid.push({ index, field: error.field, problem: error.message });
    }
  });
  if (invalid.length) throw new InvalidItemsError(list, items.length, invalid);
  return valid;
}
