/**
 * SocialHub consumer → OIH Person. SocialHub keeps one name string: it becomes displayName and is
 * split at the first space into firstName/lastName. The one-line address goes to `street`.
 */
export const consumerToPerson = `(
  $first := $contains(name, ' ') ? $substringBefore(name, ' ') : name;
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
      (address or postelCode) ? {"street": address, "zipCode": postelCode, "label": "primary"}
    ]
  }
)`;
