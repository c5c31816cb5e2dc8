import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../kernel/db/index.js';
import { DEFAULT_QUESTIONS } from '../question-bank.js';

// Migration names start with 08xx so the whole app's migrations sort by domain.
export const trainingMigrations: Migrations = {
  '0801_training': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('courses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('focus_pillar', 'text')
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer', (c) =>
          c.notNull().check(sql`duration_minutes > 0`),
        )
        .addColumn('materials', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('region_code', 'text')
        .addColumn('created_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('courses_topic').on('courses').column('topic').execute();
      await db.schema
        .createTable('training_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
        .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('trainer_user_id', 'text')
        .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
        .addColumn('registered', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'training_sessions_registered',
          sql`registered >= 0 and registered <= capacity`,
        )
        .execute();
      await db.schema
        .createIndex('training_sessions_region')
        .on('training_sessions')
        .columns(['region_code', 'starts_at'])
        .execute();
      await db.schema
        .createTable('session_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('umkm_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('attended_marked_at', 'text')
        .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('certificate_code', 'text', (c) => c.unique())
        .addColumn('certificate_issued_at', 'text')
        .addColumn('registered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('session_participants_session')
        .on('session_participants')
        .column('session_id')
        .execute();
      await db.schema
        .createIndex('session_participants_umkm')
        .on('session_participants')
        .column('umkm_id')
        .execute();
      await db.schema
        .createTable('assessment_questions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', 'text')
        .addColumn('pillar', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text_id', 'text', (c) => c.notNull())
        .addColumn('text_en', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('assessments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('participant_id', 'text', (c) => c.references('session_participants.id'))
        .addColumn('session_id', 'text')
        .addColumn('umkm_id', 'text')
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('skills', 'real', (c) => c.notNull().check(sql`skills >= 1 and skills <= 5`))
        .addColumn('ethics', 'real', (c) => c.notNull().check(sql`ethics >= 1 and ethics <= 5`))
        .addColumn('safety', 'real', (c) => c.notNull().check(sql`safety >= 1 and safety <= 5`))
        .addColumn('culture', 'real', (c) => c.notNull().check(sql`culture >= 1 and culture <= 5`))
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('assessed_by', 'text')
        .addColumn('assessed_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('assessments_region')
        .on('assessments')
        .columns(['region_code', 'phase'])
        .execute();
      await db.schema.createIndex('assessments_umkm').on('assessments').column('umkm_id').execute();
      // One before and one after per participant: a retake replaces, never doubles, the row.
      await db.schema
        .createIndex('assessments_participant_phase')
        .on('assessments')
        .columns(['participant_id', 'phase'])
        .unique()
        .execute();
      await db.schema
        .createTable('training_targets')
        .addColumn('region_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('person_times', 'integer', (c) => c.notNull().check(sql`person_times >= 0`))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addPrimaryKeyConstraint('training_targets_pk', ['region_code', 'year'])
        .execute();
      await db.schema
        .createTable('mentor_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('mentor_user_id', 'text', (c) => c.notNull())
        .addColumn('umkm_id', 'text', (c) => c.notNull().references('umkm.id'))
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('assigned_by', 'text')
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('mentor_assignments_mentor')
        .on('mentor_assignments')
        .columns(['mentor_user_id', 'ended_at'])
        .execute();
      await db.schema
        .createIndex('mentor_assignments_umkm')
        .on('mentor_assignments')
        .column('umkm_id')
        .execute();
      await db.schema
        .createTable('mentoring_milestones')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('umkm_id', 'text', (c) => c.notNull().references('umkm.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target_on', 'text')
        .addColumn('achieved_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('mentoring_milestones_umkm_kind', ['umkm_id', 'kind'])
        .execute();
      await db.schema
        .createTable('mentoring_contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('umkm_id', 'text', (c) => c.notNull().references('umkm.id'))
        .addColumn('mentor_user_id', 'text', (c) => c.notNull())
        .addColumn('contacted_on', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('mentoring_contacts_umkm')
        .on('mentoring_contacts')
        .columns(['umkm_id', 'contacted_on'])
        .execute();
      await db.schema
        .createTable('mentoring_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contact_id', 'text', (c) => c.notNull().references('mentoring_contacts.id'))
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mentoring_actions_umkm')
        .on('mentoring_actions')
        .columns(['umkm_id', 'done_at'])
        .execute();
    },
  },
  // The default question bank ships with every installation (not demo data): officers edit it.
  '0802_training_question_bank': {
    async up(db: Kysely<any>) {
      const now = new Date().toISOString();
      await db
        .insertInto('assessment_questions')
        .values(
          DEFAULT_QUESTIONS.map((q, i) => ({
            id: q.id,
            region_code: null,
            pillar: q.pillar,
            position: i + 1,
            text_id: q.id_text,
            text_en: q.en_text,
            active: 1,
            updated_at: now,
            updated_by: null,
          })),
        )
        .execute();
    },
  },
};
