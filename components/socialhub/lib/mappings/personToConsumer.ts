/**
 * OIH Person → SocialHub consumer (upsertConsumer's input). A phone written "+49 151 2345"
 * splits into prefix and number; without a separator the step's default prefix applies.
 * Absent values stay absent, so an update never blanks a field the Person does not carry.
 * SocialHub keeps one address line and a postal code: the line is the street and house number
 * (`consumerToPerson` reads them back apart); city, region and country have no field and are not sent.
 */
export const personToConsumer = `(
  $email := contactData[type = 'email'][0].value;
  $phone := contactData[type in ['mobile', 'phone']][0].value;
  $parts := $phone ? $match($phone, /^(\\+\\d{1,4})[ -]+(.+)$/)[0].groups;
  $name := displayName ? displayName : $join([firstName, middleName, lastName][$ != ''], ' ');
  $address := addresses[0];
  $line := $join([$address.street, $exists($address.streetNumber) ? $string($address.streetNumber)][$ and $ != ''], ' ');
  {
    "name": $name != '' ? $name,
    "gender": gender = 'male' ? 1 : gender = 'female' ? 2 : gender = '' ? 0,
    "birthday": birthday ? $substring(birthday, 0, 10),
    "email": $email,
    "mobilePhone": $phone ? $replace($parts ? $parts[1] : $phone, /[^0-9]/, ''),
    "phonePrefCode": $parts[0],
    "address": $line != '' ? $line,
    "postelCode": $address.zipCode
  }
)`;
