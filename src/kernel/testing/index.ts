export { createTestDb, testDatabaseUrl } from './test-db.js';
export { TestClient } from './client.js';
