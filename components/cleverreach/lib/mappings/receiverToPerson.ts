/**
 * CleverReach receiver → OIH Person (JSONata). Attribute names are defined per account, so
 * names are read from the group's `attributes` first, then `global_attributes`, each under the
 * English and the German key; the first non-blank text wins. `groups` is added by the triggers.
 * Categories follow the OIH convention: `name` is the value (a tag, a group's name, "active" or
 * "inactive"), `label` says which kind it is ("tag", "group", "status"). The status follows the
 * group memberships, else the receiver's own `active` flag, else its stamps (the same rule as
 * `isActive` in lib/timestamps.ts).
 *
 * Written for speed (issue 14): JSONata evaluates every node as an async call, so what counts is
 * how many nodes a record evaluates. Each pick is a chain of conditions that stops at the first
 * hit instead of building an array of all candidates and filtering it; text is tested with
 * operators (`v = v & ""` holds only for text, `v >= "!"` for text that starts with a visible
 * character; only other non-empty text asks `$trim`); `x = x` is true for any value that exists.
 * Per record this still evaluates about 60 nodes: see the README's Performance section.
 */
export const receiverToPerson = `(
  $phone := ${pick(['attributes.phone', 'attributes.telefon', 'global_attributes.phone', 'global_attributes.telefon'])};
  {
    "firstName": ${pick(['attributes.firstname', 'attributes.vorname', 'global_attributes.firstname', 'global_attributes.vorname'])},
    "lastName": ${pick(['attributes.lastname', 'attributes.name', 'attributes.nachname', 'global_attributes.lastname', 'global_attributes.name', 'global_attributes.nachname'])},
    "salutation": ${pick(['attributes.salutation', 'attributes.anrede', 'global_attributes.salutation', 'global_attributes.anrede'])},
    "contactData": [
      email = email & "" and email != "" ? { "type": "email", "value": email },
      $phone ? { "type": "phone", "value": $phone }
    ],
    "categories": [
      tags[$ = $ & ""].{ "name": $, "label": "tag" },
      groups.{ "name": name, "label": "group" },
      { "name": (groups = groups ? true in groups.active : active = true or active = false ? active : activated > 0 and deactivated = 0) ? "active" : "inactive", "label": "status" }
    ]
  }
)`;

/** The first of `paths` that holds non-blank text, as one JSONata condition chain. */
function pick(paths: string[]): string {
  return paths.map((p) => `${p} = ${p} & "" and (${p} >= "!" or ${p} != "" and $trim(${p}) != "") ? ${p}`).join(' : ');
}
