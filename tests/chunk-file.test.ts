import { rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readChunkFile, writeChunkFile } from "../src/index/chunk-file.js";
import { tempDir } from "./helpers/corpus.js";

describe("chunk store file", () => {
  it("gives back exactly what was saved, new report fields included, and hashes only when asked", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "chunks.bin");
    const docs = [
      { id: "a", file: "a.txt", title: "标题甲", source: null, date: "2024-01-02", subjects: ["徐州"], paragraphs: [
        { index: 0, start: 0, end: 4, text: "一、党建", heading: true, caption: false },
        { index: 1, start: 5, end: 12, text: "▲发热门诊𠀀开设。", heading: false, caption: true },
      ] },
      { id: "b", file: "b.md", title: "标题乙", source: "卫健委", date: null, subjects: [], paragraphs: [] },
    ];
    const chunks = [
      { id: "a#0", docId: "a", paragraph: 1, section: "一、党建", start: 5, end: 12, text: "发热门诊𠀀开设。" },
      { id: "a#1", docId: "a", paragraph: 1, section: "", start: 5, end: 9, text: "发热门诊" },
      { id: "b#0", docId: "b", paragraph: 0, section: null, start: 0, end: 2, text: "乙文" },
    ];
    const labels = Int32Array.from([4, 0, 7]);
    writeChunkFile(file, { docs, chunks, hashes: ["h0", "h1", "h2"], labels });
    expect(readChunkFile(file, { hashes: true })).toEqual({ docs, chunks, hashes: ["h0", "h1", "h2"], labels });
    expect(readChunkFile(file, { hashes: false }).hashes).toEqual([]);
    await rm(dir, { recursive: true });
  });
});
