/**
 * A row of the groups export (one agent in one group) → OIH Person. The group becomes a category;
 * the first word of the name is the first name, the rest the last name.
 */
export const agentToPerson = `(
  $parts := $split($trim(agent_name), ' ');
  {
    "firstName": $parts[0],
    "lastName": $count($parts) > 1 ? $join($parts[[1..$count($parts) - 1]], ' ') : "",
    "displayName": agent_name,
    "contactData": agent_email ? [{ "type": "email", "value": agent_email, "label": "businessEmail" }] : [],
    "categories": group_name ? [{ "name": group_name, "label": "maestroqaGroup" }] : []
  }
)`;
