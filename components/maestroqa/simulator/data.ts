import { SeededRandom } from '@oih-suite/kit/simulator';

/** Deterministic MaestroQA-shaped data: sessions with points and to-dos, raw export rows, agents in groups. */
export type Sim = Record<string, unknown>;

export const AGENTS = [
  { id: '10061553646875', name: 'Jon Doe', email: 'jon@example.com', group: 'All Agents', groupId: 'groupid1', available: true },
  { id: '10061553646876', name: 'Mina Park', email: 'mina@example.com', group: 'Tier 2', groupId: 'groupid2', available: true },
  { id: '10061553646877', name: 'Ana Lopez Garcia', email: 'ana@example.com', group: 'Tier 2', groupId: 'groupid2', available: false },
  { id: '10061553646878', name: 'Sam Lee', email: 'sam@example.com', group: 'All Agents', groupId: 'groupid1', available: true },
];
export const COACHES = [
  { id: 'coach-1', name: 'Grace Hopper' },
  { id: 'coach-2', name: 'Alan Turing' },
];

let counter = 0;
/** Mongo-like 24-hex ids, unique in the process. */
export function objectId(random: SeededRandom): string {
  counter += 1;
  return (counter.toString(16).padStart(8, '0') + Math.floor(random.next() * 2 ** 48).toString(16)).padEnd(24, '0').slice(0, 24);
}

export function makeSession(random: SeededRandom, createdAt: number, updatedAt = createdAt, isDeleted = false): Sim {
  const agent = random.pick(AGENTS);
  const coach = random.pick(COACHES);
  const id = objectId(random);
  const iso = new Date(createdAt).toISOString();
  const points = Array.from({ length: random.int(0, 2) }, () => ({
    _id: objectId(random),
    coachingFormIds: [id],
    type: random.pick(['strength', 'opportunity', 'n/a']),
    classification: random.pick(['general', 'qa', 'csat', 'productivity']),
    ticketId: String(random.int(1000, 9999)),
    subject: 'Tone on refunds',
    rubricName: 'Support QA',
    criteriaName: 'Empathy',
    kpiName: null,
    score: random.int(0, 5),
    agentNotes: '',
    coachNotes: 'Keep it up',
    createdAt: iso,
    updatedAt: iso,
    isDeleted: false,
  }));
  const todos = Array.from({ length: random.int(0, 1) }, () => ({
    _id: objectId(random),
    actionString: 'review',
    coachingFormIds: [id],
    completedAt: null,
    createdAt: iso,
    creatorId: coach.id,
    creatorName: coach.name,
    description: 'Re-read the refund macro',
    link: 'https://example.com/macro',
    status: 'open',
    title: 'Refund macro',
    type: 'task',
    updatedAt: iso,
    isDeleted: false,
  }));
  return {
    _id: id,
    coachingFormName: 'Weekly 1:1',
    coachingTemplateId: 'tmpl-1',
    coachingTemplateName: 'Weekly coaching',
    meetingFormat: random.pick(['in person', 'video']),
    formCreatorId: coach.id,
    formCreatorName: coach.name,
    coachName: coach.name,
    coachId: coach.id,
    agentId: agent.id,
    agentName: agent.name,
    createdAt: iso,
    updatedAt: new Date(updatedAt).toISOString(),
    sharedWithAgent: random.next() < 0.8,
    meetingDate: new Date(createdAt + random.int(0, 7) * 86_400_000).toISOString(),
    agentConfirmed: random.next() < 0.5,
    coachConfirmed: true,
    coachNotes: 'Good progress',
    agentNotes: '',
    isDeleted,
    activityLog: [
      { userId: coach.id, userEmail: 'coach@example.com', actionType: 'create', descriptions: ['created'], timestamp: iso, ipAddress: '10.0.0.1' },
    ],
    coachingPoints: points,
    todos,
  };
}

/** CSV time as the exports write it: UTC, whole seconds. */
export function csvTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export const EXPORT_COLUMNS: Record<string, string[]> = {
  total_scores: [
    'gradable_id',
    'agent_email',
    'agent_id',
    'agent_name',
    'comment',
    'date_first_graded',
    'date_first_started',
    'date_graded',
    'date_reported_as',
    'grade_type',
    'grader',
    'max_rubric_score',
    'rubric_id',
    'rubric_name',
    'rubric_score',
    'ticket_created_at',
  ],
  section_scores: [
    'gradable_id',
    'section_id',
    'section_name',
    'date_graded',
    'date_reported_as',
    'agent_id',
    'rubric_id',
    'section_score',
    'max_section_score',
  ],
  individual_answers: ['gradable_id', 'question_id', 'question_text', 'answer', 'score', 'date_graded', 'date_reported_as', 'agent_id', 'rubric_id'],
  annotations: ['gradable_id', 'annotation_id', 'annotation_text', 'date_graded', 'date_reported_as', 'agent_id', 'grader'],
  csat: ['gradable_id', 'agent_id', 'csat_score', 'comment', 'date_graded'],
};

export function makeRow(random: SeededRandom, type: string, n: number, gradedAt: number): Record<string, string> {
  const agent = random.pick(AGENTS);
  const graded = csvTime(gradedAt);
  const values: Record<string, string> = {
    gradable_id: `g${String(n).padStart(6, '0')}`,
    agent_email: agent.email,
    agent_id: agent.id,
    agent_name: agent.name,
    comment: random.next() < 0.3 ? 'Said "sorry", then fixed it, quickly' : '',
    date_first_graded: graded,
    date_first_started: graded,
    date_graded: graded,
    date_reported_as: graded.slice(0, 10),
    grade_type: 'grade',
    grader: 'grace@example.com',
    max_rubric_score: '100',
    rubric_id: 'rubric-1',
    rubric_name: 'Support QA',
    rubric_score: String(random.int(40, 100)),
    ticket_created_at: graded,
    section_id: `s${n % 3}`,
    section_name: 'Empathy',
    section_score: String(random.int(0, 10)),
    max_section_score: '10',
    question_id: `q${n % 5}`,
    question_text: 'Did the agent greet?',
    answer: random.pick(['yes', 'no']),
    score: String(random.int(0, 5)),
    annotation_id: `a${n}`,
    annotation_text: 'Nice save',
    csat_score: String(random.int(1, 5)),
  };
  return Object.fromEntries(EXPORT_COLUMNS[type].map((c) => [c, values[c]]));
}

export function csvLine(values: string[]): string {
  return values.map((v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',') + '\n';
}
