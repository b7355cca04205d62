import { expect } from 'chai';
import { Operation, OperationRequest, describeComponent, describeOperation, describeProvider, generateDescriptors, secret } from '../src/declare';
import { runProcess } from '../src/testing/recorder';

const op: Operation = {
  id: 'adjustStock',
  group: 'Stock',
  title: 'Adjust stock',
  description: 'Adds to or takes from the stock of one product.',
  method: 'POST',
  path: '/v1/stock/{sku}',
  pathFields: [{ name: 'sku', title: 'SKU', type: 'string', required: true }],
  bodyFields: [
    { name: 'delta', title: 'Change', type: 'integer', required: true },
    { name: 'reason', title: 'Reason', type: 'string', enum: { sale: 'Sale', count: 'Stock count' }, config: true },
  ],
  result: 'object',
  recordUidFrom: 'sku',
  idempotent: false,
};

describe('declare: operations', () => {
  const sent: OperationRequest[] = [];
  const provider = describeProvider({
    id: 'shop',
    title: 'Shop',
    description: 'A shop',
    docsUrl: 'https://example.com/api',
    applicationUid: 'shop',
    credentials: { key: secret({ label: 'Key', required: true, note: 'The API key' }) },
    mappingExample: '{ "data": data }',
    client: () => ({
      send: async (request: OperationRequest) => {
        sent.push(request);
        return { sku: 'A-1', stock: 7 };
      },
    }),
    verify: async () => undefined,
  });
  const action = describeOperation(provider, op, {
    send: (client, request) => client.send(request),
    before: (request) => {
      if ((request.json as { delta: number }).delta === 0) throw new Error('a change of 0 changes nothing');
    },
  });

  it('checks the input, takes defaults from the step, sends one request and emits the result with its record id', async () => {
    const outcome = await runProcess(action.process, { data: { sku: 'A-1', delta: '-2' } }, { key: 'k-123', reason: 'sale', applicationUid: 'erp' });
    expect(outcome.error).to.equal(undefined);
    expect(sent).to.deep.equal([
      { method: 'POST', url: '/v1/stock/A-1', query: undefined, json: { delta: -2, reason: 'sale' }, idempotent: false, recordId: 'A-1' },
    ]);
    expect(outcome.self.data).to.deep.equal([{ metadata: { recordUid: 'A-1', applicationUid: 'erp' }, data: { sku: 'A-1', stock: 7 } }]);
    const bad = await runProcess(action.process, { data: { sku: 'A-1', delta: '1.5' } }, { key: 'k-123' });
    expect(bad.error?.message).to.equal('delta: must be a whole number, got "1.5"');
    const refused = await runProcess(action.process, { data: { sku: 'A-1', delta: 0 } }, { key: 'k-123' });
    expect(refused.error?.message).to.equal('a change of 0 changes nothing');
    expect(sent).to.have.length(1);
  });

  it('generates the in- and out-schemas and offers config fields as step defaults', () => {
    const files = generateDescriptors(describeComponent(provider, { triggers: [], actions: [action] }));
    expect(files['lib/schemas/adjustStock.in.json']).to.deep.include({ title: 'Adjust stock: input', required: ['sku', 'delta'] });
    expect(files['lib/schemas/adjustStock.out.json']).to.deep.include({ description: 'The record as Shop returns it' });
    const json = files['component.json'] as { actions: Record<string, { description: string; fields: Record<string, { viewClass: string }> }> };
    expect(json.actions.adjustStock.description).to.equal('Stock management: Adds to or takes from the stock of one product.');
    expect(json.actions.adjustStock.fields.reason.viewClass).to.equal('SelectView');
  });
});
