/**
 * One build at a time per index folder. The lock is a directory
 * (`<index>/.build.lock`) that proper-lockfile creates atomically and keeps
 * fresh while the build runs; a second build waits for it. A lock nobody has
 * refreshed for `LOCK_STALE_MS` was left by a killed build and is taken over.
 * A lock is released when the process exits, even on Ctrl-C.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { AppError } from "../errors.js";

/** Another build holds the index folder's lock. */
export class IndexBusyError extends AppError {
  override name = "IndexBusyError";
}

export const LOCK_NAME = ".build.lock";
/**
 * A lock not refreshed for this long counts as left by a killed build. Long,
 * because a live build refreshes it from the event loop, which building a large
 * HNSW graph can keep busy for tens of seconds.
 */
export const LOCK_STALE_MS = 120_000;
/** How often a waiting build tries the lock again. */
const RETRY_MS = 500;
/** How long a build waits by default: longer than a large build takes, and longer than LOCK_STALE_MS. */
export const DEFAULT_LOCK_WAIT_MS = 30 * 60_000;

export interface LockOptions {
  /** How long to wait for another build before giving up with IndexBusyError. */
  waitMs?: number;
  /** Called once when the lock is held by another build and this one starts waiting. */
  onWait?: (message: string) => void;
  /** When a lock counts as left by a killed build (at least 2000 ms). Default LOCK_STALE_MS. */
  staleMs?: number;
}

export interface IndexLock {
  /** Throws when another build took the lock over (this one stalled past LOCK_STALE_MS): its result must not be swapped in. */
  assertHeld(): void;
}

/** Runs `fn` holding the lock on `dir` (created if missing), waiting for another build first. */
export async function withIndexLock<T>(dir: string, fn: (lock: IndexLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
  await mkdir(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_NAME);
  let lost: Error | null = null;
  const release = await acquire(dir, lockPath, options, (error) => {
    lost = error;
  });
  const lock: IndexLock = {
    assertHeld() {
      if (lost) {
        throw new IndexBusyError(
          `Another build took over the lock ${lockPath} while this one was busy (${lost.message}); this build's result was discarded. Run the build again once the other one is done.`,
        );
      }
    },
  };
  try {
    return await fn(lock);
  } finally {
    // A lost lock is no longer ours to release.
    if (!lost) await release();
  }
}

async function acquire(dir: string, lockPath: string, options: LockOptions, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const staleMs = options.staleMs ?? LOCK_STALE_MS;
  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    try {
      return await lockfile.lock(dir, { lockfilePath: lockPath, stale: staleMs, realpath: false, onCompromised });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    }
    if (Date.now() >= deadline) {
      throw new IndexBusyError(
        `Another build is writing the index in '${dir}' and did not finish within ${Math.round(waitMs / 1000)} s. Wait for it to finish; a lock left by a killed build (${lockPath}) is taken over after ${staleMs / 1000} s.`,
      );
    }
    if (!waiting) {
      waiting = true;
      options.onWait?.(`Another build is writing the index in '${dir}'; waiting for it to finish…`);
    }
    await sleep(RETRY_MS);
  }
}
