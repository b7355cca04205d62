import { expect } from 'chai';
import { ConnectorError } from '../../errors/ConnectorError';
import { HostileContext, requestsDuring, runAction, runTrigger } from './context';
import type { HostileProviderFixture } from './fixture';

/** Values `Number()` would turn into a page size (16, 5, 1000), and a size past the safe range. */
const LOOSE_NUMBERS: unknown[] = ['0x10', [5], '1e3', 1e21, ' ', true];
/** Ids that must never reach a URL. */
const BAD_IDS: unknown[] = [{ id: 55 }, [55], true, 5.5, 'undefined', 'null'];
/** deleteRequested values that must never delete. */
const NOT_DELETES: unknown[] = ['false', 0, '0', 'no', { at: 'now' }];

function expectRefused(error: Error | undefined, field: RegExp, what: string): void {
  expect(error, `${what} should fail`).to.be.instanceOf(ConnectorError);
  expect((error as ConnectorError).field, what).to.match(field);
}

/** Hostile input: everything is checked before the first request, and an error names the field. */
export function describeInputCases(ctx: HostileContext, fixture: HostileProviderFixture): void {
  describe('hostile input', () => {
    it('the trigger reads pageSize strictly ("0x10", [5], "1e3", 1e21...): an error naming it, before any request', async () => {
      for (const pageSize of LOOSE_NUMBERS) {
        const { result, requests } = await requestsDuring(ctx, () => runTrigger(ctx, {}, { ...ctx.cfg, pageSize }));
        expectRefused(result.error, /^pageSize$/, `pageSize ${JSON.stringify(pageSize)}`);
        expect(requests, `pageSize ${JSON.stringify(pageSize)}: requests sent`).to.equal(0);
        expect(result.self.data).to.deep.equal([]);
      }
    });

    for (const action of fixture.idActions ?? []) {
      it(`${action.title}: an id that is an object, array, boolean, fraction or "undefined" is refused before any request`, async () => {
        const field = action.field ?? 'metadata.recordUid';
        for (const id of BAD_IDS) {
          const { result, requests } = await requestsDuring(ctx, () => runAction(ctx, action, action.message(id)));
          expectRefused(result.error, new RegExp(`^${field.replace('.', '\\.')}$`), `id ${JSON.stringify(id)}`);
          expect(requests, `id ${JSON.stringify(id)}: requests sent`).to.equal(0);
          expect(result.self.data).to.deep.equal([]);
        }
      });
    }

    for (const action of fixture.batchActions ?? []) {
      const [first, second] = action.invalidAt ?? [20, 121];
      it(`${action.title}: invalid items at ${first} and ${second} send nothing, and the error names them by their index in the whole list`, async () => {
        const count = action.count ?? 150;
        const items = Array.from({ length: count }, (_, i) => (i === first || i === second ? action.invalidItem(i) : action.validItem(i)));
        const { result, requests } = await requestsDuring(ctx, () => runAction(ctx, action, action.message(items)));
        const fieldAt = (index: number) => `${action.list}[${index}].${action.invalidField}`;
        expectRefused(result.error, new RegExp(`^${fieldAt(first).replace(/[.[\]]/g, '\\$&')}$`), 'the batch');
        const invalid = (result.error as unknown as { items?: { index: number; field?: string }[] }).items ?? [];
        expect(invalid.map((item) => [item.index, item.field])).to.deep.equal([
          [first, fieldAt(first)],
          [second, fieldAt(second)],
        ]);
        expect(result.error!.message).to.include(fieldAt(second));
        expect(requests, 'requests sent for a batch with invalid items').to.equal(0);
        expect(result.self.data).to.deep.equal([]);
      });
    }

    for (const action of fixture.deleteActions ?? []) {
      it(`${action.title}: deleteRequested "false", 0, "no" or an object is an error, never a delete`, async () => {
        for (const value of NOT_DELETES) {
          const { result, requests } = await requestsDuring(ctx, () => runAction(ctx, action, action.message(value)));
          expectRefused(result.error, /^data\.deleteRequested$/, `deleteRequested ${JSON.stringify(value)}`);
          expect(requests, `deleteRequested ${JSON.stringify(value)}: requests sent`).to.equal(0);
          expect(result.self.data).to.deep.equal([]);
        }
      });
    }
  });
}
