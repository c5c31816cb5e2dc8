// Tables of the training domain: courses, sessions with registered participants (attendance,
// completion, certificate codes), the digital literacy question bank and assessments, regency
// targets, and mentoring (assignments, plan milestones, contact logs with agreed actions).
export const COURSE_TOPICS = [
  'digital_literacy',
  'selling_online',
  'product_photography',
  'packaging_labeling',
  'pricing_bookkeeping',
  'customer_service_whatsapp',
  'certification',
] as const;
export type CourseTopic = (typeof COURSE_TOPICS)[number];

/** The four pillars of Indonesia's national digital literacy index (Kominfo/Katadata). */
export const PILLARS = ['skills', 'ethics', 'safety', 'culture'] as const;
export type Pillar = (typeof PILLARS)[number];

export const PARTICIPANT_KINDS = ['umkm_owner', 'agent', 'community_manager'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const CONTACT_MODES = ['visit', 'call', 'whatsapp'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

export const MILESTONE_KINDS = [
  'market_ready',
  'first_online_sale',
  'certification',
  'orders_10_month',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface CoursesTable {
  id: string;
  title: string;
  topic: CourseTopic;
  /** For digital literacy courses: the pillar it strengthens most (drives recommendations). */
  focus_pillar: Pillar | null;
  level: 'basic' | 'intermediate' | 'advanced';
  duration_minutes: number;
  /** Plain-text materials stored here so nothing is needed from the internet. */
  materials: string;
  language: 'id' | 'en';
  /** Region that owns the course; null = the national catalogue. */
  region_code: string | null;
  created_by: string | null;
  is_demo: number;
  created_at: string;
}

export interface TrainingSessionsTable {
  id: string;
  course_id: string;
  /** A village or kecamatan code: where it is held and whose scope it falls in. */
  region_code: string;
  place: string;
  starts_at: string;
  trainer_user_id: string | null;
  capacity: number;
  /** Registered participants; raised only by a conditional update below capacity. */
  registered: number;
  /** scheduled | completed */
  status: string;
  completed_at: string | null;
  is_demo: number;
  created_at: string;
}

export interface SessionParticipantsTable {
  id: string;
  session_id: string;
  kind: ParticipantKind;
  full_name: string;
  umkm_id: string | null;
  user_id: string | null;
  attended: number;
  attended_marked_at: string | null;
  completed: number;
  /** Unguessable code printed on the certificate, checked at /sertifikat/{code}. */
  certificate_code: string | null;
  certificate_issued_at: string | null;
  registered_at: string;
}

export interface AssessmentQuestionsTable {
  id: string;
  /** null = the national default bank; a region code = that region's edited bank. */
  region_code: string | null;
  pillar: Pillar;
  position: number;
  text_id: string;
  text_en: string;
  active: number;
  updated_at: string;
  updated_by: string | null;
}

export interface AssessmentsTable {
  id: string;
  participant_id: string | null;
  session_id: string | null;
  umkm_id: string | null;
  /** Where the person lives or trains (village or kecamatan) for regional averages. */
  region_code: string;
  phase: 'before' | 'after';
  skills: number;
  ethics: number;
  safety: number;
  culture: number;
  /** JSON {questionId: 1..5} as answered. */
  answers: string;
  assessed_by: string | null;
  assessed_at: string;
  is_demo: number;
}

export interface TrainingTargetsTable {
  region_code: string;
  year: number;
  person_times: number;
  updated_at: string;
  updated_by: string | null;
}

export interface MentorAssignmentsTable {
  id: string;
  mentor_user_id: string;
  umkm_id: string;
  /** The UMKM's village, copied for scoped queries without a join. */
  village_code: string;
  assigned_by: string | null;
  assigned_at: string;
  ended_at: string | null;
  is_demo: number;
}

export interface MentoringMilestonesTable {
  id: string;
  umkm_id: string;
  kind: MilestoneKind;
  target_on: string | null;
  achieved_at: string | null;
  created_at: string;
}

export interface MentoringContactsTable {
  id: string;
  umkm_id: string;
  mentor_user_id: string;
  contacted_on: string;
  mode: ContactMode;
  notes: string;
  created_at: string;
  is_demo: number;
}

export interface MentoringActionsTable {
  id: string;
  contact_id: string;
  umkm_id: string;
  description: string;
  due_on: string;
  done_at: string | null;
  created_at: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    courses: CoursesTable;
    training_sessions: TrainingSessionsTable;
    session_participants: SessionParticipantsTable;
    assessment_questions: AssessmentQuestionsTable;
    assessments: AssessmentsTable;
    training_targets: TrainingTargetsTable;
    mentor_assignments: MentorAssignmentsTable;
    mentoring_milestones: MentoringMilestonesTable;
    mentoring_contacts: MentoringContactsTable;
    mentoring_actions: MentoringActionsTable;
  }
}
