import { ConfigurationError, ProviderError, checkbox, describeAction, oihMessage, readRecordUid } from '@oih-suite/kit';
import { reviewToFeedback } from '../mappings/reviewToFeedback';
import { smileback } from '../provider';

/**
 * One review by id (`data.id`, else `metadata.recordUid`), mapped like the reviews trigger. A
 * deleted review is returned as it is (status "deleted"). Unknown ids are an error unless
 * `allowZeroResults` is set; then `{}` is emitted.
 */
export = describeAction(smileback, {
  id: 'lookupReview',
  title: 'Look up a review',
  description: 'Reads one review by id (data.id or metadata.recordUid) and emits it as CSAT feedback',
  in: './lib/schemas/lookupReview.in.json',
  out: './lib/schemas/csatReview.json',
  outputMapping: reviewToFeedback,
  fields: {
    allowZeroResults: checkbox({ label: 'Allow zero results', note: 'Emit {} instead of failing when the review does not exist' }),
  },
  async run(step) {
    const { cfg, settings, input, emitter, applicationUid, emitRecord } = step;
    // Strict (h3): an object or list given as the id is an error naming where it came from.
    const id = readRecordUid(input.data.id, 'data.id') ?? readRecordUid(input.metadata.recordUid) ?? readRecordUid(cfg.reviewId, 'reviewId');
    if (!id) throw new ConfigurationError('data.id', 'give the review id to look up');
    if (!/^\d+$/.test(id)) throw new ConfigurationError('data.id', `"${id}" is not a review id (review ids are whole numbers)`);
    // The client (and the login) only now, after the input was checked.
    const review = await step.client.review(id);
    if (review) await emitRecord(review, { id: String(review.id) });
    else if (settings.allowZeroResults) await emitter.data(oihMessage({}, { applicationUid }));
    else throw new ProviderError(`SmileBack has no review ${id}`, { status: 404, recordId: id });
  },
});
