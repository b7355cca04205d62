/**
 * The records the simulator serves, as SmileBack's Data Replication API v3 documents them. The
 * simulator keeps its own copy of the shapes (not the connector's `lib/types.ts`), so a wrong
 * assumption in the connector cannot hide by being shared with the fake it is tested against.
 */

/** A text field the API may leave null. */
type Text = string | null;

export interface Review {
  id: number;
  /** 1 positive, 0 neutral, -1 negative, null while unrated. */
  rating: 1 | 0 | -1 | null;
  comment: Text;
  ticket: { id: string; title: Text; segment: { id: string; name: string } | null; agents: string[]; closed_on: Text } | null;
  contact: { id: string; name: Text; email: Text } | null;
  company: ReviewCompany | null;
  status: 'open' | 'done' | 'deleted';
  tags: string[];
  has_marketing_permission: boolean;
  viewed_on: Text;
  rated_on: Text;
  permalink: Text;
  /** ISO 8601 with microseconds; `modified_since` filters on it. */
  last_modified: string;
}

/** The company block of a review: the PSA's territory and market come as name and remote id. */
export interface ReviewCompany {
  id: string;
  name: Text;
  territory_name?: Text;
  territory_remote_id?: Text;
  market_name?: Text;
  market_remote_id?: Text;
}

export interface NpsResponse {
  id: number;
  score: number;
  comment: Text;
  has_marketing_permission: boolean;
  contact: { id: number | string; first_name: Text; last_name: Text; email: Text; company: Text; title: Text; location: Text } | null;
  contact_remote_id: Text;
  campaign_name: Text;
  /** `created_since` filters on it. */
  created_at: string;
}

/** A project-survey response: the answers under `response`, the person under `contact`. */
export interface ProjectResponse {
  response: {
    id: string;
    ratings: { question: string; rating: number; seq_number: number }[];
    comment: Text;
    survey_name: Text;
    is_published: boolean;
    has_marketing_permissions: boolean;
    has_google_redirect: boolean;
    project_name: Text;
    project_company: Text;
    project_phase: Text;
    date: string;
    project_status: Text;
    project_phase_status: Text;
  };
  contact: { first_name: Text; last_name: Text; email: Text; remote_id: Text } | null;
}

/** Agents, boards, companies, contacts, campaigns, surveys: an id (integer or string by list) and a name. */
export interface ReferenceRecord {
  id: string | number;
  name?: Text;
  [field: string]: unknown;
}
