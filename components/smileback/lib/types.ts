/** Record shapes of the SmileBack Data Replication API v3 (see README "Records"). */

/** `rating`: 1 positive, 0 neutral, -1 negative, null unrated. */
export type Rating = -1 | 0 | 1 | null;

export interface Review {
  id: number;
  rating: Rating;
  comment: string | null;
  ticket: {
    id: string;
    title: string | null;
    segment: { id: string; name: string } | null;
    agents: string[];
    closed_on: string | null;
  } | null;
  contact: { id: string; name: string | null; email: string | null } | null;
  company: {
    id: string;
    name: string | null;
    territory_name?: string | null;
    territory_remote_id?: string | null;
    market_name?: string | null;
    market_remote_id?: string | null;
  } | null;
  status: 'open' | 'done' | 'deleted';
  tags: string[];
  has_marketing_permission: boolean;
  viewed_on: string | null;
  rated_on: string | null;
  permalink: string | null;
  last_modified: string;
}

export interface NpsResponse {
  id: number;
  score: number;
  comment: string | null;
  has_marketing_permission: boolean;
  contact: {
    id: number | string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    company: string | null;
    title: string | null;
    location: string | null;
  } | null;
  contact_remote_id: string | null;
  campaign_name: string | null;
  created_at: string;
}

export interface ProjectResponse {
  response: {
    id: string;
    ratings: { question: string; rating: number; seq_number: number }[];
    comment: string | null;
    survey_name: string | null;
    is_published: boolean;
    has_marketing_permissions: boolean;
    has_google_redirect: boolean;
    project_name: string | null;
    project_company: string | null;
    project_phase: string | null;
    date: string;
    project_status: string | null;
    project_phase_status: string | null;
  };
  contact: { first_name: string | null; last_name: string | null; email: string | null; remote_id: string | null } | null;
}

/** Agents, boards, companies, contacts, campaigns and surveys: an id and a name (more fields pass through). */
export interface ReferenceRecord {
  id: string | number;
  name?: string | null;
  [field: string]: unknown;
}

/** Django REST Framework's LimitOffsetPagination envelope. */
export interface Envelope<T> {
  count?: number;
  next?: string | null;
  previous?: string | null;
  results: T[];
}
