// Routes of training, assessments and mentoring.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';
import { sessionRoutes } from './sessions.routes.js';
import { insightRoutes } from './insights.routes.js';
import { mentoringRoutes } from './mentoring.routes.js';
import { trainingApi } from './training.api.js';

export function trainingRoutes() {
  const app = createApiApp();
  app.route('/', sessionRoutes());
  app.route('/', insightRoutes());
  app.route('/', mentoringRoutes());
  trainingApi(app);
  return app;
}
