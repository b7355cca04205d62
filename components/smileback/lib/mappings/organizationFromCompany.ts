/**
 * A SmileBack company (of a review, or a `/v3/csat-companies/` record) → OIH Organization
 * (JSONata). Territory and market are PSA classifications, not addresses: they become categories.
 */
export const organizationFromCompany = `{
  "name": $type(name) = "string" ? name : "",
  "categories": [
    $type(territory_name) = "string" and territory_name != "" ? { "name": "territory", "label": territory_name },
    $type(market_name) = "string" and market_name != "" ? { "name": "market", "label": market_name }
  ]
}`;
