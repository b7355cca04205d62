/**
 * SmileBack project-survey response (`{response, contact}`) → our project feedback model
 * (`lib/schemas/projectResponse.json`). Ratings are 1–5 per question.
 */
export const projectResponseToFeedback = `(
  $r := response;
  $c := $type(contact) = "object" ? contact : {};
  $text := function($v) { $type($v) = "string" and $trim($v) != "" ? $v };
  $ratings := $type($r.ratings) = "array" ? $r.ratings[$type(rating) = "number"] : [];
  {
    "responseId": $string($r.id),
    "surveyName": $text($r.survey_name) ? $r.survey_name : null,
    "date": $r.date,
    "comment": $text($r.comment) ? $r.comment : null,
    "published": $r.is_published = true,
    "hasMarketingPermission": $r.has_marketing_permissions = true,
    "ratings": [$ratings.{ "question": question, "rating": rating, "sequence": seq_number }],
    "averageRating": $count($ratings) > 0 ? $round($average($ratings.rating), 2) : null,
    "project": {
      "name": $text($r.project_name) ? $r.project_name : null,
      "company": $text($r.project_company) ? $r.project_company : null,
      "phase": $text($r.project_phase) ? $r.project_phase : null,
      "status": $text($r.project_status) ? $r.project_status : null,
      "phaseStatus": $text($r.project_phase_status) ? $r.project_phase_status : null
    },
    "contact": $type(contact) = "object" ? {
      "firstName": $text($c.first_name),
      "lastName": $text($c.last_name),
      "contactData": [$text($c.email) ? { "type": "email", "value": $c.email, "label": "businessEmail" }],
      "oihApplicationRecords": $text($c.remote_id) ? [{ "applicationUid": "smileback", "recordUid": $c.remote_id }]
    } : null,
    "company": $text($r.project_company) ? { "name": $r.project_company } : null
  }
)`;
