import { rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { miniSearchLikeLexical } from "../src/bench/peers.js";
import { LexicalIndex, type LexicalDocument } from "../src/index/lexical.js";
import { buildPostings, type Postings } from "../src/index/postings.js";
import { mergePostings } from "../src/index/postings-merge.js";
import { tokenize } from "../src/text/tokenize.js";
import { tempDir } from "./helpers/corpus.js";

/** A deterministic pseudo-random generator (mulberry32), so the corpus is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const PHRASES = [
  "党建引领", "基层党组织", "发热门诊", "家庭医生签约", "清廉医院", "党史学习教育", "公立医院改革", "健康扶贫",
  "医疗服务", "疫情防控", "志愿服务", "卫生健康委员会", "党支部书记", "居家养老", "九价HPV疫苗", "科学补碘",
  "组织生活会", "三会一课", "作风建设", "医共体",
];
const PLACES = ["徐州市", "江海区", "南岸区", "义马市", "江北新区", "滨海县", "青山区"];
/** Rare names: each in a handful of passages, as a person or a place is in the reports. */
const NAMES = Array.from({ length: 120 }, (_, i) => "王李张刘陈杨赵黄周吴"[i % 10]! + "伟芳娜敏静丽强磊军洋勇艳"[Math.floor(i / 10)]! + "明");

/** Passages of common and rare phrases, numbers and places: many partial matches, few ties. */
function corpus(size: number): LexicalDocument[] {
  const next = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  return Array.from({ length: size }, (_, id) => {
    const words = Array.from({ length: 3 + Math.floor(next() * 12) }, () => (next() < 0.15 ? `${Math.floor(next() * 500)}个` : pick(PHRASES)));
    const name = next() < 0.5 ? `${pick(NAMES)}同志` : "";
    return { id: id * 3 + 7, text: `${pick(PLACES)}${name}${words.join("，")}。`, context: `${pick(PLACES)}卫健委报告 ${pick(PHRASES)}` };
  });
}

const QUESTIONS = [
  "徐州市发热门诊有多少个？",
  "江海区的党建引领和基层党组织建设",
  "九价HPV疫苗",
  "清廉医院 作风建设 组织生活会 三会一课",
  "“医共体”",
  "南岸区居家养老志愿服务",
  "123个",
  "王伟明同志在发热门诊和疫情防控中做了什么",
  "张芳明 李伟明 基层党组织 党建引领 医疗服务",
  "赵磊明同志的家庭医生签约和居家养老",
  "医疗医疗服务服务",
  "完全没有出现的词语",
];

/** Scores equal up to rounding; ids equal wherever the score is not tied with a neighbour's. */
function expectSameRanking(ours: { id: number; score: number }[], theirs: { id: number; score: number }[]): void {
  expect(ours.map((h) => h.score)).toEqual(theirs.map((h) => expect.closeTo(h.score, 9)));
  theirs.forEach((h, i) => {
    const tied = [theirs[i - 1], theirs[i + 1]].some((o) => o && Math.abs(o.score - h.score) < 1e-9);
    if (!tied) expect(ours[i]!.id).toBe(h.id);
  });
}

describe("lexical index", () => {
  const docs = corpus(600);
  const reference = miniSearchLikeLexical(docs);
  const index = LexicalIndex.build(docs);

  it("ranks and scores like MiniSearch with the same tokens and field boosts, for any k", () => {
    for (const q of QUESTIONS) {
      const theirs = reference.search(q).map((r) => ({ id: r.id as number, score: r.score }));
      for (const k of [1, 3, 20, 1000]) expectSameRanking(index.query(q, k), theirs.slice(0, k));
    }
    expect(index.query("完全没有出现的词语", 20)).toEqual([]);
  });

  it("skips most postings of common terms once rare ones settle the top k, and ranks the same", () => {
    // 同志 is in half the passages; once the rare name fills the top 3, its postings are looked up only for those few.
    const q = "张芳明同志";
    const hits = index.query(q, 3);
    expectSameRanking(hits, reference.search(q).slice(0, 3).map((r) => ({ id: r.id as number, score: r.score })));
    expect(index.lastQueryCost.scored).toBeLessThan(index.lastQueryCost.postings / 2);
  });

  it("keeps only the passages the filter accepts, and still ranks them like MiniSearch", () => {
    const accept = (id: number) => id % 2 === 0;
    for (const q of QUESTIONS) {
      const theirs = reference.search(q, { filter: (r) => accept(r.id as number) }).map((r) => ({ id: r.id as number, score: r.score }));
      const ours = index.query(q, 20, accept);
      expect(ours.every((h) => accept(h.id))).toBe(true);
      expectSameRanking(ours, theirs.slice(0, 20));
    }
  });

  it("answers the same after save and load, and weighs rare terms above common ones", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "lexical.bin");
    index.save(file);
    const loaded = LexicalIndex.load(file);
    expect(loaded.documentCount).toBe(600);
    for (const q of QUESTIONS) expect(loaded.query(q, 20)).toEqual(index.query(q, 20));
    expect(loaded.idf("徐州")).toBe(index.idf("徐州"));
    expect(index.idf("未见过")).toBeGreaterThan(index.idf("党建"));
    expect(index.idf("王伟明")).toBeGreaterThan(index.idf("党建"));
    // Document frequencies count a passage once, for its bigrams, whole tokens and single Han characters.
    const df = (unit: string) => docs.filter((d) => tokenize(`${d.context}\n${d.text}`).includes(unit) || (unit.length === 1 && `${d.context}${d.text}`.includes(unit))).length;
    const idf = (unit: string) => Math.log(1 + (600 - df(unit) + 0.5) / (df(unit) + 0.5));
    expect(index.idf("疫")).toBeCloseTo(idf("疫"), 12);
    expect(index.idf("hpv")).toBeCloseTo(idf("hpv"), 12);
    expect(index.idf("王伟明")).toBeCloseTo((idf("王伟") + idf("伟明")) / 2, 12);
    await rm(dir, { recursive: true });
  });
});

