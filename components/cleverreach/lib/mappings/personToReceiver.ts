/**
 * OIH Person → CleverReach receiver body (JSONata). CleverReach attribute names are chosen per
 * account, so the names go to both `attributes` (the group's) and `global_attributes`, under the
 * English and the German key, as the OIH adapter did.
 *
 * Tags are the categories that are not a group or a status (the triggers produce those): a plain
 * string; an object's `name` (the OIH convention, `{name: "Customer", label: "tag"}`) unless its
 * `label` is "group" or "status"; an object's `label` when it has no `name` (other adapters send
 * `{uid, label}`). This component's older categories (`{name: "tag", label: "Customer"}`) still
 * count: when `name` is "tag", "group" or "status" it is the kind and `label` the value.
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
  $kinds := ["tag", "group", "status"];
  $tags := categories.(
    $type($) = "string" ? $ :
    $type(name) = "string" and name in $kinds ? (name = "tag" and $type(label) = "string" ? label) :
    $type(name) = "string" ? ($not(label in ["group", "status"]) ? name) :
    $type(label) = "string" ? label
  );
  {
    "email": $email,
    "attributes": $names,
    "global_attributes": $names,
    "tags": $count($tags) > 0 ? [$tags]
  }
)`;
