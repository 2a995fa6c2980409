/**
 * Reads the corpus folder: finds the reports, decodes them (UTF-8, UTF-16 with
 * BOM, or GB18030/GBK as found in the wild), and reads optional metadata files.
 * Every problem names the file and what to do; nothing is skipped silently.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
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

/** Reads every report in `dir`, in file-name order. */
export async function readCorpus(dir: string): Promise<ReportFile[]> {
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
  for (const file of names) {
    const full = path.join(dir, file);
    if (!(await stat(full)).isFile()) continue;
    const id = file.replace(/\.[^.]+$/, "");
    try {
      const bytes = await readFile(full);
      const decoded = decodeReport(bytes);
      if (decoded.text.trim() === "") throw new Error("is empty; remove it or add the report's text");
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      reports.push({ id, file, sha256, ...decoded, meta: await readMeta(dir, id) });
    } catch (error) {
      problems.push(`${path.join(dir, file)} ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new CorpusError(`Cannot build from '${dir}'; the index was left unchanged:\n  ${problems.join("\n  ")}`);
  }
  return reports;
}
