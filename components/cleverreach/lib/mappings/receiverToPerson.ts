/**
 * CleverReach receiver → OIH Person (JSONata). Attribute names are defined per account, so
 * names are read from the group's `attributes` first, then `global_attributes`, each under the
 * English and the German key; the first non-empty value wins. `groups` is added by the triggers.
 * The status follows the group memberships, else the receiver's own `active` flag, else its stamps
 * (the same rule as `isActive` in lib/timestamps.ts).
 */
export const receiverToPerson = `(
  $a := $type(attributes) = "object" ? attributes : {};
  $g := $type(global_attributes) = "object" ? global_attributes : {};
  $pick := function($values) { ($values[$type($) = "string" and $trim($) != ""])[0] };
  $first := $pick([$a.firstname, $a.vorname, $g.firstname, $g.vorname]);
  $last := $pick([$a.lastname, $a.name, $a.nachname, $g.lastname, $g.name, $g.nachname]);
  $salutation := $pick([$a.salutation, $a.anrede, $g.salutation, $g.anrede]);
  $phone := $pick([$a.phone, $a.telefon, $g.phone, $g.telefon]);
  $active := $exists(groups) ? $count(groups[active = true]) > 0 : ($type(active) = "boolean" ? active : (activated > 0 and deactivated = 0));
  {
    "firstName": $first,
    "lastName": $last,
    "salutation": $salutation,
    "contactData": [
      $type(email) = "string" and email != "" ? { "type": "email", "value": email },
      $phone ? { "type": "phone", "value": $phone }
    ],
    "categories": [
      ($type(tags) = "array" ? tags : [])[$type($) = "string"].{ "name": "tag", "label": $ },
      groups.{ "name": "group", "label": name },
      { "name": "status", "label": $active ? "active" : "inactive" }
    ]
  }
)`;
