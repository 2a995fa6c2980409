import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusError, decodeReport, readCorpus } from "../src/corpus/load.js";
import { tempDir } from "./helpers/corpus.js";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
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

  it("skips a folder named like a report, saying so by name", async () => {
    await mkdir(path.join(dir, "old.txt"));
    await writeFile(path.join(dir, "r.txt"), GOOD);
    const warnings: string[] = [];
    expect((await readCorpus(dir, { warn: (m) => warnings.push(m) })).map((r) => r.id)).toEqual(["r"]);
    expect(warnings).toEqual([`${path.join(dir, "old.txt")} is a folder, not a report; it was skipped. Rename it so it does not end in .txt or .md.`]);
  });
});

describe("links and copies in the corpus folder", () => {
  it("follows a link to a report in another folder", async () => {
    const elsewhere = await tempDir();
    await writeFile(path.join(elsewhere, "real.txt"), GOOD);
    await symlink(path.join(elsewhere, "real.txt"), path.join(dir, "linked.txt"));
    const [report] = await readCorpus(dir);
    expect(report).toMatchObject({ id: "linked", file: "linked.txt" });
    expect(report!.text).toBe(GOOD);
    await rm(elsewhere, { recursive: true });
  });

  it("reports a link loop and a dangling link by name, one line each, instead of a raw ELOOP stack", async () => {
    await writeFile(path.join(dir, "good.txt"), GOOD);
    await symlink("loop-b.txt", path.join(dir, "loop-a.txt"));
    await symlink("loop-a.txt", path.join(dir, "loop-b.txt"));
    await symlink("gone.txt", path.join(dir, "dangling.txt"));
    const error = await readCorpus(dir).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(CorpusError);
    const lines = (error as Error).message.split("\n").slice(1).map((l) => l.trim());
    expect(lines).toEqual([
      `${path.join(dir, "dangling.txt")} is a symbolic link to 'gone.txt', which does not exist; remove it or point it at a report`,
      `${path.join(dir, "loop-a.txt")} is a symbolic link that loops back on itself; remove it or point it at a report`,
      `${path.join(dir, "loop-b.txt")} is a symbolic link that loops back on itself; remove it or point it at a report`,
    ]);
  });

  it("skips a link to the corpus folder itself, saying so", async () => {
    await writeFile(path.join(dir, "r.txt"), GOOD);
    await symlink(".", path.join(dir, "self.txt"));
    const warnings: string[] = [];
    expect((await readCorpus(dir, { warn: (m) => warnings.push(m) })).map((r) => r.id)).toEqual(["r"]);
    expect(warnings).toEqual([expect.stringMatching(/self\.txt is a folder \(a link to '\.'\), not a report; it was skipped/)]);
  });

  it("indexes an exact duplicate report once, naming both files", async () => {
    await writeFile(path.join(dir, "a.txt"), GOOD);
    await writeFile(path.join(dir, "b.txt"), GOOD);
    await writeFile(path.join(dir, "c.txt"), `${GOOD}\n补充一句。`);
    const warnings: string[] = [];
    expect((await readCorpus(dir, { warn: (m) => warnings.push(m) })).map((r) => r.id)).toEqual(["a", "c"]);
    expect(warnings).toEqual([`${path.join(dir, "b.txt")} is an exact copy of a.txt; it is indexed once, as a.txt. Remove one of the two.`]);
  });
});
