import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../src/answer/answerer.js";
import { NOT_FOUND_MESSAGE } from "../src/answer/compose.js";
import { fuseRankings, retrieve } from "../src/answer/retrieve.js";
import { HashedEmbedder } from "../src/embed/hashed.js";
import { buildIndex } from "../src/index/build.js";
import { loadIndex } from "../src/index/store.js";
import { tempWorkspace } from "./helpers/corpus.js";

describe("reciprocal rank fusion", () => {
  it("ranks a passage both channels found above ones only one channel found", () => {
    const fused = fuseRankings([{ hits: [{ id: 1, score: 0.9 }, { id: 2, score: 0.8 }], weight: 1 }, { hits: [{ id: 3, score: 12 }, { id: 2, score: 10 }], weight: 1 }], 60);
    expect(fused[0]!.id).toBe(2);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 62);
  });

  it("still ranks when one channel is empty", () => {
    expect(fuseRankings([{ hits: [], weight: 1 }, { hits: [{ id: 7, score: 3 }, { id: 4, score: 1 }], weight: 1 }], 60).map((h) => h.id)).toEqual([7, 4]);
  });
});

describe("answering from the real reports", () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let answerer: Answerer;
  let env: Record<string, string>;

  beforeAll(async () => {
    ws = await tempWorkspace();
    await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });
    env = { CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, EMBEDDER: "hashed" };
    answerer = await Answerer.open({ indexDir: ws.indexDir, embedder: new HashedEmbedder() });
  });
  afterAll(async () => ws.cleanup());

  it("answers with the report's own sentences, each carrying a citation that holds it", async () => {
    const answer = await answerer.ask("南岸区九价HPV疫苗累计接种了多少剂次？");
    expect(answer.found).toBe(true);
    expect(answer.sentences[0]!.text).toContain("2.1万剂次");
    for (const s of answer.sentences) {
      const citation = answer.citations.find((c) => c.n === s.citation)!;
      expect(citation.excerpt).toContain(s.text);
      expect(answer.answer).toContain(`${s.text}[${s.citation}]`);
    }
    expect(answer.citations[0]).toMatchObject({ docId: "002_bcc9836c8c8f6416", source: "南岸区卫生健康委", date: "2024-05-29" });
  });

  it("answers a follow-up naming no subject about what the previous question asked, unless it asks about something else", async () => {
    const more = await answerer.ask("培训了多少人？", { previous: "江海区卫健局的《方案》通过哪些方式学习？" });
    expect(more.interpreted).toMatch(/^江海区卫健局的《方案》通过.*，培训了多少人？$/);
    expect(more.sentences[0]!.text).toContain("近700名");
    // “2+6+x” is no word of the 徐州 report: the question is asked on its own.
    const other = await answerer.ask("什么是“2+6+x”培训机制？", { previous: "徐州市卫健委党委书记是谁？" });
    expect(other.interpreted).toBeNull();
    expect(other.sentences[0]!.text).toContain("2+6+x");
    // 疫苗呢 turns from what was asked to another thing: the answer is about that thing.
    const vaccine = await answerer.ask("疫苗呢", { previous: "江北新区常态化核酸检测做了多少人次？" });
    expect(vaccine.sentences[0]!.text).toContain("疫苗");
    // …and asks of it what was asked: a count, not 4家核酸检测实验室 beside it.
    const tests = await answerer.ask("核酸检测呢", { previous: "江北新区发热门诊累计接诊多少人次？" });
    expect(tests.sentences[0]!.highlight).toBe("44万人次");
    // A word of the previous question no report has (依照) is not the follow-up's own.
    const reward = await answerer.ask("评上以后有啥奖励吗？", { previous: "江海区开展党员星级评定是依照什么标准？" });
    expect(reward.interpreted).not.toBeNull();
    expect(reward.sentences[0]!.text).toContain("表彰");
    // A word no report has (防病) beside the previous report's words (居民, 知识) is the user's own wording;
    // alone (今天天气) it asks of something else.
    const previous = "义马人民医院去耿村社区义诊派了几个党员？";
    const residents = await answerer.ask("给多少居民讲了防病知识？", { previous });
    expect(residents.sentences[0]!.text).toContain("300多名居民");
    expect((await answerer.ask("今天天气咋样？", { previous })).status).toBe("not_found");
  });

  it("answers 还有呢？ with more of what the previous question asked, not the sentences its answer already quoted", async () => {
    const previous = "义马疾控中心派了几个人做补碘宣传？";
    const before = await answerer.ask(previous);
    const more = await answerer.ask("还有呢？", { previous });
    expect(more.status).not.toBe("not_found");
    const said = new Set(before.sentences.map((s) => s.text));
    expect(more.sentences.filter((s) => said.has(s.text))).toEqual([]);
    expect(more.sentences[0]!.text).toContain("补碘");
    // 除了补碘宣传还做了什么 names what it already knows.
    const besides = await answerer.ask("除了补碘宣传还做了什么？", { previous });
    expect(besides.sentences.filter((s) => said.has(s.text))).toEqual([]);
    // 他们在学校还做了什么 asks for more of the same people, as 还有呢 does: not the 补碘 sentence again.
    const atSchool = await answerer.ask("他们在学校还做了什么？", { previous: "义马市疾控中心派了几名专业人员做科学补碘宣传？" });
    expect(atSchool.sentences[0]!.text).toContain("入校体温检测");
  });

  it("answers a message that asks only of what came before (有哪些？, 能举两个名字吗？) from the previous question", async () => {
    const previous = "南岸区一共创建了多少个清廉品牌？";
    for (const q of ["有哪些？", "能举两个名字吗？"]) {
      const a = await answerer.ask(q, { previous });
      expect(a.status).toBe("answered");
      expect(a.sentences[0]!.text).toContain("清廉仁济");
    }
    expect((await answerer.ask("你好", { previous })).unsearchable).toBe("greeting");
  });

  it("numbers citations 1..n in order of first use and lists only quoted passages", async () => {
    const answer = await answerer.ask("江北新区落户的五个医院建设项目总投资是多少？");
    const firstUse = [...new Set(answer.sentences.map((s) => s.citation))];
    expect(firstUse).toEqual(answer.citations.map((c) => c.n));
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
    for (const c of answer.citations) {
      expect(c.quotes.length).toBeGreaterThan(0);
      for (const q of c.quotes) expect(answer.sentences.map((s) => s.text)).toContain(c.excerpt.slice(q.start, q.end));
      expect(c.context).toContain(c.excerpt);
    }
  });

  it("matches quoted terms and numbers", async () => {
    expect((await answerer.ask("新生儿出生“一件事”改革的目标是什么？")).answer).toContain("零距离、零材料、零跑腿");
    expect((await answerer.ask("全市产前筛查率83.26%是哪里的数据？")).citations[0]!.docId).toBe("001_45c036bfc3bc9d28");
  });

  it("does not repeat a sentence that two overlapping passages share", async () => {
    const answer = await answerer.ask("江北新区建设运营了多少个居家养老服务中心？");
    const texts = answer.sentences.map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("answers a question about nothing the reports cover with not found and no citations", async () => {
    const answer = await answerer.ask("明天的天气怎么样？");
    expect(answer).toMatchObject({ status: "not_found", found: false, answer: NOT_FOUND_MESSAGE, sentences: [], citations: [] });
  });

  it.each([
    ["北京协和医院的院长是谁？", "北京"],
    ["明天上海的天气怎么样？", "上海"],
  ])("answers '%s' with not found, naming the place no report is about", async (q, place) => {
    const answer = await answerer.ask(q);
    expect(answer).toMatchObject({ status: "not_found", found: false, sentences: [], citations: [] });
    expect(answer.answer).toContain(`没有关于${place}的内容`);
  });

  it.each([
    ["你好", "greeting"],
    ["What can you do?", "not_chinese"],
    ["？？？", "no_content"],
  ])("does not search '%s' and says what the bot can do (%s)", async (q, why) => {
    const answer = await answerer.ask(q);
    expect(answer).toMatchObject({ status: "not_found", unsearchable: why, sentences: [], citations: [] });
    expect(answer.answer).toMatch(/报告/);
  });

  it("answers from keyword search alone when the query cannot be embedded", async () => {
    const broken = new HashedEmbedder();
    broken.embedQuery = async () => {
      throw new Error("model crashed");
    };
    const warnings: string[] = [];
    const lexicalOnly = await Answerer.open({ indexDir: ws.indexDir, embedder: broken, warn: (m) => warnings.push(m) });
    const answer = await lexicalOnly.ask("义马市护士节表彰了多少名优秀护理工作者？");
    expect(answer.sentences[0]!.text).toContain("23名优秀护理工作者");
    expect(warnings[0]).toMatch(/keyword search only: model crashed/);
  });

  it("ask --json prints exactly the documented fields, one line per stdin question", async () => {
    const run = promisify(execFile);
    const child = run("npx", ["tsx", "scripts/ask.ts", "--index", ws.indexDir], { env: { ...process.env, ...env } });
    child.child.stdin!.end("南岸区创建了哪些清廉品牌？\n明天上海的天气怎么样？\n");
    const { stdout } = await child;
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const [found, missing] = lines;
    expect(Object.keys(found)).toEqual(["query", "interpreted", "status", "found", "answer", "sentences", "citations"]);
    expect(found).toMatchObject({ query: "南岸区创建了哪些清廉品牌？", status: "answered", found: true });
    expect(Object.keys(found.sentences[0])).toEqual(["text", "citation", "highlight"]);
    expect(Object.keys(found.citations[0])).toEqual(["n", "docId", "title", "source", "date", "excerpt", "score"]);
    expect(found.citations[0].excerpt).toContain("清廉仁济");
    expect(missing).toMatchObject({ status: "not_found", found: false, sentences: [], citations: [] });
  });
});

describe("each retrieval channel alone", () => {
  it("finds the passage by embeddings alone, and by keywords alone", async () => {
    const ws = await tempWorkspace();
    const embedder = new HashedEmbedder();
    await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder });
    const index = await loadIndex(ws.indexDir);
    const question = "义马市疾控中心怎样开展科学补碘宣传？";
    const holds = (ranked: ReturnType<typeof retrieve>) => ranked.slice(0, 3).some((p) => p.chunk.text.includes("科学补碘宣传点"));

    const denseOnly = retrieve({ ...index, lexical: null }, question, await embedder.embedQuery(question));
    expect(denseOnly.every((p) => p.dense !== undefined && p.lexical === undefined)).toBe(true);
    expect(holds(denseOnly)).toBe(true);

    const lexicalOnly = retrieve(index, question, null);
    expect(lexicalOnly.every((p) => p.lexical !== undefined && p.dense === undefined)).toBe(true);
    expect(holds(lexicalOnly)).toBe(true);
    await ws.cleanup();
  });
});
