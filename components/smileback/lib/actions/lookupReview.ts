import { ConfigurationError, ProviderError, defineAction, oihMessage, readBoolean, readRecordUid } from '@oih-suite/kit';
import type { SmilebackConfig } from '../auth';
import { APPLICATION_UID, createClient } from '../client';
import { reviewToFeedback } from '../mappings/reviewToFeedback';
import { shutdown } from '../shutdown';

/**
 * One review by id (`data.id`, else `metadata.recordUid`), mapped like the reviews trigger. A
 * deleted review is returned as it is (status "deleted"). Unknown ids are an error unless
 * `allowZeroResults` is set; then `{}` is emitted.
 */
const action = defineAction<SmilebackConfig>({
  name: 'lookupReview',
  outputMapping: reviewToFeedback,
  run: async ({ cfg, log, redactor, emitter, input, output }) => {
    const id = readRecordUid(input.data.id, 'data.id') ?? readRecordUid(input.metadata.recordUid) ?? readRecordUid(cfg.reviewId, 'reviewId');
    if (!id) throw new ConfigurationError('data.id', 'give the review id to look up');
    if (!/^\d+$/.test(id)) throw new ConfigurationError('data.id', `"${id}" is not a review id (review ids are whole numbers)`);
    const review = await createClient({ cfg, log, redactor, emitter }).review(id);
    if (!review) {
      if (readBoolean(cfg, 'allowZeroResults', false)) {
        await emitter.data(oihMessage({}, { applicationUid: APPLICATION_UID }));
        return;
      }
      throw new ProviderError(`SmileBack has no review ${id}`, { status: 404, recordId: id });
    }
    await emitter.data(await output.apply(oihMessage(review, { recordUid: String(review.id), applicationUid: APPLICATION_UID })));
  },
});

export = { ...action, shutdown };
