/**
 * The demo flow's own transformations (JSONata over `{metadata, data}`, as a flow's transformer
 * step or a step's `customMapping` would hold them). They read the Smileback trigger's built-in
 * output (the CSAT feedback model: `ratingLabel`, `contact` already an OIH Person, ...).
 */

/**
 * Feedback → OIH Person: the review's contact as the trigger mapped it, tagged with the rating
 * (`Smileback.positive` ...; "-Tag" removes the other rating tags, CleverReach's upsert convention).
 */
export const REVIEW_TO_PERSON = `(
  $tag := "Smileback." & data.ratingLabel;
  $all := ["Smileback.positive", "Smileback.neutral", "Smileback.negative", "Smileback.unrated"];
  $c := data.contact;
  {
    "firstName": $c.firstName,
    "lastName": $c.lastName,
    "contactData": [$c.contactData],
    "oihApplicationRecords": [$c.oihApplicationRecords],
    "categories": [{ "name": "group", "label": "Customers" }, $tag, $all[$ != $tag].("-" & $)]
  }
)`;

/**
 * A batch of feedback records → SocialHub customer events, one per review. The eventId is stable
 * per review version, so a resent batch adds nothing at SocialHub.
 */
export const REVIEWS_TO_EVENTS = `{
  "events": [data.reviews.{
    "eventKey": "smileback_review",
    "eventType": "track",
    "eventTime": ratedOn ? ratedOn : lastModified,
    "customerCode": (contact.contactData[type = "email"].value)[0] ? (contact.contactData[type = "email"].value)[0] : "smileback-contact-" & (contact.oihApplicationRecords.recordUid)[0],
    "eventId": "smileback-review-" & reviewId & "-" & lastModified,
    "properties": {
      "reviewId": reviewId,
      "rating": ratingLabel,
      "score": score,
      "comment": comment,
      "ticket": ticket.id,
      "board": ticket.board.name
    }
  }]
}`;
