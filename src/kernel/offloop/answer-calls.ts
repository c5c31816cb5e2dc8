// The thread side of a worker started by ReadWorkers: answers `{ id, name, args }` messages with
// the named function's value or its error. Errors cross as data: an AppError keeps its code,
// params and field messages (rebuilt on the caller's side by `callError`), anything else its
// message only.
import { parentPort } from 'node:worker_threads';
import { AppError, type FieldErrors } from '../errors/index.js';

export interface CallError {
  message: string;
  app?: { code: string; params: Record<string, unknown>; fields: FieldErrors };
}

export function toCallError(e: unknown): CallError {
  if (e instanceof AppError)
    return { message: e.message, app: { code: e.code, params: e.params, fields: e.fields } };
  return { message: e instanceof Error ? e.message : String(e) };
}

export function callError(e: CallError): Error {
  return e.app ? new AppError(e.app.code, e.app.params, e.app.fields) : new Error(e.message);
}

/** The call ReadWorkers.close() makes before it terminates the thread. */
export const CLOSE_CALL = 'offloop.close';

/**
 * Answers the starter's calls. `close` runs on CLOSE_CALL, before the thread is terminated: a
 * thread with a PostgreSQL pool ends its sessions politely there instead of having its sockets
 * cut mid-conversation.
 */
export function answerCalls(
  lookup: (name: string) => ((...args: never[]) => unknown) | undefined,
  close?: () => Promise<void>,
) {
  parentPort!.on('message', async (m: { id: number; name: string; args: never[] }) => {
    try {
      const fn = m.name === CLOSE_CALL ? async () => close?.() : lookup(m.name);
      if (!fn) throw new Error(`unknown call ${m.name}`);
      parentPort!.postMessage({ id: m.id, ok: true, value: await fn(...m.args) });
    } catch (e) {
      parentPort!.postMessage({ id: m.id, ok: false, error: toCallError(e) });
    }
  });
}
