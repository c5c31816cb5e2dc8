export { createTestDb, testDatabaseUrl } from './test-db.js';
export { TestClient } from './client.js';
export { HOSTILE_TARGETS } from './hostile-targets.js';
