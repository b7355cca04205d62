import type { FieldSpec } from './types';

/** Fields and enums that several operations share, declared once. */

export const GENDER = { '0': 'Unknown', '1': 'Male', '2': 'Female' };
export const YES_NO = { '0': 'No', '1': 'Yes' };
export const SOURCE_CODES = { '10140001': 'Shopify' };
export const THIRD_ACCOUNT_TYPES = { '100014': 'Shopify' };
export const IDENTITY_TYPES = { '1': 'Member', '2': 'Registered user', '3': 'Guest', '4': 'Employee' };
export const POINTS_STATUS = { '0': 'Effective', '1': 'Not yet effective', '2': 'Expired' };
export const POINTS_OPERATION_TYPES = {
  '6': 'Behaviour: increase',
  '7': 'Behaviour: decrease',
  '8': 'Gift redemption: decrease',
  '9': 'Coupon redemption: decrease',
};
export const ORDER_DIRECTION = { '0': 'Normal', '1': 'Return', '2': 'Exchange' };
export const ORDER_STATUS = { '0': 'Paid', '1': 'Shipped', '2': 'Delivered', '3': 'Returned' };
export const SCORE_POINT_STATUS = { '0': 'Not issued', '1': 'Waiting', '2': 'Processing', '3': 'Processed', '4': 'Exception' };

export const pageNo: FieldSpec = {
  name: 'pageNo',
  title: 'Page number',
  type: 'integer',
  default: 1,
  description: '1-based page number',
  placeholder: '1',
};
export const pageSize: FieldSpec = {
  name: 'pageSize',
  title: 'Page size',
  type: 'integer',
  default: 10,
  description: 'Records per page, at most 100',
  placeholder: '10',
};

export const text = (name: string, title: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  title,
  type: 'string',
  placeholder: title,
  ...extra,
});
export const required = (name: string, title: string, extra: Partial<FieldSpec> = {}): FieldSpec => text(name, title, { required: true, ...extra });
export const choice = (name: string, title: string, values: Record<string, string>, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  title,
  type: Object.keys(values).every((v) => /^\d+$/.test(v) && v.length < 8) ? 'integer' : 'string',
  enum: values,
  config: true,
  ...extra,
});
export const cents = (name: string, title: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  title,
  type: 'integer',
  cents: true,
  description: `${title} in cents (integer: 1999 means 19.99)`,
  placeholder: '1999',
  ...extra,
});

export const phonePrefCode = (requiredField: boolean): FieldSpec =>
  text('phonePrefCode', 'Phone country prefix', { default: '+86', config: true, required: requiredField, placeholder: '+86' });

const flag = (name: string, title: string): FieldSpec => choice(name, title, YES_NO, { config: false });

/** The marketing consent flags of updateConsumer: sent only when given (the vendor node forces 1). */
export const consentFlags: FieldSpec[] = [
  flag('receiveSmsFlag', 'Receives SMS'),
  flag('receiveEmailFlag', 'Receives e-mail'),
  flag('receiveAppFlag', 'Receives app push'),
  flag('receiveWecomFlag', 'Receives WeCom'),
  flag('receiveWechatFlag', 'Receives WeChat'),
  flag('receiveWhatsAppFlag', 'Receives WhatsApp'),
  flag('receiveLineFlag', 'Receives LINE'),
  flag('receiveMessagerFlag', 'Receives Messenger'),
];

const amounts = (prefix = ''): FieldSpec[] => [
  cents('totalAmount', `${prefix}Total amount`),
  cents('couponAmount', `${prefix}Coupon amount`),
  cents('discountAmount', `${prefix}Discount amount`),
  cents('totalDisAmount', `${prefix}Total discount amount`),
  cents('costAmount', `${prefix}Cost amount`),
  cents('grossAmount', `${prefix}Gross amount`),
];

export const transactionDetail: FieldSpec[] = [
  choice('direction', 'Line direction', { '0': 'Normal', '1': 'Return or exchange' }, { config: false }),
  text('detailCode', 'Line code'),
  required('productCode', 'Product code'),
  text('title', 'Product title'),
  { name: 'qty', title: 'Quantity', type: 'integer', required: true, placeholder: '1' },
  cents('price', 'Unit price'),
  ...amounts('Line '),
];

export const transactionBody: FieldSpec[] = [
  choice('type', 'Customer identified by', { '1': 'Mobile phone', '2': 'E-mail', '3': 'Employee id' }),
  text('params', 'Customer identifier', { description: 'The phone number, e-mail or employee id, as chosen in "type"' }),
  phonePrefCode(false),
  text('loyaltyCode', 'Loyalty program code'),
  choice('source', 'Source', SOURCE_CODES, { default: '10140001' }),
  required('transactionCode', 'Transaction code', { description: 'Unique order number; a resent order with the same code replaces it' }),
  required('storeCode', 'Store code'),
  text('orderDate', 'Order date', { description: 'yyyy-MM-dd HH:mm:ss', placeholder: '2026-01-31 14:05:00' }),
  choice('direction', 'Direction', ORDER_DIRECTION),
  choice('orderStatus', 'Order status', ORDER_STATUS),
  choice('scorePointStatus', 'Points status', SCORE_POINT_STATUS),
  cents('totalPrice', 'Total price'),
  ...amounts(),
  cents('freight', 'Freight'),
  text('originalCode', 'Original transaction code', { description: 'For returns and exchanges: the transaction they refer to' }),
  { name: 'details', title: 'Order lines', type: 'array', items: transactionDetail },
];

export const productItem: FieldSpec[] = [
  choice('type', 'Product type', { '0': 'Single product', '1': 'Package' }, { config: false }),
  required('code', 'Product code'),
  required('name', 'Product name'),
  text('brand', 'Brand'),
  text('category', 'Category'),
  text('subCategory', 'Sub-category'),
  cents('price', 'Price'),
  text('color', 'Colour'),
  text('size', 'Size'),
  text('season', 'Season'),
  choice('gender', 'Target gender', { Unknown: 'Unknown', Male: 'Male', Female: 'Female' }, { config: false }),
  text('description', 'Description'),
  text('status', 'Status'),
  text('tags', 'Tags'),
];
