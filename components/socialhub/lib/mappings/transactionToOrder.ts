/**
 * SocialHub transaction → order, after the OIH example order (orderNumber, customerNumber, date,
 * lineItems, total). Differences, documented in schemas/order.json: customerNumber is SocialHub's
 * consumer code (text), money is converted from cents to currency units, and status, direction,
 * store and discounts are kept.
 */
export const transactionToOrder = `(
  /* $wallTimeToIso reads SocialHub's zone-less times in the trigger's time zone; without it, UTC. */
  $iso := function($t) { $t ? ($exists($wallTimeToIso) ? $wallTimeToIso($t) : ($contains($t, 'T') ? $t : $replace($t, ' ', 'T') & 'Z')) };
  $units := function($c) { $exists($c) ? $c / 100 };
  {
    "orderNumber": transactionCode,
    "customerNumber": consumerCode,
    "date": $iso(orderDate),
    "lastModified": $iso(updateTime),
    "storeCode": storeCode,
    "status": $lookup({"0": "paid", "1": "shipped", "2": "delivered", "3": "returned"}, $string(orderStatus)),
    "direction": $lookup({"0": "normal", "1": "return", "2": "exchange"}, $string(direction)),
    "originalOrderNumber": originalCode,
    "lineItems": [details#$i.{
      "position": $i + 1,
      "articleUid": productCode,
      "description": title ? title : productCode,
      "quantity": qty,
      "cost": $units(price),
      "amount": $units(totalAmount)
    }],
    "total": $units(totalAmount),
    "discount": $units(totalDisAmount),
    "freight": $units(freight)
  }
)`;
