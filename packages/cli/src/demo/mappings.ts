/**
 * The demo flow's own transformations (JSONata over `{metadata, data}`, as a flow's transformer
 * step or a step's `customMapping` would hold them).
 */

/**
 * A Smileback review → OIH Person: the review's contact, in the CleverReach group "Customers",
 * tagged with the rating ("-Tag" removes the other rating tags, CleverReach's upsert convention).
 */
export const REVIEW_TO_PERSON = `(
  $c := data.contact;
  $name := $type($c.name) = "string" ? $split($trim($c.name), " ") : [];
  $rating := data.rating;
  $tag := $rating = 1 ? "Smileback.Positive" : $rating = 0 ? "Smileback.Neutral" : $rating = -1 ? "Smileback.Negative" : "Smileback.Unrated";
  $others := ["Smileback.Positive", "Smileback.Neutral", "Smileback.Negative", "Smileback.Unrated"][$ != $tag];
  {
    "firstName": $count($name) > 1 ? $join($name[[0..$count($name) - 2]], " ") : $name[0],
    "lastName": $count($name) > 1 ? $name[-1],
    "contactData": $c.email ? [{ "type": "email", "value": $c.email }] : [],
    "categories": [{ "name": "group", "label": "Customers" }, $tag, $others.("-" & $)]
  }
)`;

/** A Smileback review → one SocialHub customer event. */
export const REVIEW_TO_EVENT = `{
  "eventKey": "smileback_review",
  "eventType": "track",
  "eventTime": data.rated_on ? data.rated_on : data.last_modified,
  "customerCode": data.contact.email ? data.contact.email : $string(data.contact.id),
  "eventId": "smileback-review-" & $string(metadata.recordUid) & "-" & $string(data.last_modified),
  "properties": {
    "reviewId": metadata.recordUid,
    "rating": data.rating,
    "comment": data.comment,
    "ticket": data.ticket.id
  }
}`;
