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

/**
 * A batch of Smileback reviews → SocialHub customer events, one per review. The eventId is stable
 * per review version, so a resent batch adds nothing at SocialHub.
 */
export const REVIEWS_TO_EVENTS = `{
  "events": [data.reviews.{
    "eventKey": "smileback_review",
    "eventType": "track",
    "eventTime": rated_on ? rated_on : last_modified,
    "customerCode": contact.email ? contact.email : $string(contact.id),
    "eventId": "smileback-review-" & $string(id) & "-" & $string(last_modified),
    "properties": {
      "reviewId": $string(id),
      "rating": rating,
      "comment": comment,
      "ticket": ticket.id
    }
  }]
}`;
