export * from './read-model.js';
export * from './read-workers.js';
export * from './replica-reads.js';
export * from './answer-calls.js';
export * from './worker-heap.js';
export * from './quiet-collect.js';
export * from './thread-priority.js';
