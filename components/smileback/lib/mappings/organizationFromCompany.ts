/**
 * A SmileBack company (of a review, or a `/v3/csat-companies/` record) → OIH Organization
 * (JSONata). Territory and market are PSA classifications, not addresses: they become categories,
 * as the OIH model has them: `name` is the category itself ("North"), `label` says what kind.
 */
export const organizationFromCompany = `{
  "name": $type(name) = "string" ? name : "",
  "categories": [
    $type(territory_name) = "string" and territory_name != "" ? { "name": territory_name, "label": "territory" },
    $type(market_name) = "string" and market_name != "" ? { "name": market_name, "label": "market" }
  ]
}`;
