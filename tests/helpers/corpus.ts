/** Throw-away folders for tests: a copy of the real corpus, an empty index folder. */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const REAL_CORPUS = path.resolve("corpus");

export async function tempDir(prefix = "dangjian-test-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A temp folder holding a copy of the real corpus, plus a sibling index folder. */
export async function tempWorkspace(): Promise<{ root: string; corpusDir: string; indexDir: string; cleanup: () => Promise<void> }> {
  const root = await tempDir();
  const corpusDir = path.join(root, "corpus");
  await cp(REAL_CORPUS, corpusDir, { recursive: true });
  return { root, corpusDir, indexDir: path.join(root, "index"), cleanup: () => rm(root, { recursive: true, force: true }) };
}
