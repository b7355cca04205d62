/** SocialHub store → OIH Organization; the store type and status become categories. */
export const storeToOrganization = `{
  "name": organizationName ? organizationName : enName,
  "categories": [
    {"name": $lookup({"1": "headquarters", "99": "store"}, $string(type)), "label": "storeType"},
    {"name": $lookup({"10": "open", "20": "closed"}, $string(storeStatus)), "label": "storeStatus"}
  ][name]
}`;
