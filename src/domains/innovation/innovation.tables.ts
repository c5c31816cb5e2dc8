// Tables of the product innovation centre: review rounds per product with their checklist
// items, improvement tasks that come out of a round (with their history), and value-add
// records that show what an improvement earned per unit and per kg.

/** One review round: opened by the seller's (re)submission, completed by a reviewer. */
export interface ReviewsTable {
  id: string;
  product_id: string;
  umkm_id: string;
  /** The product's village, copied so reviewer and dashboard queries filter by region without a join. */
  village_code: string;
  category: string;
  /** 1, 2, 3 … per product; unique with product_id. */
  round: number;
  /** open | passed | changes_requested | withdrawn */
  state: string;
  submitted_by: string | null;
  submitted_at: string;
  reviewer_id: string | null;
  /** Readiness 0–100: share of applicable checklist items that passed. */
  score: number | null;
  completed_at: string | null;
  /** Rounds opened by a seller's edit: the checklist items it touched, comma-separated ('all' for every item). */
  reopened_items: string | null;
}

export interface ReviewItemsTable {
  review_id: string;
  /** Stable checklist key (photos, description, price_weight, packaging, label, certification, shelf_life). */
  item_key: string;
  passed: number;
  comment: string;
}

export interface ImprovementTasksTable {
  id: string;
  review_id: string;
  product_id: string;
  umkm_id: string;
  village_code: string;
  /** The checklist item the task fixes; also its "type" in the dashboard. */
  item_key: string;
  /** Template message key when the reviewer kept the suggested wording (shown in the reader's language). */
  title_key: string | null;
  /** The reviewer's own wording (Bahasa as typed), when given. */
  title: string | null;
  mentor_user_id: string | null;
  due_on: string;
  /** open | done */
  status: string;
  created_by: string | null;
  created_at: string;
  done_at: string | null;
}

/** Every change of a task (created, done, reopened), oldest first. */
export interface ImprovementTaskEventsTable {
  id: string;
  task_id: string;
  event: string;
  actor_id: string | null;
  at: string;
}

export interface ValueAddRecordsTable {
  id: string;
  product_id: string;
  umkm_id: string;
  village_code: string;
  /** Grams per unit when known: value added per kg needs it. */
  weight_grams: number | null;
  raw_cost_before: number;
  price_before: number;
  raw_cost_after: number;
  price_after: number;
  /** Integer rupiah: ((price_after − raw_cost_after) − (price_before − raw_cost_before)) per kg. */
  value_added_per_kg: number | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
  is_demo: number;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    reviews: ReviewsTable;
    review_items: ReviewItemsTable;
    improvement_tasks: ImprovementTasksTable;
    improvement_task_events: ImprovementTaskEventsTable;
    value_add_records: ValueAddRecordsTable;
  }
}
