// Dashboards' heavy reads run in the read worker thread so the event loop stays free, but on a
// small machine the two still share its cores: while four analysts reload national KPIs, the
// worker wants a whole core, and every page, checkout and health check waits its turn for the
// other. So the read worker asks the kernel for a lower priority (nice 10) for itself alone:
// when the cores are contended the event loop and the checkout writer go first, and when they
// are not the worker still gets all the idle time. Linux names threads by id under
// /proc/thread-self; elsewhere the thread keeps its priority (nothing else depends on it).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of the read worker thread (0 is normal, 19 the lowest priority). */
export const READ_WORKER_NICE = 10;

/** Lowers the calling thread's CPU priority; returns its thread id, or null where it cannot. */
export function lowerThreadPriority(nice = READ_WORKER_NICE): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(tid, nice);
    return tid;
  } catch {
    return null;
  }
}
