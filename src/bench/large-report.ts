/**
 * One very large report: the real reports' look-alikes (see synthetic.ts)
 * pasted one after another into a single file, as a yearbook or a merged
 * export would be. Used to time reading, cleaning and indexing one big file.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isReportFile } from "../corpus/load.js";
import type { Embedder } from "../embed/embedder.js";
import { buildIndex, type BuildProgress } from "../index/build.js";
import { lookAlike } from "./synthetic.js";

/** Writes `file` of at least `bytes` UTF-8 bytes from look-alikes of the reports in `corpusDir`; returns its size. */
export async function writeLargeReport(corpusDir: string, file: string, bytes: number): Promise<number> {
  const names = (await readdir(corpusDir)).filter(isReportFile).sort();
  const texts = await Promise.all(names.map((name) => readFile(path.join(corpusDir, name), "utf8")));
  const parts: string[] = [];
  let size = 0;
  for (let k = 1; size < bytes; k++) {
    for (const text of texts) {
      const part = lookAlike(text, k);
      parts.push(part);
      size += Buffer.byteLength(part) + 2;
    }
  }
  const text = parts.join("\n\n");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return Buffer.byteLength(text);
}

export interface LargeReportTiming {
  bytes: number;
  chunks: number;
  /** From the start of the build until the report is read, cleaned and chunked. */
  readAndCleanMs: number;
  /** Embedding the passages and adding them to the HNSW graph. */
  embedMs: number;
  /** Building the lexical index and writing (and checksumming) the files. */
  writeMs: number;
  /** The whole build: read, clean, chunk, embed, write. */
  buildMs: number;
}

/** Builds an index in `workDir` from one report of `bytes` bytes and times it. */
export async function timeLargeReport(options: { corpusDir: string; workDir: string; bytes: number; embedder: Embedder }): Promise<LargeReportTiming> {
  const corpusDir = path.join(options.workDir, "corpus");
  const bytes = await writeLargeReport(options.corpusDir, path.join(corpusDir, "large.txt"), options.bytes);
  const started = Date.now();
  const at: Partial<Record<BuildProgress["phase"], number>> = {};
  const onProgress = (p: BuildProgress) => {
    at[p.phase] = Date.now();
  };
  const summary = await buildIndex({ corpusDir, indexDir: path.join(options.workDir, "index"), embedder: options.embedder, onProgress });
  const ended = Date.now();
  const read = at.read ?? started;
  const write = at.write ?? ended;
  return { bytes, chunks: summary.chunks, readAndCleanMs: read - started, embedMs: write - read, writeMs: ended - write, buildMs: ended - started };
}
