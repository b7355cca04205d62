/**
 * A SmileBack contact (`{id, name, email}` of a review, or a `/v3/csat-contacts/` record) → OIH
 * Person (JSONata). SmileBack keeps one display name; it is split at the first space, and a
 * one-word name becomes the last name, so nothing is invented.
 */
export const personFromContact = `(
  $name := $type(name) = "string" ? $trim(name) : "";
  $split := $contains($name, " ");
  {
    "firstName": $split ? $substringBefore($name, " "),
    "lastName": $split ? $trim($substringAfter($name, " ")) : ($name != "" ? $name),
    "displayName": $name != "" ? $name,
    "contactData": [$type(email) = "string" and email != "" ? { "type": "email", "value": email, "label": "businessEmail" }]
  }
)`;
