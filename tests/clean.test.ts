import { describe, expect, it } from "vitest";
import { readCorpus } from "../src/corpus/load.js";
import { cleanReport, explainLine } from "../src/corpus/clean.js";
import { chunkDoc } from "../src/chunk.js";
import type { Doc } from "../src/types.js";
import type { ReportFile } from "../src/corpus/load.js";
import { REAL_CORPUS } from "./helpers/corpus.js";

const report = (text: string): ReportFile => ({ id: "x", file: "x.txt", sha256: "", encoding: "utf-8", meta: {}, text });

const docs: Doc[] = (await readCorpus(REAL_CORPUS)).map((r) => cleanReport(r));
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

  it("keeps the credit lines about each report: column, editor, authors", () => {
    expect(byId("000").credits).toEqual(["通讯员 苏为彬 王惠敏 记者 丁小玲"]);
    expect(byId("003").credits).toEqual(["栏目:抓党建谋发展", "蔡昭璐 谭观琴 吴慧敏"]);
    expect(byId("004").credits).toEqual(["责任编辑:黄爽", "李超 谢瑞斯 王平"]);
    expect(byId("001").credits).toEqual([]);
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

  it("keeps the photo captions that state a name with a title or a figure, as citable caption paragraphs", () => {
    const captions = byId("002").paragraphs.filter((p) => p.caption);
    expect(captions.map((p) => p.text.replace(/\s+/g, " "))).toEqual(["南岸区卫生健康委员会党委书记、主任 曹仁", "南岸区卫生健康系统10名人才获评“江南医疗菁英”"]);
    expect(byId("004").paragraphs.filter((p) => p.caption).map((p) => p.text)).toEqual(["董兴连(中)到医院慰问优秀护理工作者"]);
    for (const p of captions) expect(p.heading).toBe(false);
    // Citable: the caption is a passage of its own, so the name and title can be quoted.
    expect(chunkDoc(byId("002")).some((c) => c.text === captions[0]!.text)).toBe(true);
    for (const doc of docs) expect(doc.paragraphs.some((p) => p.text === "图片")).toBe(false);
  });

  it("warns about a cut-off title when no metadata file fixes it", () => {
    const doc = cleanReport(report("某区:坚持党建引领,推进卫生健康和\n\n正文第一句。正文第二句。"));
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
    ["图片", "photo label, credit, or caption stating no fact"],
    ["摄影：张明", "photo label, credit, or caption stating no fact"],
    ["▲党史学习教育动员大会现场", "photo label, credit, or caption stating no fact"],
    ["▲志愿者在社区开展义诊活动", "photo label, credit, or caption stating no fact"],
  ])("drops %s as a %s", (line, rule) => {
    expect(explainLine(line)).toBe(rule);
  });

  it("keeps captions that state a fact, without their ▲ marker", () => {
    const text = "标题行\n\n正文第一句。\n图片\n▲ 市卫健委党委书记、主任王某某(左二)看望一线医护人员\n▲活动现场\n图为5名党员志愿者在社区义诊\n正文第二句。";
    const doc = cleanReport(report(text));
    expect(doc.paragraphs.map((p) => [p.text, p.caption])).toEqual([
      ["正文第一句。", false],
      ["市卫健委党委书记、主任王某某(左二)看望一线医护人员", true],
      ["图为5名党员志愿者在社区义诊", true],
      ["正文第二句。", false],
    ]);
    for (const p of doc.paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("never takes a caption for the title", () => {
    expect(cleanReport(report("▲区卫健委主任李某某\n\n正文第一句。")).title).toBe("x");
  });

  it("keeps prose, headings and lines with figures", () => {
    expect(explainLine("抓队伍、筑堡垒,压紧党建工作“硬责任”")).toBeNull();
    expect(explainLine("徐州健康热线:0516——85707122")).toBeNull();
    expect(explainLine("5家医疗机构开设了发热门诊,累计接诊万余人次。")).toBeNull();
  });
});

describe("repeated paragraphs", () => {
  const lead = "近年来某区卫健委始终坚持把党的建设作为发展卫生健康事业的重要引擎，全面推动高质量发展。";
  it("keeps one copy of a repeated paragraph and drops one restated inside a longer one", () => {
    const abstract = "始终坚持把党的建设作为发展卫生健康事业的重要引擎";
    const doc = cleanReport(report(`标题行\n${abstract}\n${lead}\n第二段说别的事情，内容与第一段完全不同，也足够长。\n${lead}\n一是加强学习。\n一是加强学习。`));
    // Short paragraphs (under 20 characters) may repeat: 一是… lines recur in lists.
    expect(doc.paragraphs.map((p) => p.text)).toEqual([lead, "第二段说别的事情，内容与第一段完全不同，也足够长。", "一是加强学习。", "一是加强学习。"]);
  });

  it("handles many paragraphs in one pass, reporting progress as it goes", () => {
    // 50,000 distinct paragraphs: comparing each with each would take minutes.
    const body = Array.from({ length: 50_000 }, (_, i) => `第${i}段：某区卫健委在第${i}个社区开展了健康宣传活动，共服务群众${i * 7}人次。`);
    const progress: number[] = [];
    const doc = cleanReport(report(["标题行", ...body, body[0], body[1]].join("\n")), { onProgress: (done) => progress.push(done) });
    expect(doc.paragraphs).toHaveLength(50_000);
    expect(progress).toEqual([20_000, 40_000, 50_003]);
  });
});
