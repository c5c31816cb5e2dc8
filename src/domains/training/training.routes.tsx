// Routes of training, assessments and mentoring.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';

export function trainingRoutes() {
  const app = createApiApp();
  return app;
}
