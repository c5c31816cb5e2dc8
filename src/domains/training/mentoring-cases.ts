// Assembles what mentors, community managers and officers see about a set of mentored UMKM:
// milestones (checked against live data), last contact, open/overdue actions, flags and
// recommended courses, in a fixed number of queries however long the caseload.
import type { Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { refreshMilestones, type MilestoneRow } from './milestones.js';
import {
  assignmentsInScope,
  caseload,
  contactStatus,
  type ContactStatus,
} from './mentoring.queries.js';
import { recommendationsFor, type Recommendation } from './recommendations.js';

export interface CaseRow {
  id: string;
  name: string;
  village_code: string;
  assigned_at: string;
  mentor_user_id?: string;
  mentor_name?: string | null;
  milestones: MilestoneRow[];
  status: ContactStatus;
  recommendations: Recommendation[];
  flagged: boolean;
}

export async function buildCases(
  db: Tx,
  rows: {
    id: string;
    name: string;
    village_code: string;
    assigned_at: string;
    mentor_user_id?: string;
    mentor_name?: string | null;
  }[],
  withRecommendations = true,
): Promise<CaseRow[]> {
  const ids = rows.map((r) => r.id);
  const [milestones, status, recs] = await Promise.all([
    refreshMilestones(db, ids),
    contactStatus(db, rows),
    withRecommendations
      ? recommendationsFor(db, ids)
      : Promise.resolve(new Map<string, Recommendation[]>()),
  ]);
  return rows.map((r) => {
    const st = status.get(r.id)!;
    return {
      ...r,
      milestones: milestones.get(r.id) ?? [],
      status: st,
      recommendations: recs.get(r.id) ?? [],
      flagged: st.notContacted || st.overdueActions > 0,
    };
  });
}

/** A mentor's own caseload. */
export async function mentorCases(db: Tx, mentorUserId: string): Promise<CaseRow[]> {
  return buildCases(db, await caseload(db, mentorUserId));
}

export interface MentorSummary {
  mentorUserId: string;
  mentorName: string;
  caseload: number;
  notContacted: number;
  overdueActions: number;
  milestonesReached: number;
  milestonesTotal: number;
}

/** Caseloads and outcomes per mentor over the UMKM the actor manages (officer dashboard). */
export async function mentorSummaries(
  db: Tx,
  actor: Actor,
): Promise<{ summaries: MentorSummary[]; cases: CaseRow[] }> {
  const cases = await buildCases(db, await assignmentsInScope(db, actor), false);
  const by = new Map<string, MentorSummary>();
  for (const c of cases) {
    const key = c.mentor_user_id!;
    const s = by.get(key) ?? {
      mentorUserId: key,
      mentorName: c.mentor_name ?? '',
      caseload: 0,
      notContacted: 0,
      overdueActions: 0,
      milestonesReached: 0,
      milestonesTotal: 0,
    };
    s.caseload++;
    if (c.status.notContacted) s.notContacted++;
    s.overdueActions += c.status.overdueActions;
    s.milestonesReached += c.milestones.filter((m) => m.achieved_at).length;
    s.milestonesTotal += c.milestones.length;
    by.set(key, s);
  }
  return {
    summaries: [...by.values()].sort((a, b) => a.mentorName.localeCompare(b.mentorName)),
    cases,
  };
}
