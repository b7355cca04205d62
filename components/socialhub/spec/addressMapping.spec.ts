import { expect } from 'chai';
import { Transformer, oihMessage } from '@oih-suite/kit';
import { consumerToPerson } from '../lib/mappings/consumerToPerson';
import { personToConsumer } from '../lib/mappings/personToConsumer';
import { expectSchema } from './helpers';

const out = new Transformer(personToConsumer, {});
const back = new Transformer(consumerToPerson, {});
const meta = { applicationUid: 'socialhub', recordUid: 'C00001' };

async function toConsumer(address: object): Promise<Record<string, unknown>> {
  return (await out.apply(oihMessage({ displayName: 'Mia Wong', addresses: [address] }, meta))).data as Record<string, unknown>;
}
async function toPerson(consumer: object): Promise<{ addresses: unknown[] }> {
  const person = (await back.apply(oihMessage({ name: 'Mia Wong', ...consumer }, meta))).data as { addresses: unknown[] };
  expectSchema('person', person);
  return person;
}

describe('SocialHub address mapping (one address line and a postal code)', () => {
  it('keeps street, house number and postal code apart on the way out and back', async () => {
    const consumer = await toConsumer({ street: 'Nanjing Rd', streetNumber: 5, zipCode: '200001', city: 'Shanghai', country: 'China' });
    // SocialHub has no field for city or country: they are not sent (the README says so).
    expect(consumer).to.deep.include({ address: 'Nanjing Rd 5', postelCode: '200001' });
    expect(JSON.stringify(consumer)).to.not.include('Shanghai');
    expect((await toPerson(consumer)).addresses).to.deep.equal([{ street: 'Nanjing Rd', streetNumber: 5, zipCode: '200001', label: 'primary' }]);
  });

  it('round-trips house numbers with a letter, streets without a number and a postal code alone', async () => {
    const cases = [
      { street: 'Hauptstr.', streetNumber: '12a', zipCode: '20095' },
      { street: 'Straße des 17. Juni', streetNumber: 135 },
      { street: 'Main Street' },
      { zipCode: '10115' },
    ];
    for (const address of cases) {
      const person = await toPerson(await toConsumer(address));
      expect(person.addresses, JSON.stringify(address)).to.deep.equal([{ ...address, label: 'primary' }]);
    }
  });

  it('reads an address line SocialHub holds as the street, splitting only a trailing house number', async () => {
    expect((await toPerson({ address: '88 Queensway' })).addresses).to.deep.equal([{ street: '88 Queensway', label: 'primary' }]);
    expect((await toPerson({ address: ' Hauptstr. 12 a ' })).addresses).to.deep.equal([
      { street: 'Hauptstr.', streetNumber: '12 a', label: 'primary' },
    ]);
    expect((await toPerson({ address: '', postelCode: '' })).addresses).to.deep.equal([]);
  });

  it('sends no address when the Person has only parts SocialHub cannot hold', async () => {
    const consumer = await toConsumer({ city: 'Hamburg', country: 'Germany' });
    expect(consumer).to.not.have.property('address');
    expect(consumer).to.not.have.property('postelCode');
  });
});
