import { Config, definePollingTrigger, firstPresent, parseTimestamp, requireString } from '@oih-suite/kit';
import { pointsRecordToMovement } from '../mappings/pointsRecordToMovement';
import { APPLICATION_UID, clientFor } from '../steps/context';
import { MAX_PAGE_SIZE, operationPages } from '../steps/pages';
import { POINTS_RECORD_ID_FIELDS, PointsRecord } from '../steps/records';

/**
 * New and changed points movements of one points account. SocialHub filters by beginDate and
 * endDate (epoch ms) and lists the oldest first, so the kit moves the cursor after each page.
 */
export = definePollingTrigger<Config, PointsRecord>({
  name: 'getPointsRecordsPolling',
  applicationUid: APPLICATION_UID,
  pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
  cursor: (record) => parseTimestamp(record.updateTime ?? record.createTime),
  id: (record) => firstPresent(record, POINTS_RECORD_ID_FIELDS),
  idField: POINTS_RECORD_ID_FIELDS.join(' | '),
  mapping: pointsRecordToMovement,
  source: (ctx) => {
    const accountCode = requireString(ctx.cfg, 'accountCode');
    const client = clientFor(ctx);
    const filter = { accountCode, status: ctx.cfg.status };
    return {
      order: 'ascending',
      pages: (window) =>
        operationPages<PointsRecord>(client, 'getPointsRecords', { ...filter, beginDate: window.since, endDate: window.until }, window.pageSize),
    };
  },
});
