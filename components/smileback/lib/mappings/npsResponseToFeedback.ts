import { applicationRecord } from './applicationRecord';

/**
 * SmileBack NPS response → our NPS feedback model (`lib/schemas/npsResponse.json`). `category`
 * follows the NPS definition: 9–10 promoter, 7–8 passive, 0–6 detractor.
 */
export const npsResponseToFeedback = `(
  $c := $type(contact) = "object" ? contact : {};
  $text := function($v) { $type($v) = "string" and $trim($v) != "" ? $v };
  {
    "responseId": $string(id),
    "score": score,
    "category": score >= 9 ? "promoter" : (score >= 7 ? "passive" : "detractor"),
    "comment": $type(comment) = "string" ? comment : null,
    "campaignName": $type(campaign_name) = "string" ? campaign_name : null,
    "createdAt": created_at,
    "hasMarketingPermission": has_marketing_permission = true,
    "contact": $type(contact) = "object" ? {
      "firstName": $text($c.first_name),
      "lastName": $text($c.last_name),
      "jobTitle": $text($c.title),
      "contactData": [$text($c.email) ? { "type": "email", "value": $c.email, "label": "businessEmail" }],
      ${applicationRecord('$exists($c.id) ? $c.id : contact_remote_id')}
    } : null,
    "company": $text($c.company) ? { "name": $c.company } : null,
    "contactRemoteId": $type(contact_remote_id) = "string" ? contact_remote_id : null,
    "location": $text($c.location) ? $c.location : null
  }
)`;
