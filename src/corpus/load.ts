/**
 * Reads the corpus folder: finds the reports, decodes them (UTF-8, UTF-16 with
 * BOM, or GB18030/GBK as found in the wild), and reads optional metadata files.
 * Every problem names the file and what to do; nothing is skipped silently.
 * Links are followed; a link loop or a link to nothing stops the build like an
 * unreadable file, while a folder named like a report and an exact copy of
 * another report are skipped with a warning.
 */
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../errors.js";
import type { DocMeta } from "../types.js";

/** Raised when the corpus cannot be read into reports; lists every bad file. */
export class CorpusError extends AppError {
  override name = "CorpusError";
}

/** A report file as read from disk, before cleaning. */
export interface ReportFile {
  /** Stable document id: the file name without extension. */
  id: string;
  file: string;
  /** SHA-256 of the bytes: the file's identity for incremental rebuilds. */
  sha256: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
  text: string;
  /** Values from `<id>.meta.json`, which win over what cleaning extracts. */
  meta: Partial<Pick<DocMeta, "title" | "source" | "date">>;
}

/** Report files are .txt and .md; a README in the folder describes the corpus and is not a report. */
export function isReportFile(name: string): boolean {
  return /\.(txt|md)$/i.test(name) && !/^readme\.md$/i.test(name);
}

const metaSchema = z
  .object({
    title: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: "date must look like 2024-05-29, 2024-05 or 2024" })
      .optional(),
  })
  .strict();

/** How much of a decoded text may be replacement or control characters before it is called binary. */
const MAX_GARBAGE_RATIO = 0.01;

function garbageRatio(text: string): number {
  const bad = text.match(/[\uFFFD\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return text.length === 0 ? 0 : bad / text.length;
}

/**
 * Decodes report bytes. Throws a plain Error with the reason; the caller adds
 * the file name.
 */
export function decodeReport(bytes: Uint8Array): Pick<ReportFile, "text" | "encoding"> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new Error(`looks binary (NUL byte at offset ${nul}); reports must be text files`);
  try {
    // ignoreBOM: false strips a UTF-8 BOM.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: older Chinese sites publish GBK, which GB18030 decodes as a superset.
  }
  let text: string;
  try {
    text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("is neither UTF-8 nor GB18030/GBK text; convert it to UTF-8");
  }
  if (garbageRatio(text) > MAX_GARBAGE_RATIO || !/\p{Script=Han}/u.test(text)) {
    throw new Error("is not valid UTF-8, and read as GBK it is not Chinese text; convert it to UTF-8");
  }
  return { text, encoding: "gb18030" };
}

async function readMeta(dir: string, id: string): Promise<ReportFile["meta"]> {
  const metaPath = path.join(dir, `${id}.meta.json`);
  let raw: string;
  try {
    raw = await readFile(metaPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${id}.meta.json is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = metaSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ");
    throw new Error(`${id}.meta.json: ${issues} (allowed keys: title, source, date)`);
  }
  return parsed.data;
}

export interface ReadCorpusOptions {
  /** Where warnings go (a skipped folder, a duplicate report). Default console.warn. */
  warn?: (message: string) => void;
  /** Called before a report of at least LARGE_REPORT_BYTES is read: reading it takes a while. */
  onLargeFile?: (file: string, bytes: number) => void;
}

/** Reports this large get progress lines while they are read and cleaned. */
export const LARGE_REPORT_BYTES = 1024 * 1024;

/**
 * What the entry `full`, named like a report, is once links are followed: a
 * file and its size, a reason to skip it, or a problem that stops the build.
 */
async function inspectEntry(full: string): Promise<{ size: number } | { skip: string } | { problem: string }> {
  let info;
  try {
    info = await stat(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { problem: "is a symbolic link that loops back on itself; remove it or point it at a report" };
    if (code === "ENOENT") {
      const target = await readlink(full).catch(() => null);
      if (target !== null) return { problem: `is a symbolic link to '${target}', which does not exist; remove it or point it at a report` };
    }
    return { problem: `cannot be read (${(error as Error).message})` };
  }
  if (info.isFile()) return { size: info.size };
  const kind = info.isDirectory() ? "a folder" : "not a regular file";
  const link = (await lstat(full)).isSymbolicLink() ? ` (a link to '${await readlink(full)}')` : "";
  return { skip: `is ${kind}${link}, not a report; it was skipped. Rename it so it does not end in .txt or .md.` };
}

/** Reads every report in `dir`, in file-name order; an exact copy of an earlier report is skipped with a warning. */
/** Reports read at once (see `readCorpus`). */
const READ_CONCURRENCY = 32;

/** One entry of the corpus folder: the report, or why it is skipped or cannot be read (each naming the file). */
async function readEntry(dir: string, file: string, options: ReadCorpusOptions): Promise<{ report: ReportFile } | { skip: string } | { problem: string }> {
  const full = path.join(dir, file);
  const found = await inspectEntry(full);
  if ("problem" in found) return { problem: `${full} ${found.problem}` };
  if ("skip" in found) return { skip: `${full} ${found.skip}` };
  if (found.size >= LARGE_REPORT_BYTES) options.onLargeFile?.(file, found.size);
  const id = file.replace(/\.[^.]+$/, "");
  try {
    const bytes = await readFile(full);
    const decoded = decodeReport(bytes);
    if (decoded.text.trim() === "") throw new Error("is empty; remove it or add the report's text");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { report: { id, file, sha256, ...decoded, meta: await readMeta(dir, id) } };
  } catch (error) {
    return { problem: `${full} ${(error as Error).message}` };
  }
}

export async function readCorpus(dir: string, options: ReadCorpusOptions = {}): Promise<ReportFile[]> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isReportFile).sort();
  } catch (error) {
    throw new CorpusError(`Cannot read the corpus folder '${dir}': ${(error as Error).message}. Set CORPUS_DIR or pass --corpus DIR.`);
  }
  if (names.length === 0) {
    throw new CorpusError(`The corpus folder '${dir}' holds no reports. Add .txt or .md files to it, then build again.`);
  }
  const reports: ReportFile[] = [];
  const problems: string[] = [];
  const fileBySha = new Map<string, string>();
  // Files are read a batch at a time so thousands of small reports do not wait on each
  // other's disk round trips; what depends on order (duplicates) is decided in name order.
  for (let i = 0; i < names.length; i += READ_CONCURRENCY) {
    const batch = await Promise.all(names.slice(i, i + READ_CONCURRENCY).map((file) => readEntry(dir, file, options)));
    for (const entry of batch) {
      if ("problem" in entry) {
        problems.push(entry.problem);
      } else if ("skip" in entry) {
        warn(entry.skip);
      } else {
        const original = fileBySha.get(entry.report.sha256);
        if (original !== undefined) {
          // Indexed twice, every answer from it would cite two identical sources.
          warn(`${path.join(dir, entry.report.file)} is an exact copy of ${original}; it is indexed once, as ${original}. Remove one of the two.`);
          continue;
        }
        fileBySha.set(entry.report.sha256, entry.report.file);
        reports.push(entry.report);
      }
    }
  }
  if (problems.length > 0) {
    throw new CorpusError(`Cannot build from '${dir}'; the index was left unchanged:\n  ${problems.join("\n  ")}`);
  }
  return reports;
}
