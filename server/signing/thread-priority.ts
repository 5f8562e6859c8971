import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers the CPU priority of the calling thread alone. On Linux the nice value belongs to each
 * thread: setpriority(2) with a thread's id changes only that thread, and Node's os.setPriority
 * passes the id through. The thread's id is read from /proc/thread-self ("<pid>/task/<tid>").
 * Elsewhere (no /proc) nothing changes. Raising the value needs no privilege; it is never lowered.
 * Gives back the thread's nice value afterwards, or null when it could not be set.
 */
export function lowerThreadPriority(niceness: number): number | null {
  if (niceness <= 0) return null;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return null;
    if (os.getPriority(tid) < niceness) os.setPriority(tid, niceness);
    return os.getPriority(tid);
  } catch {
    return null;
  }
}

/** The nice value of the calling thread (Linux), or null elsewhere. */
export function threadPriority(): number | null {
  try {
    return os.getPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()));
  } catch {
    return null;
  }
}
