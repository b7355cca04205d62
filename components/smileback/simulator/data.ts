import { SeededRandom } from '@oih-suite/kit/simulator';
import type { NpsResponse, ProjectResponse, ReferenceRecord, Review } from './records';

/** Names and words the seeded data is made of (invented, no real people). */
const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca', 'Mara', 'Nils', 'Olga'];
const LAST = ['Archer', 'Berg', 'Costa', 'Dahl', 'Ekholm', 'Fischer', 'Gray', 'Holm', 'Ivanova', 'Jensen', 'Keller', 'Lund'];
const COMPANIES = ['Northwind Traders', 'Blue Harbor Dental', 'Kestrel Logistics', 'Maple & Co', 'Orbit Bakery', 'Pinecrest Law', 'Quarry Labs'];
const TERRITORIES = ['North', 'South', 'East', 'West'];
const MARKETS = ['Manufacturing', 'Healthcare', 'Retail', 'Legal', 'Finance'];
const BOARDS = ['Service Desk', 'Engineering', 'Projects', 'Onboarding', 'Field Service'];
const AGENTS = ['AshK', 'NiamhF', 'TomasR', 'PriyaS', 'LeoM', 'SanaB', 'IvanP', 'ZoeW'];
const TICKETS = ['Printer offline', 'VPN drops', 'New laptop', 'Password reset', 'Mailbox full', 'SL report issue', 'Backup failed'];
const COMMENTS = ['quick fix, thanks', 'took too long', 'great service', null, 'ok', 'friendly and fast', null, 'still broken'];
const CAMPAIGNS = ['Quarterly NPS', 'Onboarding NPS'];
const SURVEYS = ['Project close-out', 'Phase review'];
const QUESTIONS = ['Budget management', 'Communication', 'Timeliness', 'Quality of work'];

export interface ReferenceLists {
  'csat-agents': ReferenceRecord[];
  'csat-boards': ReferenceRecord[];
  'csat-companies': ReferenceRecord[];
  'csat-contacts': ReferenceRecord[];
  'nps-campaigns': ReferenceRecord[];
  'prj-surveys': ReferenceRecord[];
}

export type ReferenceKind = keyof ReferenceLists;

export function seededReference(random: SeededRandom, contacts: number): ReferenceLists {
  return {
    'csat-agents': AGENTS.map((name, i) => ({ id: String(i + 1), name })),
    'csat-boards': BOARDS.map((name, i) => ({ id: String(i + 1), name })),
    'csat-companies': COMPANIES.map((name, i) => ({ id: 500 + i, name })),
    'csat-contacts': Array.from({ length: contacts }, (_, i) => ({ id: 2500 + i, name: `${random.pick(FIRST)} ${random.pick(LAST)}` })),
    'nps-campaigns': CAMPAIGNS.map((name, i) => ({ id: String(i + 1), name })),
    'prj-surveys': SURVEYS.map((name) => ({ id: uuid(random), name })),
  };
}

/** One realistic review; `rating` null = unrated (then `rated_on` is null too). */
export function seededReview(random: SeededRandom, id: number, ref: ReferenceLists, rating: Review['rating'], status: Review['status']): Review {
  const contact = random.pick(ref['csat-contacts']);
  const companyIndex = random.int(0, ref['csat-companies'].length - 1);
  const company = ref['csat-companies'][companyIndex];
  const board = random.pick(ref['csat-boards']) ?? { id: '1', name: BOARDS[0] };
  const ticketId = String(2_860_000 + id);
  const [first, last] = String(contact?.name ?? 'Sam Doe').split(' ');
  return {
    id,
    rating,
    comment: rating === null ? null : random.pick(COMMENTS),
    ticket: {
      id: ticketId,
      title: random.pick(TICKETS),
      segment: { id: String(board.id), name: String(board.name) },
      agents: [random.pick(AGENTS), ...(random.next() < 0.3 ? [random.pick(AGENTS)] : [])],
      closed_on: null,
    },
    contact: contact ? { id: String(contact.id), name: `${first} ${last}`, email: `${first}.${last}@example.com`.toLowerCase() } : null,
    company: company
      ? {
          id: String(company.id),
          name: String(company.name),
          territory_name: TERRITORIES[companyIndex % TERRITORIES.length],
          territory_remote_id: String((companyIndex % TERRITORIES.length) + 1),
          market_name: MARKETS[companyIndex % MARKETS.length],
          market_remote_id: String((companyIndex % MARKETS.length) + 10),
        }
      : null,
    status,
    tags: random.next() < 0.2 ? ['vip'] : [],
    has_marketing_permission: random.next() < 0.5,
    viewed_on: null,
    rated_on: null,
    permalink: `https://app.smileback.io/reviews/${ticketId}/`,
    last_modified: '',
  };
}

export function seededNps(random: SeededRandom, id: number, ref: ReferenceLists): NpsResponse {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  return {
    id,
    score: random.int(0, 10),
    comment: random.pick(COMMENTS),
    has_marketing_permission: random.next() < 0.5,
    contact: {
      id: 7000 + id,
      first_name: first,
      last_name: last,
      email: `${first}.${last}@example.com`.toLowerCase(),
      company: random.pick(COMPANIES),
      title: random.pick(['CTO', 'Office manager', 'Owner', null]),
      location: random.pick(['Berlin', 'Auckland', 'Austin', null]),
    },
    contact_remote_id: String(9000 + id),
    campaign_name: String((random.pick(ref['nps-campaigns']) ?? { name: CAMPAIGNS[0] }).name),
    created_at: '',
  };
}

export function seededProjectResponse(random: SeededRandom, ref: ReferenceLists): ProjectResponse {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const questions = QUESTIONS.slice(0, random.int(2, QUESTIONS.length));
  return {
    response: {
      id: uuid(random),
      ratings: questions.map((question, i) => ({ question, rating: random.int(1, 5), seq_number: i + 1 })),
      comment: random.pick(COMMENTS),
      survey_name: String((random.pick(ref['prj-surveys']) ?? { name: SURVEYS[0] }).name),
      is_published: random.next() < 0.5,
      has_marketing_permissions: random.next() < 0.5,
      has_google_redirect: false,
      project_name: `${random.pick(['Office move', 'M365 migration', 'Network refresh'])} ${random.int(1, 99)}`,
      project_company: random.pick(COMPANIES),
      project_phase: random.pick(['Planning', 'Execution', null]),
      date: '',
      project_status: random.pick(['1. New', '2. In progress', '3. Closed']),
      project_phase_status: null,
    },
    contact: { first_name: first, last_name: last, email: `${first}.${last}@example.com`.toLowerCase(), remote_id: String(random.int(100, 999)) },
  };
}

export function uuid(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
