/**
 * The files of one index generation, each recorded in the manifest with its
 * size and SHA-256 and checked before it is used: a damaged file is reported
 * by name instead of reaching a parser, or hnswlib, which crashes the process
 * on a corrupt graph. Nothing here knows which files a generation holds, so a
 * new kind of index file is listed and checked without code changes.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { IndexFile } from "../types.js";

/** SHA-256 of a file in hex, read as a stream (vector files run to hundreds of MB). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Size and checksum of every file in a finished generation folder, in name order. */
export async function describeFiles(dir: string): Promise<IndexFile[]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { name, size: (await stat(file)).size, sha256: await sha256File(file) };
    }),
  );
}

/** What is wrong with the file `entry` describes in `dir`, or null when it matches. */
export async function fileProblem(dir: string, entry: IndexFile): Promise<string | null> {
  const file = path.join(dir, entry.name);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `cannot be read (${(error as Error).message})`;
  }
  // The size is free to check and catches truncation before the file is read.
  if (size !== entry.size) return `is ${size} bytes, the manifest says ${entry.size}`;
  if ((await sha256File(file)) !== entry.sha256) return "does not match its checksum in the manifest (its content changed)";
  return null;
}
