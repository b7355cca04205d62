/**
 * SocialHub consumer → OIH Person. SocialHub keeps one name string: it becomes displayName and is
 * split at the first space into firstName/lastName. The one address line is the street; a house
 * number at its end ("Nanjing Rd 5", "Hauptstr. 12a") becomes `streetNumber` (a number when it is
 * digits only, as the OIH model types it), so what `personToConsumer` wrote comes back apart.
 */
export const consumerToPerson = `(
  $first := $contains(name, ' ') ? $substringBefore(name, ' ') : name;
  $house := $type(address) = 'string' ? $match(address, /^\\s*(.*\\S)\\s+(\\d+)(\\s?[a-zA-Z])?\\s*$/)[0].groups;
  {
    "displayName": name,
    "firstName": $first,
    "lastName": $contains(name, ' ') ? $substringAfter(name, ' '),
    "gender": $lookup({"1": "male", "2": "female"}, $string(gender)) ? $lookup({"1": "male", "2": "female"}, $string(gender)) : "",
    "birthday": birthday,
    "contactData": [
      email ? {"type": "email", "value": email, "label": "privateEmail"},
      mobilePhone ? {"type": "phone", "value": $join([phonePrefCode, mobilePhone][$ and $ != ''], ' '), "label": "privateMobile"}
    ],
    "addresses": [
      $house ? {
        "street": $house[0],
        "streetNumber": $house[2] ? $house[1] & $house[2] : $number($house[1]),
        "zipCode": postelCode,
        "label": "primary"
      } : (address or postelCode) ? {"street": address, "zipCode": postelCode, "label": "primary"}
    ]
  }
)`;
