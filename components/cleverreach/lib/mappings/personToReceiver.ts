/**
 * OIH Person → CleverReach receiver body (JSONata). CleverReach attribute names are chosen per
 * account, so the names go to both `attributes` (the group's) and `global_attributes`, under the
 * English and the German keys, as the OIH adapter did. Tags are the categories that are plain
 * strings or named "tag"; categories named "group" or "status" are produced by the triggers and
 * are not tags.
 */
export const personToReceiver = `(
  $email := (contactData[type = "email" and $type(value) = "string" and value != ""].value)[0];
  $phone := (contactData[(type = "phone" or type = "mobile") and $type(value) = "string" and value != ""].value)[0];
  $names := {
    "firstname": firstName,
    "vorname": firstName,
    "lastname": lastName,
    "name": lastName,
    "nachname": lastName,
    "salutation": salutation,
    "phone": $phone
  };
  $tags := categories[
    $type($) = "string" or ($type($) = "object" and $type(label) = "string" and ($not($exists(name)) or name = "tag"))
  ].($type($) = "string" ? $ : label);
  {
    "email": $email,
    "attributes": $names,
    "global_attributes": $names,
    "tags": $count($tags) > 0 ? [$tags]
  }
)`;