/** Postings keyed by term, so two builds compare whatever ids their terms got. */
function byTerm(p: Postings) {
  const out = new Map<string, unknown>();
  p.terms.forEach((term, t) => {
    const postings = [];
    for (let i = p.start[t]!; i < p.start[t + 1]!; i++) postings.push([p.doc[i], p.tfText[i], p.tfContext[i]]);
    // A term no passage holds any more says nothing; a fresh build does not have it.
    if (postings.length > 0 || p.dfUnits[t]! > 0) out.set(term, { postings, dfUnits: p.dfUnits[t], dfText: p.dfText[t], dfContext: p.dfContext[t] });
  });
  return { terms: out, ids: [...p.ids], lengthText: [...p.lengthText], lengthContext: [...p.lengthContext], averages: [...p.averages] };
}

describe("lexical index rebuilds", () => {
  const before = corpus(600);
  // A rebuild: passages 100-129 removed, 20 new ones in the middle and 5 at the end; positions shift.
  const added = corpus(625).slice(600).map((d, i) => ({ ...d, text: `新增${i}：${d.text}` }));
  const after = [...before.slice(0, 100), ...before.slice(130, 300), ...added.slice(0, 20), ...before.slice(300), ...added.slice(20)].map((d, id) => ({ ...d, id }));
  const previousOf = Int32Array.from(after, (d) => before.findIndex((b) => b.text === d.text && b.context === d.context));

  it("merges the previous postings with the new passages' into exactly what a fresh build gives", () => {
    const aTo = new Int32Array(before.length).fill(-1);
    previousOf.forEach((old, i) => {
      if (old >= 0) aTo[old] = i;
    });
    const bTo = Int32Array.from(after.keys()).filter((i) => previousOf[i]! < 0);
    const merged = mergePostings(buildPostings(before), aTo, buildPostings(Array.from(bTo, (i) => after[i]!)), bTo, Int32Array.from(after, (d) => d.id));
    expect(merged).not.toBeNull();
    expect(byTerm(merged!)).toEqual(byTerm(buildPostings(after)));
  });

  it("answers a rebuild exactly as a fresh build does", () => {
    const updated = LexicalIndex.update(LexicalIndex.build(before), after, previousOf);
    const fresh = LexicalIndex.build(after);
    for (const q of [...QUESTIONS, "新增3"]) expect(updated.query(q, 20)).toEqual(fresh.query(q, 20));
    for (const term of ["徐州", "王伟明", "疫", "新增"]) expect(updated.idf(term)).toBe(fresh.idf(term));
  });
});
