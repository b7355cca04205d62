import type { SimResponse } from '@oih-suite/kit/simulator';

/** SocialHub answers everything in `{code, msg, data}`; business errors keep HTTP 200. */
export const ok = (data: unknown = null): SimResponse => ({ status: 200, body: { code: '200', msg: 'success', data } });

export const fail = (code: string, msg: string, status = 200): SimResponse => ({ status, body: { code, msg, resultMessage: msg, data: null } });

/** Thrown by handlers; the router turns it into a business error. */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function need(body: Record<string, unknown>, ...fields: string[]): void {
  for (const field of fields) {
    const v = body[field];
    if (v === undefined || v === null || v === '') throw new BusinessError('400', `${field} is required`);
  }
}

/** `pageNo`/`pageSize` as SocialHub checks them: 1-based, at most 100 per page. */
export function paging(source: Record<string, unknown>): { pageNo: number; pageSize: number } {
  const pageNo = Number(source.pageNo ?? 1);
  const pageSize = Number(source.pageSize ?? 10);
  if (!Number.isInteger(pageNo) || pageNo < 1) throw new BusinessError('400', 'pageNo must be a positive integer');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new BusinessError('400', 'pageSize must be between 1 and 100');
  return { pageNo, pageSize };
}

export function page<T>(items: T[], p: { pageNo: number; pageSize: number }): { list: T[]; total: number; pageNo: number; pageSize: number } {
  const start = (p.pageNo - 1) * p.pageSize;
  return { list: items.slice(start, start + p.pageSize), total: items.length, pageNo: p.pageNo, pageSize: p.pageSize };
}

/** The page of `items[range.lo..range.hi)` (already filtered and sorted), without copying the rest. */
export function pageRange<T>(
  items: T[],
  range: { lo: number; hi: number },
  p: { pageNo: number; pageSize: number },
): { list: T[]; total: number; pageNo: number; pageSize: number } {
  const start = range.lo + (p.pageNo - 1) * p.pageSize;
  return { list: items.slice(start, Math.min(range.hi, start + p.pageSize)), total: range.hi - range.lo, pageNo: p.pageNo, pageSize: p.pageSize };
}
