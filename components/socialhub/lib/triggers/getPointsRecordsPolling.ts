import { describeStream, firstPresent, operationStepFields, parseTimestamp, text } from '@oih-suite/kit';
import { pointsRecordToMovement } from '../mappings/pointsRecordToMovement';
import { OPERATIONS } from '../operations/table';
import { socialhub } from '../provider';
import { MAX_PAGE_SIZE, operationPages } from '../steps/pages';
import { POINTS_RECORD_ID_FIELDS, PointsRecord } from '../steps/records';

/** The list operation's status filter, offered as the trigger's field (checked with the request, before it is sent). */
const { status } = operationStepFields(OPERATIONS.getPointsRecords.queryFields!.filter((f) => f.name === 'status'));

/**
 * New and changed points movements of one points account. SocialHub filters by beginDate and
 * endDate (epoch ms) and lists the oldest first, so the kit moves the cursor after each page.
 */
export = describeStream(socialhub, {
  id: 'getPointsRecordsPolling',
  title: 'New points movements',
  description: 'Points management: polls the new and changed points records of one points account (beginDate from the snapshot).',
  out: './lib/schemas/pointsMovement.json',
  changes: 'since',
  pageSize: { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE },
  mapping: pointsRecordToMovement,
  fields: {
    accountCode: text({
      label: 'Points account code',
      required: true,
      placeholder: 'PA00001',
      note: 'The points account to watch (see Get points account)',
    }),
    status,
  },
  read: ({ client, settings }) => {
    const filter = { accountCode: settings.accountCode, status: settings.status };
    return {
      pages: (window) =>
        operationPages<PointsRecord>(client, 'getPointsRecords', { ...filter, beginDate: window.since, endDate: window.until }, window.pageSize),
      cursor: (record: PointsRecord) => parseTimestamp(record.updateTime ?? record.createTime),
      id: (record: PointsRecord) => firstPresent(record, POINTS_RECORD_ID_FIELDS),
      idField: POINTS_RECORD_ID_FIELDS.join(' | '),
    };
  },
});
