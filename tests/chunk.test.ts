import { describe, expect, it } from "vitest";
import { chunkDoc } from "../src/chunk.js";
import { cleanReport } from "../src/corpus/clean.js";
import { readCorpus } from "../src/corpus/load.js";
import { hasSentenceEnd, refersBack, splitSentences } from "../src/text/sentences.js";
import { REAL_CORPUS } from "./helpers/corpus.js";

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("sentence splitting", () => {
  it("ends sentences at 。！？；… and their half-width forms", () => {
    expect(sentences("第一句。第二句！第三句？第四句;第五句……第六句")).toEqual(["第一句。", "第二句！", "第三句？", "第四句;", "第五句……", "第六句"]);
  });

  it("never splits inside a number", () => {
    const text = "投入约2.3亿元新建骨灰堂,产前筛查率为83.26%,累计接种2.1万剂次。热线0516——85707122。为纪念5.12国际护士节。";
    expect(sentences(text)).toEqual([
      "投入约2.3亿元新建骨灰堂,产前筛查率为83.26%,累计接种2.1万剂次。",
      "热线0516——85707122。",
      "为纪念5.12国际护士节。",
    ]);
  });

  it("keeps a closing quote with the sentence it closes", () => {
    expect(sentences("“今年增加至12个。”张海明说。")).toEqual(["“今年增加至12个。”", "张海明说。"]);
  });

  it("tells headings (no sentence end) from prose", () => {
    expect(hasSentenceEnd("抓队伍、筑堡垒,压紧党建工作“硬责任”")).toBe(false);
    expect(hasSentenceEnd("比例为83.26%")).toBe(false);
    expect(hasSentenceEnd("已完成98个……")).toBe(true);
  });

  it("tells a sentence that continues the one before: a demonstrative, 会上, or the short name that one gives", () => {
    expect(refersBack("此次读书班通过专家授课展开。", () => "读书班开班。")).toBe(true);
    expect(refersBack("《方案》通过六大方式培训干部。", () => "印制《活动实施方案》(以下简称《方案》)。")).toBe(true);
    expect(refersBack("《方案》通过六大方式培训干部。", () => "印制《活动实施方案》。")).toBe(false);
    // 会上, 会议强调: what was said at the meeting the sentence before names.
    expect(refersBack("会上强调，要认真落实主体责任。", () => "5月9日下午，召开党风廉政建设会议。")).toBe(true);
  });
});

describe("chunking the real reports", async () => {
  const docs = (await readCorpus(REAL_CORPUS)).map((r) => cleanReport(r));
  const all = docs.flatMap((d) => chunkDoc(d).map((c) => ({ doc: d, chunk: c })));

  it("keeps doc id, paragraph index and offsets that reproduce the text", () => {
    for (const { doc, chunk } of all) {
      expect(chunk.docId).toBe(doc.id);
      expect(doc.raw.slice(chunk.start, chunk.end)).toBe(chunk.text);
      const p = doc.paragraphs[chunk.paragraph]!;
      expect(chunk.start).toBeGreaterThanOrEqual(p.start);
      expect(chunk.end).toBeLessThanOrEqual(p.end);
    }
  });

  it("starts and ends every chunk on a sentence boundary", () => {
    for (const { doc, chunk } of all) {
      const para = doc.paragraphs[chunk.paragraph]!;
      const bounds = splitSentences(para.text, para.start);
      expect(bounds.some((s) => s.start === chunk.start), chunk.id).toBe(true);
      expect(bounds.some((s) => s.end === chunk.end), chunk.id).toBe(true);
    }
  });

  it("keeps chunks to a few hundred characters unless one sentence is longer", () => {
    for (const { chunk } of all) {
      if (sentences(chunk.text).length > 1) expect(chunk.text.length, chunk.id).toBeLessThanOrEqual(300);
    }
  });

  it("overlaps consecutive chunks of a paragraph by one sentence", () => {
    const pairs = all.filter(({ chunk }, i) => all[i + 1]?.chunk.paragraph === chunk.paragraph && all[i + 1]?.chunk.docId === chunk.docId);
    expect(pairs.length).toBeGreaterThan(0);
    for (const { chunk } of pairs) {
      const next = all[all.findIndex((x) => x.chunk.id === chunk.id) + 1]!.chunk;
      const lastSentence = sentences(chunk.text).at(-1)!;
      expect(next.text.startsWith(lastSentence)).toBe(true);
    }
  });

  it("carries the heading above a chunk as its section", () => {
    const chunk = all.find(({ chunk }) => chunk.text.includes("5家医疗机构开设了发热门诊"))!.chunk;
    expect(chunk.section).toBe("抓防疫、强保障,提升党建引领“硬实力”");
  });
});
