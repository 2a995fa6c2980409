import { describe, expect, it } from "vitest";
import { readCorpus } from "../src/corpus/load.js";
import { cleanReport, explainLine } from "../src/corpus/clean.js";
import { chunkDoc } from "../src/chunk.js";
import type { Doc } from "../src/types.js";
import { REAL_CORPUS } from "./helpers/corpus.js";

const docs: Doc[] = (await readCorpus(REAL_CORPUS)).map(cleanReport);
const byId = (prefix: string) => docs.find((d) => d.id.startsWith(prefix))!;

/** Web-page leftovers named in the index issue; none may survive cleaning. */
const LEFTOVERS = ["留言与评论", "验证码", "昵称", "上一篇", "下一篇", "放大 缩小 默认", "版权所有", "ICP备", "投稿邮箱", "bhline@163.com", "qyangluo", "PDF原版下载", "读者留言", "▲"];

describe("cleaning the real reports", () => {
  it("leaves none of the web-page leftovers in any chunk", () => {
    for (const doc of docs) {
      for (const chunk of chunkDoc(doc)) {
        for (const junk of LEFTOVERS) expect(chunk.text, `${chunk.id} holds '${junk}'`).not.toContain(junk);
        expect(chunk.text).not.toMatch(/^图片$/m);
      }
    }
  });

  it("gives every report chunks", () => {
    expect(docs).toHaveLength(5);
    for (const doc of docs) expect(chunkDoc(doc).length, doc.id).toBeGreaterThan(5);
  });

  it("finds each title, using the metadata file where the first line is cut off", () => {
    expect(byId("000").title).toBe("南京江北新区:坚持党建引领,推进卫生健康和民政事业高质量发展");
    expect(byId("001").title).toBe("学党史践初心 全力为群众生命健康护航——市卫健委推进党史学习教育纪实");
    expect(byId("002").title).toBe("红岩医者 党建“三说”·书记说经验 | 四个抓手做实党建统领 推动高质量发展全面过硬");
    expect(byId("003").title).toBe("江海:党建引领激发“红色动能”");
    expect(byId("004").title).toBe("青春战疫放光彩 守护安康献爱心--义马市卫健委围绕中心抓党建工作纪实");
  });

  it("extracts publisher and the stated date", () => {
    expect(byId("000").source).toBe("新江苏·中国江苏网");
    expect(byId("001").source).toBe("全程导医网");
    expect(byId("002")).toMatchObject({ source: "南岸区卫生健康委", date: "2024-05-29" });
    expect(byId("003").source).toBe("广东卫生健康电子报");
    expect(byId("004")).toMatchObject({ source: "豫鲁健康网", date: null });
  });

  it("keeps the Jiangbei lead paragraph once, dropping the duplicated abstract", () => {
    const lead = "近年来,江北新区卫生健康和民政党工委始终坚持";
    const paragraphs = byId("000").paragraphs.filter((p) => p.text.includes(lead));
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]!.text).toContain("全面推动新区卫生健康和民政事业高质量发展。");
  });

  it("keeps offsets that point at each paragraph in the original text", () => {
    for (const doc of docs) for (const p of doc.paragraphs) expect(doc.raw.slice(p.start, p.end)).toBe(p.text);
  });

  it("warns about a cut-off title when no metadata file fixes it", () => {
    const doc = cleanReport({ id: "x", file: "x.txt", sha256: "", encoding: "utf-8", meta: {}, text: "某区:坚持党建引领,推进卫生健康和\n\n正文第一句。正文第二句。" });
    expect(doc.title).toBe("某区:坚持党建引领,推进卫生健康和");
    expect(doc.warnings[0]).toMatch(/cut off.*x\.meta\.json/);
  });
});

describe("line rules", () => {
  it.each([
    ["验证码:", "comment form"],
    ["上一篇:义马市卫健委召开座谈会", "navigation"],
    ["本网站由广东卫生健康版权所有,未经授权禁止复制 ICP备案号:粤ICP备2022057423号-1", "copyright or ICP line"],
    ["欢迎投稿,投稿邮箱:bhline@163.com。", "submission e-mail line"],
    ["图片", "image caption"],
    ["董兴连(中)到医院慰问优秀护理工作者", "image caption"],
  ])("drops %s as a %s", (line, rule) => {
    expect(explainLine(line)).toBe(rule);
  });

  it("keeps prose, headings and lines with figures", () => {
    expect(explainLine("抓队伍、筑堡垒,压紧党建工作“硬责任”")).toBeNull();
    expect(explainLine("徐州健康热线:0516——85707122")).toBeNull();
    expect(explainLine("5家医疗机构开设了发热门诊,累计接诊万余人次。")).toBeNull();
  });
});
