export { createTestDb, connectAgain, pgHomeOf, testDatabaseUrl } from './test-db.js';
export { TestClient } from './client.js';
export { HOSTILE_TARGETS } from './hostile-targets.js';
export { PRODUCTION_TEST_ENV } from './production-env.js';
export { sqlitePair } from './sqlite-pair.js';
export { postOverSocket, type SocketAnswer } from './socket.js';
