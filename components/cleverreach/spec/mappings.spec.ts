import { expect } from 'chai';
import { Transformer } from '@oih-suite/kit';
import { personToReceiver } from '../lib/mappings/personToReceiver';
import { receiverToPerson } from '../lib/mappings/receiverToPerson';

const map = async (expression: string, data: unknown) => (await new Transformer(expression, {}).apply({ metadata: {}, data })).data;

describe('built-in mappings', () => {
  it('receiver → Person prefers the group attributes, then the global ones, English then German keys', async () => {
    const person = await map(receiverToPerson, {
      id: '1',
      email: 'k@example.com',
      activated: 0,
      deactivated: 0,
      attributes: { vorname: 'Karl', firstname: '  ' },
      global_attributes: { firstname: 'Global', nachname: 'Kurz', anrede: 'Herr', telefon: '0201' },
      tags: ['A', 'B'],
    });
    expect(person).to.deep.equal({
      firstName: 'Karl',
      lastName: 'Kurz',
      salutation: 'Herr',
      contactData: [
        { type: 'email', value: 'k@example.com' },
        { type: 'phone', value: '0201' },
      ],
      categories: [
        { name: 'A', label: 'tag' },
        { name: 'B', label: 'tag' },
        { name: 'inactive', label: 'status' },
      ],
    });
  });

  it('receiver → Person copes with the empty-list attributes CleverReach sends for "none"', async () => {
    const person = await map(receiverToPerson, {
      id: '2',
      email: 'e@example.com',
      activated: 5,
      deactivated: 0,
      attributes: [],
      global_attributes: [],
      tags: [],
    });
    expect(person).to.deep.equal({ contactData: [{ type: 'email', value: 'e@example.com' }], categories: [{ name: 'active', label: 'status' }] });
  });

  it('Person → receiver writes names to attributes and global_attributes under English and German keys; tags from categories (name = value; label when there is no name)', async () => {
    const body = await map(personToReceiver, {
      firstName: 'Mia',
      lastName: 'Maier',
      contactData: [
        { type: 'mobile', value: '0170' },
        { type: 'email', value: '' },
        { type: 'email', value: 'mia@example.com' },
      ],
      categories: [
        'Lead',
        { label: 'Fair 2024' },
        { name: 'Customer', label: 'tag' },
        { name: 'Manufacturing', label: 'market' },
        { name: 'Newsletter', label: 'group' },
        { name: 'active', label: 'status' },
        // This component's categories before the OIH convention: the kind in name, the value in label.
        { name: 'tag', label: 'VIP' },
        { name: 'group', label: 'Events' },
        { name: 'status', label: 'inactive' },
      ],
    });
    const names = { firstname: 'Mia', vorname: 'Mia', lastname: 'Maier', name: 'Maier', nachname: 'Maier', phone: '0170' };
    expect(body).to.deep.equal({
      email: 'mia@example.com',
      attributes: names,
      global_attributes: names,
      tags: ['Lead', 'Fair 2024', 'Customer', 'Manufacturing', 'VIP'],
    });
  });

  it('Person → receiver leaves out what the person does not have', async () => {
    expect(await map(personToReceiver, { lastName: 'Solo' })).to.deep.equal({
      attributes: { lastname: 'Solo', name: 'Solo', nachname: 'Solo' },
      global_attributes: { lastname: 'Solo', name: 'Solo', nachname: 'Solo' },
    });
  });
});
