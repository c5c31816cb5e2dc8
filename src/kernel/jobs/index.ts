export {
  registerJob,
  enqueue,
  enqueueOnce,
  getJob,
  runOnce,
  drain,
  startWorker,
  backoffMs,
  type JobContext,
  type JobHandler,
} from './queue.js';
export { nextTurn, inTurns } from './turns.js';
