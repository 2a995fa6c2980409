import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusError, decodeReport, readCorpus } from "../src/corpus/load.js";
import { tempDir } from "./helpers/corpus.js";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  const { rm } = await import("node:fs/promises");
  await rm(dir, { recursive: true, force: true });
});

const GOOD = "某区卫健委:党建引领\n\n某区卫健委开设了发热门诊。";

describe("reading the corpus", () => {
  it("reads .txt and .md reports with ids from their file names, skipping README.md", async () => {
    await writeFile(path.join(dir, "b_report.md"), `# 标题\n\n${GOOD}`);
    await writeFile(path.join(dir, "a_report.txt"), GOOD);
    await writeFile(path.join(dir, "README.md"), "# About this corpus");
    await writeFile(path.join(dir, "notes.json"), "{}");
    const reports = await readCorpus(dir);
    expect(reports.map((r) => r.id)).toEqual(["a_report", "b_report"]);
  });

  it("decodes GBK reports", async () => {
    // "卫生健康" in GBK.
    const gbk = Uint8Array.from([0xce, 0xc0, 0xc9, 0xfa, 0xbd, 0xa1, 0xbf, 0xb5, 0xa1, 0xa3]);
    expect(decodeReport(gbk)).toEqual({ text: "卫生健康。", encoding: "gb18030" });
  });

  it("applies a metadata file beside a report", async () => {
    await writeFile(path.join(dir, "r.txt"), GOOD);
    await writeFile(path.join(dir, "r.meta.json"), JSON.stringify({ title: "完整标题", date: "2020" }));
    const [report] = await readCorpus(dir);
    expect(report!.meta).toEqual({ title: "完整标题", date: "2020" });
  });

  it.each([
    ["an empty file", "empty.txt", Buffer.from("  \n\n "), /empty\.txt is empty/],
    ["a binary file", "image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /image\.txt looks binary \(NUL byte at offset 4\)/],
    ["a file in neither UTF-8 nor GBK", "latin.txt", Buffer.from([0x41, 0xff, 0xfe, 0xfd, 0x80, 0x42]), /latin\.txt .*convert it to UTF-8/],
  ])("rejects %s, naming the file", async (_what, name, bytes, message) => {
    await writeFile(path.join(dir, "good.txt"), GOOD);
    await writeFile(path.join(dir, name), bytes);
    const error = await readCorpus(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toMatch(message);
  });

  it("rejects an empty corpus folder, saying what to add", async () => {
    await expect(readCorpus(dir)).rejects.toThrow(/holds no reports\. Add \.txt or \.md files/);
  });

  it("rejects a malformed metadata file, naming it", async () => {
    await writeFile(path.join(dir, "r.txt"), GOOD);
    await writeFile(path.join(dir, "r.meta.json"), JSON.stringify({ titel: "typo" }));
    await expect(readCorpus(dir)).rejects.toThrow(/r\.meta\.json.*allowed keys: title, source, date/);
  });

  it("rejects a missing folder, naming the setting", async () => {
    await expect(readCorpus(path.join(dir, "nope"))).rejects.toThrow(/CORPUS_DIR or pass --corpus/);
  });

  it("reads a sub-folder name as not-a-report", async () => {
    await mkdir(path.join(dir, "old.txt"));
    await writeFile(path.join(dir, "r.txt"), GOOD);
    expect((await readCorpus(dir)).map((r) => r.id)).toEqual(["r"]);
  });
});
