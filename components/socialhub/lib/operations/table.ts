import {
  GENDER,
  IDENTITY_TYPES,
  POINTS_OPERATION_TYPES,
  POINTS_STATUS,
  SOURCE_CODES,
  THIRD_ACCOUNT_TYPES,
  YES_NO,
  choice,
  consentFlags,
  pageNo,
  pageSize,
  phonePrefCode,
  productItem,
  required,
  text,
  transactionBody,
} from './fields';
import type { OperationSpec } from './types';

/**
 * The 18 SocialHub operations as the vendor's node code builds them (paths follow the code, not
 * its README). One entry per operation; the action files, the client, the generator of schemas
 * and component.json, and the simulator's tests all read this table.
 */
const list: OperationSpec[] = [
  // Member management
  {
    id: 'getLoyaltyPrograms',
    group: 'Member',
    title: 'Get loyalty programs',
    description: 'Lists the loyalty programs of the tenant.',
    method: 'GET',
    path: '/v1/member/loyaltyprograms',
    result: 'list',
  },
  {
    id: 'getMemberList',
    group: 'Member',
    title: 'Get member list',
    description: 'Lists the memberships (cards) of one consumer, one page at a time.',
    method: 'GET',
    path: '/v1/member/list/{consumerCode}',
    pathFields: [required('consumerCode', 'Consumer code')],
    queryFields: [pageNo, pageSize, text('loyaltyCode', 'Loyalty program code')],
    result: 'page',
  },
  {
    id: 'getMember',
    group: 'Member',
    title: 'Get member',
    description: 'Reads one membership by its card number.',
    method: 'GET',
    path: '/v1/member/{cardNo}',
    pathFields: [required('cardNo', 'Card number')],
    result: 'object',
    recordUidFrom: 'cardNo',
  },
  {
    id: 'memberAdmission',
    group: 'Member',
    title: 'Member admission',
    description: 'Enrols a person in a loyalty program (creates the consumer when needed) and returns the new card.',
    method: 'POST',
    path: '/v1/member/admission',
    bodyFields: [
      required('loyaltyProgramCode', 'Loyalty program code'),
      phonePrefCode(false),
      required('mobilePhone', 'Mobile phone'),
      text('name', 'Name'),
      text('storeCode', 'Store code'),
      choice('sourceCode', 'Source', SOURCE_CODES),
      text('email', 'E-mail'),
    ],
    result: 'object',
    recordUidFrom: 'cardNo',
  },
  // Customer management
  {
    id: 'createConsumer',
    group: 'Customer',
    title: 'Create consumer',
    description: 'Creates a consumer (customer profile).',
    method: 'POST',
    path: '/v1/consumer',
    bodyFields: [
      required('name', 'Name'),
      choice('gender', 'Gender', GENDER),
      required('mobilePhone', 'Mobile phone'),
      phonePrefCode(true),
      text('email', 'E-mail'),
      choice('sourceCode', 'Source', SOURCE_CODES, { required: true }),
      text('birthday', 'Birthday', { description: 'yyyy-MM-dd', placeholder: '1990-12-31' }),
      choice('identityType', 'Identity type', IDENTITY_TYPES),
      required('organizationCode', 'Organization code', { config: true }),
    ],
    result: 'object',
    recordUidFrom: 'consumerCode',
  },
  {
    id: 'importConsumerEventData',
    group: 'Customer',
    title: 'Import consumer event data',
    description:
      'Sends one customer event or many (page views, purchases...). Invalid events are reported one by one while the valid ones are sent in batches; eventId makes a resend harmless.',
    method: 'POST',
    path: '/v1/consumer/event/data',
    bodyFields: [{ name: 'data', title: 'Events', type: 'array', required: true }],
    result: 'ack',
    idempotent: true,
  },
  {
    id: 'queryConsumer',
    group: 'Customer',
    title: 'Query consumer',
    description: 'Finds consumers by mobile phone or e-mail.',
    method: 'GET',
    path: '/v1/consumer/info',
    queryFields: [
      choice('type', 'Search by', { '1': 'Mobile phone', '2': 'E-mail' }, { required: true }),
      required('query', 'Phone number or e-mail'),
      phonePrefCode(false),
      { name: 'timestamp', title: 'Request time', type: 'integer', auto: 'nowMs', description: 'Filled automatically (epoch ms)' },
      { name: 'nonceId', title: 'Nonce', type: 'string', auto: 'nonce', description: 'Filled automatically (random)' },
    ],
    result: 'list',
  },
  {
    id: 'updateConsumer',
    group: 'Customer',
    title: 'Update consumer',
    description: 'Updates the profile and the marketing consents of a consumer.',
    method: 'PUT',
    path: '/v1/consumer/updateInfo/{consumerCode}',
    pathFields: [required('consumerCode', 'Consumer code')],
    bodyFields: [
      text('email', 'E-mail'),
      text('name', 'Name'),
      choice('gender', 'Gender', GENDER),
      text('birthday', 'Birthday', { description: 'yyyy-MM-dd', placeholder: '1990-12-31' }),
      text('postelCode', 'Postal code', { description: 'Spelt "postelCode" by the API' }),
      text('address', 'Address'),
      ...consentFlags,
    ],
    result: 'object',
    recordUidFrom: 'consumerCode',
    idempotent: true,
  },
  {
    id: 'bindConsumerThirdAccount',
    group: 'Customer',
    title: 'Bind third-party account',
    description: 'Links a third-party account (e.g. a Shopify customer) to a consumer.',
    method: 'POST',
    path: '/v1/consumer/binding',
    bodyFields: [
      required('consumerCode', 'Consumer code'),
      choice('accountType', 'Account type', THIRD_ACCOUNT_TYPES, { required: true }),
      required('unionId', 'Third-party account id'),
      text('nickName', 'Nickname'),
    ],
    result: 'ack',
    recordUidFrom: 'consumerCode',
  },
  {
    id: 'queryThirdAccountsByUnionId',
    group: 'Customer',
    title: 'Query third-party accounts',
    description: 'Lists the consumer bindings of a third-party account id.',
    method: 'GET',
    path: '/v1/consumer/thirdaccounts/{unionId}',
    pathFields: [required('unionId', 'Third-party account id')],
    result: 'list',
  },
  // Order management
  {
    id: 'getTransactionList',
    group: 'Order',
    title: 'Get transaction list',
    description: 'Lists the transactions of one consumer in a date range, one page at a time.',
    method: 'POST',
    path: '/v1/transactions/page/{consumerCode}',
    pathFields: [required('consumerCode', 'Consumer code')],
    bodyFields: [
      pageNo,
      pageSize,
      text('beginDate', 'From', { description: 'yyyy-MM-dd or yyyy-MM-dd HH:mm:ss', placeholder: '2026-01-01' }),
      text('endDate', 'To', { description: 'yyyy-MM-dd or yyyy-MM-dd HH:mm:ss', placeholder: '2026-01-31' }),
    ],
    result: 'page',
    idempotent: true,
  },
  {
    id: 'getTransactionDetail',
    group: 'Order',
    title: 'Get transaction detail',
    description: 'Reads one transaction with its lines.',
    method: 'POST',
    path: '/v1/transactions/{orderCode}',
    pathFields: [required('orderCode', 'Transaction code')],
    result: 'object',
    recordUidFrom: 'transactionCode',
    idempotent: true,
  },
  {
    id: 'syncTransaction',
    group: 'Order',
    title: 'Sync transaction',
    description: 'Creates or replaces a transaction (order, return or exchange). All amounts are in cents.',
    method: 'POST',
    path: '/v1/transactions/sync',
    bodyFields: transactionBody,
    result: 'ack',
    recordUidFrom: 'transactionCode',
    idempotent: true,
  },
  // Points management
  {
    id: 'getPointsAccount',
    group: 'Points',
    title: 'Get points account',
    description: 'Lists the points accounts (balances) of a membership card.',
    method: 'GET',
    path: '/v1/points/pointsAccount/{cardNo}',
    pathFields: [required('cardNo', 'Card number')],
    queryFields: [pageNo, pageSize, text('pointsGroupCode', 'Points group code')],
    result: 'page',
  },
  {
    id: 'getPointsRecords',
    group: 'Points',
    title: 'Get points records',
    description: 'Lists the points movements of a points account, one page at a time.',
    method: 'GET',
    path: '/v1/points/pointsRecords/{accountCode}',
    pathFields: [required('accountCode', 'Points account code')],
    queryFields: [
      pageNo,
      pageSize,
      choice('status', 'Status', POINTS_STATUS),
      { name: 'beginDate', title: 'From', type: 'integer', description: 'Epoch milliseconds', placeholder: '1767225600000' },
      { name: 'endDate', title: 'To', type: 'integer', description: 'Epoch milliseconds', placeholder: '1769903999999' },
    ],
    result: 'page',
  },
  {
    id: 'adjustPoints',
    group: 'Points',
    title: 'Adjust points',
    description:
      'Credits or deducts points. Without an operationId one is derived from the message (record id and content), so a redelivered message never adjusts twice.',
    method: 'POST',
    path: '/v1/points/adjustment',
    bodyFields: [
      choice('accountType', 'Account identified by', { '1': 'Points account code', '2': 'Card number' }, { required: true, default: 1 }),
      required('accountCode', 'Points account code or card number'),
      text('pointsGroupCode', 'Points group code', { config: true }),
      text('operationId', 'Operation id', { description: 'Idempotency key; derived from the message when empty' }),
      choice('operationType', 'Operation', POINTS_OPERATION_TYPES, { required: true }),
      { name: 'pointValue', title: 'Points', type: 'integer', required: true, description: 'A positive number of points', placeholder: '100' },
      text('pointDesc', 'Description'),
      { name: 'effectiveEndTime', title: 'Expires at', type: 'integer', description: 'Epoch milliseconds', placeholder: '1798761599000' },
      choice('upgradeTierFlag', 'Counts towards tier upgrade', YES_NO),
    ],
    result: 'object',
    recordUidFrom: 'operationId',
    idempotent: true,
  },
  // Master data management
  {
    id: 'batchSyncProduct',
    group: 'Master Data',
    title: 'Batch sync products',
    description: 'Creates or replaces products by code (up to 100 per call). Prices are in cents.',
    method: 'POST',
    path: '/v1/masterdata/product/batchSync',
    bodyFields: [{ name: 'products', title: 'Products', type: 'array', required: true, maxItems: 100, items: productItem }],
    bodyFrom: 'products',
    result: 'ack',
    idempotent: true,
  },
  {
    id: 'saveStore',
    group: 'Master Data',
    title: 'Save store',
    description: 'Creates or updates a store or headquarters organization by its code.',
    method: 'POST',
    path: '/v1/masterdata/store',
    bodyFields: [
      text('id', 'Store id', { description: 'SocialHub id, for an update' }),
      required('organizationCode', 'Organization code'),
      required('organizationName', 'Organization name'),
      text('parentOrganizationCode', 'Parent organization code'),
      text('sourceCode', 'Source code'),
      text('sourceName', 'Source name'),
      text('nickName', 'Short name'),
      text('cnName', 'Chinese name'),
      text('enName', 'English name'),
      text('storeCategoryId', 'Store category id'),
      choice('type', 'Type', { '1': 'Headquarters', '99': 'Store' }),
      choice('storeStatus', 'Status', { '10': 'Normal', '20': 'Closed' }),
    ],
    result: 'object',
    recordUidFrom: 'organizationCode',
    idempotent: true,
  },
];

export type OperationId =
  | 'getLoyaltyPrograms'
  | 'getMemberList'
  | 'getMember'
  | 'memberAdmission'
  | 'createConsumer'
  | 'importConsumerEventData'
  | 'queryConsumer'
  | 'updateConsumer'
  | 'bindConsumerThirdAccount'
  | 'queryThirdAccountsByUnionId'
  | 'getTransactionList'
  | 'getTransactionDetail'
  | 'syncTransaction'
  | 'getPointsAccount'
  | 'getPointsRecords'
  | 'adjustPoints'
  | 'batchSyncProduct'
  | 'saveStore';

export const OPERATIONS = Object.fromEntries(list.map((op) => [op.id, op])) as Record<OperationId, OperationSpec>;
export const OPERATION_LIST: readonly OperationSpec[] = list;
