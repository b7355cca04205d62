/** The JSON schemas that are not derived from the operation table: OIH models and our own. */

type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const num = (description?: string): Schema => ({ type: 'number', ...(description ? { description } : {}) });
const contactData: Schema = {
  type: 'array',
  items: { type: 'object', properties: { type: str('email, phone, mobile...'), value: str(), label: str(), description: str() } },
};
const addresses: Schema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      street: str(),
      streetNumber: { type: ['number', 'string'] },
      unit: str(),
      zipCode: str(),
      city: str(),
      region: str(),
      country: str(),
      countryCode: str(),
      label: str(),
    },
  },
};
const categories: Schema = { type: 'array', items: { type: 'object', properties: { name: str(), label: str() } } };

export const person: Schema = {
  title: 'OIH Person (personV2 subset SocialHub holds)',
  type: 'object',
  properties: {
    firstName: str(),
    middleName: str(),
    lastName: str(),
    displayName: str('SocialHub keeps one name string'),
    gender: { type: 'string', enum: ['male', 'female', 'intersexual', ''] },
    birthday: str('yyyy-MM-dd'),
    contactData,
    addresses,
  },
};

export const organization: Schema = {
  title: 'OIH Organization (organizationV2 subset)',
  type: 'object',
  properties: {
    name: str(),
    organizationCode: str('Optional: the store code when metadata.recordUid does not carry it'),
    categories,
    contactData,
    addresses,
  },
};

export const order: Schema = {
  title: 'Order (after the OIH example order)',
  description:
    'Based on Data-and-Domain-Models src/examples/schema/order.json. customerNumber is the SocialHub consumer code (text, not an integer); money is in currency units (SocialHub cents / 100); status, direction, store, discount and freight are additions.',
  type: 'object',
  required: ['orderNumber', 'date', 'lineItems'],
  properties: {
    orderNumber: str(),
    customerNumber: { type: ['string', 'null'] },
    date: str('ISO 8601'),
    lastModified: str('ISO 8601'),
    storeCode: str(),
    status: { type: 'string', enum: ['paid', 'shipped', 'delivered', 'returned'] },
    direction: { type: 'string', enum: ['normal', 'return', 'exchange'] },
    originalOrderNumber: str(),
    lineItems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['position', 'description'],
        properties: { position: num(), articleUid: str(), description: str(), quantity: num(), cost: num('Unit price'), amount: num('Line total') },
      },
    },
    total: num(),
    discount: num(),
    freight: num(),
  },
};

export const pointsMovement: Schema = {
  title: 'Points movement (our model)',
  description: 'One SocialHub points record: a signed change of a points account.',
  type: 'object',
  required: ['recordId', 'change'],
  properties: {
    recordId: str(),
    accountCode: str(),
    pointsGroupCode: str(),
    change: num('Points added (positive) or deducted (negative)'),
    operation: { type: 'string', enum: ['behaviour increase', 'behaviour decrease', 'gift redemption', 'coupon redemption'] },
    status: { type: 'string', enum: ['effective', 'not yet effective', 'expired'] },
    description: { type: ['string', 'null'] },
    operationId: { type: ['string', 'null'] },
    occurredAt: str('ISO 8601'),
    lastModified: str('ISO 8601'),
    expiresAt: str('ISO 8601'),
  },
};

const event: Schema = {
  type: 'object',
  required: ['eventKey', 'eventTime', 'customerCode', 'properties'],
  properties: {
    eventKey: str('What happened, e.g. page_view, purchase'),
    eventType: { type: 'string', default: 'track' },
    eventTime: { type: ['integer', 'string'], description: 'Epoch milliseconds or ISO 8601' },
    customerCode: str('SocialHub consumer code'),
    eventId: str('Unique per event; derived from the content when empty, so a resend is harmless'),
    tenantId: str('Defaults to the step field'),
    properties: { type: 'object' },
  },
};

export const consumerEventIn: Schema = {
  title: 'Consumer events (our model)',
  description: 'One event, or many in `events`.',
  type: 'object',
  properties: { ...(event.properties as Schema), events: { type: 'array', items: event } },
};

export const importReport: Schema = {
  title: 'Event import report',
  type: 'object',
  required: ['received', 'sent', 'batches', 'eventIds', 'rejected'],
  properties: {
    received: { type: 'integer' },
    sent: { type: 'integer' },
    batches: { type: 'integer' },
    eventIds: { type: 'array', items: { type: 'string' } },
    rejected: {
      type: 'array',
      items: { type: 'object', required: ['index', 'problem'], properties: { index: { type: 'integer' }, field: str(), problem: str() } },
    },
  },
};

export const productsOut: Schema = {
  title: 'Products synced',
  type: 'object',
  required: ['synced', 'batches', 'codes'],
  properties: { synced: { type: 'integer' }, batches: { type: 'integer' }, codes: { type: 'array', items: { type: 'string' } } },
};
