/**
 * Tells a long-running reader (the bot) when a rebuilt index is in place, so
 * it never needs to know the index's file layout.
 */
import { unwatchFile, watchFile, type Stats } from "node:fs";
import path from "node:path";
import type { Manifest } from "../types.js";
import { MANIFEST_FILE, readManifest } from "./store.js";

export interface WatchManifestOptions {
  /** How often the manifest is checked. Default 2000 ms. */
  intervalMs?: number;
  /** Called when a changed manifest cannot be read (the previous index stays in use). */
  onError?: (error: Error) => void;
}

/**
 * Calls `onChange` with the new manifest each time a build swaps in a new
 * generation of the index in `indexDir`. Returns a function that stops watching.
 * Polls rather than using fs.watch: the manifest is replaced by rename, which
 * fs.watch does not report reliably on every platform.
 */
export function watchManifest(indexDir: string, onChange: (manifest: Manifest) => void | Promise<void>, options: WatchManifestOptions = {}): () => void {
  const file = path.join(indexDir, MANIFEST_FILE);
  let lastGeneration: string | undefined;
  let stopped = false;
  void readManifest(indexDir).then(
    (m) => (lastGeneration ??= m.generation),
    () => undefined,
  );
  const check = async () => {
    try {
      const manifest = await readManifest(indexDir);
      if (stopped || manifest.generation === lastGeneration) return;
      lastGeneration = manifest.generation;
      await onChange(manifest);
    } catch (error) {
      options.onError?.(error as Error);
    }
  };
  let running: Promise<void> = Promise.resolve();
  const listener = (now: Stats, before: Stats) => {
    if (now.mtimeMs === before.mtimeMs || now.mtimeMs === 0) return;
    // One check at a time, in order: a slow reload is never overtaken by a later one.
    running = running.then(check);
  };
  watchFile(file, { interval: options.intervalMs ?? 2000 }, listener);
  return () => {
    stopped = true;
    // Only this watcher: other readers of the same index keep theirs.
    unwatchFile(file, listener);
  };
}
