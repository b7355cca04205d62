import { applicationRecord } from './applicationRecord';
import { organizationFromCompany } from './organizationFromCompany';
import { personFromContact } from './personFromContact';

/**
 * SmileBack review → our CSAT feedback model (`lib/schemas/csatReview.json`; OIH has no model for
 * feedback). `score` is the review's contribution to Net CSAT (+100 / 0 / −100, null unrated);
 * the contact and company become an OIH Person and Organization.
 */
export const reviewToFeedback = `(
  $labels := { "1": "positive", "0": "neutral", "-1": "negative" };
  $rated := $type(rating) = "number";
  {
    "reviewId": $string(id),
    "rating": $rated ? rating : null,
    "ratingLabel": $rated ? $lookup($labels, $string(rating)) : "unrated",
    "score": $rated ? rating * 100 : null,
    "comment": $type(comment) = "string" ? comment : null,
    "status": status,
    "tags": [$type(tags) = "array" ? tags[$type($) = "string"]],
    "hasMarketingPermission": has_marketing_permission = true,
    "viewedOn": $type(viewed_on) = "string" ? viewed_on : null,
    "ratedOn": $type(rated_on) = "string" ? rated_on : null,
    "lastModified": last_modified,
    "permalink": $type(permalink) = "string" ? permalink : null,
    "ticket": $type(ticket) = "object" ? ticket.{
      "id": $string(id),
      "title": $type(title) = "string" ? title : null,
      "board": $type(segment) = "object" ? { "id": $string(segment.id), "name": segment.name } : null,
      "agents": [$type(agents) = "array" ? agents[$type($) = "string"]],
      "closedOn": $type(closed_on) = "string" ? closed_on : null
    } : null,
    "contact": $type(contact) = "object" ? contact.$merge([${personFromContact}, { ${applicationRecord('id')} }]) : null,
    "company": $type(company) = "object" ? company.$merge([${organizationFromCompany}, { ${applicationRecord('id')} }]) : null
  }
)`;
