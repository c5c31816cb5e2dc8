// Training: training, assessments and mentoring.
export { trainingMigrations } from './migrations/index.js';
export { trainingRoutes } from './training.routes.js';
