/**
 * Report-aware retrieval among look-alikes: the real reports plus copies with
 * other places, people and figures, which is what a collection of county
 * reports looks like. A passage that never names its own place (the AED
 * sentence of the Xuzhou report says 全市, not 徐州) must still be found in
 * the right report, and an answer must not mix reports.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../src/answer/answerer.js";
import { rankReports, type RankedPassage } from "../src/answer/retrieve.js";
import { lookAlike } from "../src/bench/synthetic.js";
import { HashedEmbedder } from "../src/embed/hashed.js";
import { buildIndex } from "../src/index/build.js";
import { tempWorkspace } from "./helpers/corpus.js";

/** Look-alike copies of each report: enough that every real passage has many near-twins. */
const COPIES = 12;
const XUZHOU = "001_45c036bfc3bc9d28";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let answerer: Answerer;

beforeAll(async () => {
  ws = await tempWorkspace();
  for (const name of (await readdir(ws.corpusDir)).filter((n) => n.endsWith(".txt"))) {
    const text = await readFile(path.join(ws.corpusDir, name), "utf8");
    for (let k = 1; k <= COPIES; k++) await writeFile(path.join(ws.corpusDir, `copy${k}_${name}`), lookAlike(text, k));
  }
  const embedder = new HashedEmbedder();
  await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder });
  answerer = await Answerer.open({ indexDir: ws.indexDir, embedder });
});
afterAll(async () => ws.cleanup());

describe("retrieval among look-alike reports", () => {
  it("finds a passage that never names its place in the report about the place the question names", async () => {
    const { question, ranked } = await answerer.search("徐州在公共场所投放了多少台AED？");
    expect(question.subjectDocs).toEqual([XUZHOU]);
    expect(ranked[0]!.chunk.docId).toBe(XUZHOU);
    expect(ranked[0]!.chunk.text).toContain("993台");
    expect(ranked[0]!.chunk.text).not.toContain("徐州");
  });

  it("answers from that report alone, with the figure highlighted", async () => {
    const answer = await answerer.ask("徐州在公共场所投放了多少台AED？");
    expect(answer.status).toBe("answered");
    expect(answer.citations.every((c) => c.docId === XUZHOU)).toBe(true);
    expect(answer.sentences[0]!.highlight).toBe("993台");
  });

  it("answers a follow-up about another place from that place's report, not a look-alike", async () => {
    const answer = await answerer.ask("那南岸区呢？", { previous: "徐州累计接种了多少剂次疫苗？" });
    expect(answer.interpreted).toBe("南岸区累计接种了多少剂次疫苗？");
    expect(answer.citations.every((c) => c.docId === "002_bcc9836c8c8f6416")).toBe(true);
    expect(answer.sentences[0]!.text).toContain("2.1万剂次");
  });

  it("keeps an answer to a question that names no place inside one report", async () => {
    const answer = await answerer.ask("“六个聚焦”包括哪些内容？");
    expect(answer.status).toBe("answered");
    expect(new Set(answer.citations.map((c) => c.docId)).size).toBe(1);
  });

  it("refuses a place the reports are not about, however many reports there are", async () => {
    const answer = await answerer.ask("北京市卫健委主任是谁？");
    expect(answer.status).toBe("not_found");
    expect(answer.answer).toContain("北京市");
  });
});

describe("ranking reports for a question that names no subject", () => {
  const passage = (docId: string, score: number): RankedPassage => ({
    id: 0,
    score,
    chunk: { id: `${docId}#0`, docId, paragraph: 0, section: null, start: 0, end: 1, text: "" },
  });

  it("ranks a report by its best passage and half its second best, the best passage's report first", () => {
    // y's two passages outweigh x's one, but x holds the best passage of all (a rare word's match).
    const ranked = [passage("x", 0.025), passage("y", 0.024), passage("y", 0.023), passage("z", 0.02), passage("z", 0.019)];
    expect(rankReports(ranked)).toEqual(["x", "y", "z"]);
    expect(rankReports(ranked.slice(1))).toEqual(["y", "z"]);
  });

  it("ranks the report of the keyword channel's best passage second, though the dense channel missed it", () => {
    // w's passage is the only one with the question's rare word (贾汪): first by keywords, absent from the dense ranking.
    const ranked = [passage("x", 0.025), passage("y", 0.024), passage("y", 0.023), passage("z", 0.02), { ...passage("w", 0.016), lexical: { rank: 1, score: 9 } }];
    expect(rankReports(ranked)).toEqual(["x", "w", "y", "z"]);
  });
});
