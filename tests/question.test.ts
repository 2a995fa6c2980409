import { describe, expect, it } from "vitest";
import { analyzeQuestion, type Vocabulary } from "../src/answer/question.js";
import { Gazetteer, personNames, placeNames, reportSubjects } from "../src/index/gazetteer.js";

const doc = (id: string, title: string, lead: string) => ({
  id,
  title,
  source: null,
  subjects: reportSubjects({ title, source: null, text: lead }),
  paragraphs: [{ text: lead, heading: false }],
});
const docs = [
  doc("xz", "徐州市卫健委推进党史学习教育纪实", "徐州市卫健委以悟思想为根本。市卫健委党委书记胡传峰在会上强调。徐州市累计接种超千万剂次。"),
  doc("na", "四个抓手做实党建统领", "南岸区卫生健康委党委聚焦党建统领，突出四个抓手。南岸区九价HPV疫苗累计接种2.1万剂次。"),
];
const vocabulary: Vocabulary = { gazetteer: new Gazetteer(docs), seen: () => true };
const ask = (q: string, previous?: string) => analyzeQuestion(q, vocabulary, { previous });

describe("the gazetteer", () => {
  it("finds the places and people a report is about, with and without the suffix", () => {
    expect(placeNames("徐州市卫健委。徐州市累计接种。")).toEqual(expect.arrayContaining(["徐州市", "徐州"]));
    expect(personNames("南京江北新区卫生健康和民政党工委书记、局长陆小军表示")).toEqual(["陆小军"]);
  });

  it("knows the city a title names before its place (南京江北新区) as the report's, not a city named mid-line", () => {
    expect(placeNames("江北新区卫生健康和民政党工委。", "南京江北新区:坚持党建引领")).toContain("南京");
    expect(placeNames("江北新区卫生健康和民政党工委。", "坚持党建引领推进江北新区发展")).not.toContain("推进");
  });

  it("does not take a level, a region or a market (列入市级, 跨区域, 农贸市场) for the end of a place", () => {
    expect(placeNames("卫健委列入市级计划的项目。推动跨区域合作。徐州市卫健委。")).toEqual(expect.arrayContaining(["徐州市"]));
    expect(placeNames("卫健委列入市级计划的项目。推动跨区域合作。")).toEqual([]);
    // 去市人民医院: the city's hospital, gone to.
    expect(placeNames("护士节去市人民医院慰问护士。")).toEqual([]);
    // A time or an aspect particle before 新区 or 市 ends no place's stem (下旬时新区, 保障了新区, 入围了市).
    expect(placeNames("2月下旬时新区率先复工，保障了新区安全，4个党组织入围了市示范计划。")).toEqual([]);
    expect(placeNames("其中县处级“一把手”工程25项。")).toEqual([]);
  });

  it("does not take a verb before a generic 新区 or 全市 for a place", () => {
    const names = placeNames("围绕新区中心工作，推动新区发展。全市共有。");
    expect(names).not.toContain("围绕");
    expect(names).not.toContain("全");
  });

  it("matches the longest known name in a question, never one inside another", () => {
    expect(vocabulary.gazetteer.find("徐州市卫健委主任是谁")).toEqual(["徐州市"]);
  });
});

describe("question analysis", () => {
  it("finds the subject and the reports about it", () => {
    const q = ask("徐州市卫健委一共举办了多少场讲习？");
    expect(q.subjects).toEqual(["徐州市"]);
    expect(q.subjectDocs).toEqual(["xz"]);
    expect(q.terms).not.toContain("徐州市");
    // The subject's own organisation is covered by the subject, not asked again.
    expect(q.terms).not.toContain("卫健委");
    // …and so is its Party committee (卫健委党委).
    expect(ask("南岸区卫健委党委是怎样强化党建责任的？").terms).toEqual(["强化", "党建", "责任"]);
    // Typed short (南岸卫健书记), it is still the organisation; its 党组织 are asked about, and 卫健小课堂 is a name.
    expect(ask("南岸卫健书记叫啥名").terms).toEqual([]);
    expect(ask("南岸卫健党组织有多少个").terms).toEqual(["党组织"]);
    expect(ask("南岸卫健小课堂是什么").terms.join()).toContain("卫健");
  });

  it("leaves out where a verb goes (多出来) and words for any person (负责同志)", () => {
    expect(ask("南岸区新院区建好以后能多出来多少张床位？").terms).not.toContain("出来");
    expect(ask("南岸区由主要负责同志领办的项目有多少项？").terms).not.toContain("同志");
  });

  it("keeps 帮扶 a term, which the segmenter cuts into 帮|扶, and reads 数据 as asking for figures", () => {
    expect(ask("南岸区帮扶了多少困难群众").terms).toEqual(["帮扶", "困难", "群众"]);
    expect(ask("南岸区办实事有哪些数据")).toMatchObject({ terms: ["实事"], asksResults: true });
  });

  it("leaves out prepositions, 受到 and 做到, so the words after them are the key (按照《方案》开展培训, 受到了教育, 做到了什么规模)", () => {
    expect(ask("南岸区按照《方案》开展全覆盖培训，涉及多少名党员？").terms).not.toContain("按照");
    expect(ask("南岸区一共有多少党员受到了教育？").terms).toEqual(["党员", "教育"]);
    // 做到 asks how far the thing got; the thing is the key.
    expect(ask("南岸区和江北新区的新冠疫苗接种各做到了什么规模？").terms).toEqual(["新冠", "疫苗", "接种"]);
  });

  it("leaves out the words an academic question frames itself with (维度, 阶段内, 规模, 达到)", () => {
    expect(ask("在老年人服务维度，南岸区首创的项目叫什么？").terms).not.toContain("维度");
    expect(ask("在党史学习教育开展以来的阶段内，南岸区的宣讲团规模达到了多少人？").terms).toEqual(["党史", "学习", "教育", "开展", "以来", "宣讲"]);
  });

  it.each([
    ["南岸区九价HPV疫苗累计接种了多少剂次？", "count"],
    ["徐州市卫健委党委书记是谁？", "person"],
    ["南岸区的健康脱口秀是什么时候办的？", "date"],
    ["南岸区创建了哪些清廉品牌？", "list"],
    ["南岸区的四个抓手是什么？", "list"],
    ["南岸区的“硬措施”指什么？", "definition"],
    ["什么是“2+6+x”培训机制？", "definition"],
    ["南岸区是如何破解人才难题的？", "how"],
    ["总结一下南岸区的做法", "overview"],
    ["简单介绍下南岸区卫健委的整体思路", "overview"],
    ["南岸区那篇报道主要讲了哪几个方面？", "overview"],
    ["南岸那篇报道分几个部分讲的？", "overview"],
    ["南岸区那篇报道分了哪几个板块？", "overview"],
    ["南岸区那篇报道主要有哪几方面的做法？请归纳一下。", "overview"],
    ["南岸区卫健委党建工作的总体思路是什么？", "overview"],
    ["我在写论文，想请你概括一下南岸区卫健委党建工作的整体框架", "overview"],
    ["南岸区卫健委2024年的党建工作大概有哪几块？", "overview"],
    ["南岸区卫健委抓党建有什么经验可以借鉴吗", "overview"],
    ["“六个聚焦”具体是哪六个？", "list"],
    ["江北20项办实事项目清单 具体是哪20项", "list"],
    ["南岸16个清廉品牌 全部名称列一下", "list"],
    // A counted set named alone asks what its members are.
    ["南岸 四个抓手", "list"],
    ["六个聚焦？", "list"],
    ["南岸那几个“硬”分别指啥", "definition"],
    ["南岸那篇主要讲了啥", "overview"],
    ["南岸那篇大概说了些啥？", "overview"],
    // Typed in a hurry, without 了.
    ["南岸这篇主要讲啥", "overview"],
    ["南岸卫健委那篇报道大概写了哪些党建活动", "overview"],
    // The kind of document (经验材料) and a span of years (近年来) name no part of the report.
    ["南岸区卫健委党建统领这篇经验材料主要讲了什么", "overview"],
    ["概括一下南岸区卫健委近年来的主要做法", "overview"],
    ["南岸区卫健委党建统领的纪实，概括起来讲了什么？", "overview"],
    ["南岸区那篇报道开头的核心意思是什么？", "overview"],
    ["能不能帮我把南岸区那篇报道的主要做法列个提纲？", "overview"],
    ["南岸区卫健委抓党建主要做了哪几方面的事？", "overview"],
    ["南岸区卫健委今年抓党建主要干了哪几件大事？", "overview"],
    ["南岸区卫健委党建统领的主要路径有哪些？", "overview"],
    ["南岸區那篇報導主要分成哪幾個部分？", "overview"],
    ["南岸区卫健委党建要点？", "overview"],
    ["请概括一下南岸区卫健委抓党建的主要措施。", "overview"],
    ["可以帮我整理一下南岸区卫健委那篇报道的重点吗？", "overview"],
    // Words about how the report is built (结构, 围绕…展开) ask about the whole of it.
    ["请帮我梳理一下南岸区这篇报道的结构，主要分哪几个部分？", "overview"],
    ["南岸区卫健委那篇纪实整体上是围绕哪几个方面展开的？", "overview"],
    ["徐州和南岸区的疫苗接种各有多少？", "comparison"],
    ["哪个地区的疫苗接种最多？", "comparison"],
    ["江海今年新发展的5名党员叫啥", "person"],
    ["徐州有没有投放AED？", "yesno"],
    ["江北新区的发热门诊让不让家属进去？", "yesno"],
  ])("reads '%s' as a %s question", (text, kind) => {
    expect(ask(text).kind).toBe(kind);
  });

  it("reads an overview of a report named as a report past words no report uses", () => {
    const lacking = (...words: string[]): Vocabulary => ({ ...vocabulary, seen: (unit) => !words.some((w) => w.includes(unit)) });
    const reports = lacking("眼睛不好使", "板块");
    // The user's own words (眼睛不好使) name no part of the report the question names (那篇报道, 一文).
    expect(analyzeQuestion("我让孩子找了南岸区那篇报道我眼睛不好使你给我说说主要讲了哪几块", reports).kind).toBe("overview");
    expect(analyzeQuestion("能否从结构维度概述南岸区卫健委党建统领一文的主要板块？", reports).kind).toBe("overview");
    // Without the report named as one, such a word is what is asked about.
    expect(analyzeQuestion("说说南岸区眼睛不好使的人怎么办", reports).kind).not.toBe("overview");
  });

  it("reads the unit and the counted noun of a count question", () => {
    const q = ask("南岸区为多少名老年人做了体检？");
    expect(q).toMatchObject({ kind: "count", unit: "名", counted: "老年" });
    // A word no report has, right before a question word ending the question, is what is counted;
    // a word the reports have there may be a verb (体检多少) and is not taken for it.
    const without博士 = { ...vocabulary, seen: (unit: string) => unit !== "博士" };
    expect(analyzeQuestion("南岸区347名人才博士几个？", without博士).counted).toBe("博士");
    expect(analyzeQuestion("南岸区老年人体检多少？", without博士).counted).toBeNull();
    // Put first, before a verb done (选了几个), what is counted is the word against the verb.
    expect(ask("南岸清廉医护选了几个？").counted).toBe("医护");
    expect(ask("那清廉医护呢，选了几个？", "南岸那个清廉品牌一共搞了多少个？").counted).toBe("医护");
    // Not across a clause: 送喜报，送了多少家 counts households, not 喜报.
    expect(ask("江北新区给立功的人家里送喜报，送了多少家？").counted).not.toBe("喜报");
    expect(ask("江北新区给退伍兵发了多少钱补助").unit).toBe("元");
    expect(ask("南岸区HPV疫苗接种量增长了百分之多少？").unit).toBe("%");
    // An amount of money asked without a measure word is counted in 元.
    expect(ask("南岸区党建工作经费有多少？").unit).toBe("元");
    expect(ask("南岸区有多少家医院？").unit).toBe("家");
    expect(ask("徐州产前筛查的比例有多少了").unit).toBe("%");
    // 多不多 asks how many as well, and says nothing about what.
    const many = ask("徐州街上的AED多不多");
    expect(many.want).toBe("count");
    expect(many.terms).toEqual(["街上", "aed"]);
  });

  it("reads the count a question asks, not the 那几家 that points at what it is about, and counts no vague noun (多少工作)", () => {
    expect(ask("南岸区那几家新医院盖好以后能多出多少张病床？")).toMatchObject({ kind: "count", unit: "张" });
    expect(ask("南岸区那三个人完成了多少工作？").counted).toBeNull();
  });

  it("asks for a figure with 比例是多少, and for a rank or standing with 比例在全国算什么水平", () => {
    expect(ask("南岸区HPV疫苗接种的比例是多少？")).toMatchObject({ want: "count", asksRank: false });
    expect(ask("南岸区HPV疫苗接种的比例在全国算什么水平")).toMatchObject({ want: "count", asksRank: true });
  });

  it("reads the noun a question ends on: before its question word, or after 哪些 or 什么, but not a category (是个什么项目)", () => {
    expect(ask("徐州卫健委提出的目标是什么？").focus).toBe("目标");
    expect(ask("徐州卫健委的党员重点学习了什么精神？").focus).toBe("精神");
    expect(ask("徐州的读书班去了哪些旧址？").focus).toBe("旧址");
    expect(ask("徐州做了哪些工作？").focus).toBeNull();
    // The head of a longer noun is its end; a generic noun followed by a verb is no focus.
    expect(ask("徐州的读书班探访了哪些红色教育基地？").focus).toBe("基地");
    expect(ask("徐州具体通过哪些方式落实？").focus).toBeNull();
    expect(ask("徐州的“一件事”改革到底是个什么项目？").focus).toBeNull();
  });

  it("reads the role a who-question asks for, and leaves every role out of the content terms", () => {
    const q = ask("徐州市卫健委党委书记是谁？");
    expect(q).toMatchObject({ kind: "person", role: "党委书记" });
    expect(q.terms).toEqual([]);
    expect(ask("徐州市卫健委的党委书记、主任是谁？").terms).toEqual([]);
    // 哪些领导 asks for officials of any role; 哪几位专家 for people too.
    expect(ask("徐州护士节哪些领导去慰问了？")).toMatchObject({ want: "person", role: "领导", terms: ["护士", "慰问"] });
    expect(ask("徐州的读书班请了哪几位专家？").want).toBe("person");
    // 哪位同志 asks for a person politely; the subject's 党组织 is whose head is asked.
    expect(ask("徐州市卫健委的党委书记是哪位同志？").terms).toEqual([]);
    expect(ask("南岸区和徐州市，两家单位的党组织一把手各是哪位？").terms).toEqual([]);
    // 他叫什么名字, 那位医生叫啥 ask for a person, not for the name of a thing.
    expect(ask("徐州有位医生以《赓续百年初心》为题分享感悟，他叫什么名字？").want).toBe("person");
    expect(ask("徐州那位医生叫啥？").want).toBe("person");
    expect(ask("徐州的清廉品牌叫什么名字？").want).toBe("name");
  });

  it("reads 哪个单位 about one named subject as asking which of its units, not which report", () => {
    expect(ask("徐州新发展的党员是哪个单位的？")).toMatchObject({ want: "which", whichKind: "单位" });
    expect(ask("徐州新发展的党员是哪个单位的？").kind).not.toBe("comparison");
  });

  it("reads where something went (参观了哪些地方) as no comparison, so a follow-up keeps the previous subject", () => {
    expect(ask("读书班去参观了哪些地方？").kind).not.toBe("comparison");
    expect(ask("哪些地方开展了党史宣讲？").kind).toBe("comparison");
    expect(ask("那都去参观了哪些地方？", "徐州卫健委第二期专题读书班是哪天开班的？").subjects).toEqual(["徐州"]);
  });

  it("leaves requests for a summary out of the content terms, and writes 5月份 as the reports do", () => {
    const q = ask("总结一下南岸区5月份开展了哪些活动");
    expect(q.terms).not.toContain("总结");
    expect(q.text).toContain("5月开展");
  });

  it("keeps how many (哪两家) and the words of a definition (指的是) out of the content terms", () => {
    expect(ask("南岸区领导去了哪两家医院慰问").terms).toEqual(["领导", "医院", "慰问"]);
    expect(ask("南岸区的四项监督指的是什么？").terms).toEqual(["监督"]);
    // 到底是个什么项目 asks what it is, as 是什么 does; 到底 says nothing.
    expect(ask("徐州的“一件事”改革到底是个什么项目？")).toMatchObject({ kind: "definition", terms: ["一件事", "改革", "项目"] });
    // 分别对应抓什么 asks for each of the named things.
    expect(ask("南岸区的“硬责任”“硬实力”分别对应抓什么？").kind).toBe("list");
  });

  it("reads what a when- or where-question asks the date or place of (座谈会是在哪开的 → 座谈会)", () => {
    expect(ask("南岸区护士节座谈会是在哪开的？").placed).toMatch(/^座谈/);
    expect(ask("南岸区的健康脱口秀是什么时候办的？").placed).toMatch(/^脱口/);
    expect(ask("南岸区有多少名党员？").placed).toBeNull();
  });

  it("reads a figure asked by its noun alone (年度预算？, 疫苗接种量？) as a count, of money in 元", () => {
    expect(ask("南岸区卫健委年度预算？")).toMatchObject({ kind: "count", unit: "元" });
    expect(ask("南岸区疫苗接种量？")).toMatchObject({ kind: "count", counted: "接种" });
    // 规模多大 asks how many, not how much land.
    expect(ask("南岸区宣讲团规模多大？").alternatives).toEqual({});
    expect(Object.values(ask("南岸区新院区占地多大？").alternatives).flat()).toContain("用地面积");
  });

  it("reads 来自哪 as asking for a place, like 在哪, but not 到哪几个", () => {
    expect(ask("南岸区表彰的23名优秀护士来自哪？").want).toBe("place");
    expect(ask("南岸区表彰了多少名优秀护士？").want).toBe("count");
    // 做到哪几个“同” asks which ones, not where (做到 + 哪).
    expect(ask("南岸区要求党风廉政建设与业务工作做到哪几个“同”？").want).not.toBe("place");
    // 哪两位 asks for two people, as 哪位 asks for one.
    expect(ask("南岸区和江海区的党组织书记分别是哪两位？").want).toBe("person");
  });

  it("reads 这句话是谁说的 as asking who said the quoted line: 这句话 is no matter a sentence must name", () => {
    expect(ask("“党员干部的能力才会提升”这句话是谁说的？")).toMatchObject({ want: "person", unattested: [] });
    expect(ask("“党员干部的能力才会提升”这句话是谁说的？").terms).not.toContain("句话");
  });

  it("reads 成效如何 and 带来了什么变化 as asking what came of something, and leaves the word out of the terms", () => {
    expect(ask("南岸区清廉医院建设成效如何？").asksResults).toBe(true);
    expect(ask("南岸区清廉医院建设成效如何？").terms).not.toContain("成效");
    expect(ask("江海区调整党组织架构带来了什么变化？").asksResults).toBe(true);
    // 想达到什么效果 asks the aim, not what came of it.
    expect(ask("江海区强化党建引领想达到什么效果？").asksResults).toBe(false);
  });

  it("reads 怎么评价 and 怎么看 as asking for a view, and 带头的 as a role", () => {
    expect(ask("南岸区怎么评价优秀护士？").asksView).toBe(true);
    expect(ask("南岸区是怎么创建清廉品牌的？").asksView).toBe(false);
    // What someone said (书记说…, 头儿说…) is reported speech as well; 说说 and 说明 ask no view.
    expect(ask("南岸区卫健委的头儿说政治水平提高了有啥好处？").asksView).toBe(true);
    expect(ask("说说南岸区的做法").asksView).toBe(false);
    // 怎么看 asks for a view, not how something is done.
    expect(ask("南岸区怎么看清廉建设的作用？").asksHow).toBe(false);
    // 以什么形式 asks how as 以什么方式 does.
    expect(ask("徐州的读书班是以什么形式开展的？").asksHow).toBe(true);
    expect(ask("徐州核酸检测队带头的是谁？")).toMatchObject({ kind: "person", role: "带头的" });
  });

  it("reads a rank question (排第几名) as asking for a rank, and 代表谁 as open to an organisation", () => {
    expect(ask("南岸区的人才发展指数排第几名")).toMatchObject({ want: "count", asksRank: true });
    expect(ask("南岸区的党员有多少名").asksRank).toBe(false);
    expect(ask("南岸区引进的人才里有多少是博士？").counted).toBe("博士");
    expect(ask("徐州市领导是代表谁去慰问的").asksOrganisation).toBe(true);
  });

  it("keeps the asked kind of a which- or how-question out of the content terms (哪支部队, 什么办法, 提了什么要求)", () => {
    expect(ask("徐州那个干事以前在哪支部队当兵").terms).not.toContain("支部");
    expect(ask("徐州用什么办法让红色教育火起来").terms).not.toContain("办法");
    // The requirements are what is asked for; a sentence stating them need not say 要求.
    expect(ask("江北新区在机关党建上提了什么要求").terms).not.toContain("要求");
    expect(ask("江海区卫健局要求党员干部学习哪些知识").terms).toContain("要求");
  });

  it("reads 哪家 as asking for a name, even after 几家", () => {
    const q = ask("南岸区落户的几家医院里哪家已经正式运营了");
    expect(q.kind).toBe("fact");
    expect(q.want).toBeNull();
  });

  it("asks a byline's role about the report itself (那篇报道的记者是谁)", () => {
    const q = ask("徐州那篇报道的记者是谁");
    expect(q).toMatchObject({ kind: "person", role: "记者", terms: [] });
  });

  it("keeps the noun after a quantity word that holds its measure word (第几次党代会)", () => {
    const q = ask("徐州要学习第几次党代会精神？");
    expect(q).toMatchObject({ kind: "count", asksOrdinal: true, unit: "次" });
    expect(q.terms.some((t) => t.startsWith("党代"))).toBe(true);
  });

  it("keeps a quoted single character as a term (三个“硬”), and the framing words of 全称是什么 out", () => {
    expect(ask("徐州说的三个“硬”分别是指什么？").terms).toContain("硬");
    expect(ask("徐州的《方案》全称是什么？").terms).toEqual(["方案"]);
  });

  it("keeps a date as one term (5月8日)", () => {
    expect(ask("徐州5月8日開了什麼會？").terms).toContain("5月8日");
  });

  it("leaves out what the user says about themselves before asking (我在写论文，…)", () => {
    const q = ask("我是退休医生，想了解一下，南岸区创建了哪些清廉品牌？");
    expect(q.text).toBe("南岸区创建了哪些清廉品牌?");
    expect(ask("我想问问").text).toBe("我想问问");
    // Typed without a comma, a space ends it too.
    expect(ask("我是退休医生 南岸区创建了哪些清廉品牌？").text).toBe("南岸区创建了哪些清廉品牌?");
    // Courtesies, a way of addressing, a whole sentence about themselves, all before a 请问.
    // What comes before a 请问 asking about it (分享感悟的人，请问叫什么名字) is the question.
    expect(ask("9月9日给大家分享感悟的人，请问叫什么名字？").text).toBe("9月9日给大家分享感悟的人,请问叫什么名字?");
    for (const said of ["老汉我想请教，", "同志您好，烦请告知，", "我眼神不好，长文章看不大下来。想请教一下，", "老同志想核实个数字：", "听说南岸区名气很大，请问"]) {
      expect(ask(`${said}南岸区创建了哪些清廉品牌？`).text).toMatch(/^(?:请问)?南岸区创建了哪些清廉品牌\?$/);
    }
    // What the user recalls of a report before 请概括 (it may quote it) is context: the summary is asked.
    const recalled = ask("南岸区卫生健康委党委提出“四个抓手”做实党建统领，请概括这四个抓手的主要内容。");
    expect(recalled.kind).toBe("overview");
    expect(recalled.subjects).toEqual(["南岸区"]);
    // …，请问具体做了什么 asks about what came before it, which stays the question.
    expect(ask("发现首例新冠肺炎后，江北新区“第一时间”采取了行动，请问具体做了什么？").kind).not.toBe("overview");
    // A place followed by 想 is asked about, not said about the user.
    expect(ask("南岸区想打造什么品牌，具体怎么做？").text).toBe("南岸区想打造什么品牌,具体怎么做?");
  });

  it("reads 规模多大 as asking for figures", () => {
    expect(ask("徐州和南岸区在党员培训上，规模各有多大？").want).toBe("count");
    expect(ask("比较徐州和南岸区学习教育的覆盖规模。").want).toBe("count");
    // …and so does a noun of an amount (接种量), though 力量 is none.
    expect(ask("徐州南岸疫苗接种量？").want).toBe("count");
    expect(ask("徐州和南岸区的疫苗接种各有什么数据？对比一下。").want).toBe("count");
    expect(ask("徐州和南岸区党建的力量？").want).toBeNull();
    // 报了啥数 asks for the figures; 什么数字化 names a kind of work.
    expect(ask("疫苗接种这块，徐州、南岸各报了啥数？").want).toBe("count");
    expect(ask("徐州和南岸区各搞了什么数字化建设？").want).toBeNull();
  });

  it("reads a request put as a yes/no question (能把…告诉我吗) as asking for it, and 他们的名字 as asking for people", () => {
    expect(ask("南岸区的四个抓手，能列一下吗？")).toMatchObject({ kind: "list" });
    expect(ask("能把南岸区的四个抓手列一下吗？").text).toBe("南岸区的四个抓手是什么?");
    expect(ask("南岸区那10名人才，能把他们的名字都告诉我吗？")).toMatchObject({ kind: "person", want: "person" });
  });

  it("reads 哪些代表性做法 as asking for practices, not for 代表 (people), and leaves asking words (想问问) and pointers back (这项) out of the terms", () => {
    expect(ask("南岸区和徐州分别有哪些代表性做法？").want).not.toBe("person");
    expect(ask("南岸区哪几位代表参加了会议？").want).toBe("person");
    expect(ask("想问问南岸区和徐州市，两边的党组织书记分别是谁？").terms).toEqual([]);
    expect(ask("这项改革要达到什么目标？", "徐州的新生儿出生“一件事”改革是怎么回事？").terms).not.toContain("这项");
  });

  it("reads colloquial 咋 as 怎么 and 总结下 as 总结一下, 说的啥 as 讲了啥, and 几块内容 as asking for a report's parts", () => {
    expect(ask("南岸区清廉品牌咋打造的")).toMatchObject({ text: "南岸区清廉品牌怎么打造的", kind: "how" });
    expect(ask("南岸那篇 总结下讲了啥").kind).toBe("overview");
    expect(ask("南岸那篇主要几块内容").kind).toBe("overview");
    expect(ask("南岸区那篇主要说的啥").kind).toBe("overview");
    // Words before 的报道 say which report is asked about, not what of it.
    expect(ask("南岸区强化党建统领的报道主要讲了哪几方面的做法？").kind).toBe("overview");
    expect(ask("南岸区卫健委2020主要开展了哪些方面的工作？请做一个概括。").kind).toBe("overview");
    // The report's body text (正文) is the report, not a matter in it; nor are its 小标题, counted or not.
    expect(ask("南岸区那篇报道正文分了几个部分？").kind).toBe("overview");
    expect(ask("南岸区那篇报道的主要小标题有哪些？")).toMatchObject({ kind: "overview", terms: [] });
    expect(ask("南岸区那篇纪实的四个板块是什么？").kind).toBe("overview");
    // Spoken: 搞了些啥, with asides (大体上, 俺) that name nothing.
    expect(ask("俺南岸区卫健委党建这块都搞了些啥活动？").kind).toBe("overview");
    expect(ask("南岸区卫健委这几年大体上都干了啥，给俺简单说说？")).toMatchObject({ kind: "overview", terms: [] });
    // 下 of 下设, 下午 stays.
    expect(ask("南岸区下设几个支部？").text).toBe("南岸区下设几个支部?");
  });

  it("leaves the date asked for (是哪一天, 几号) out of the content terms", () => {
    expect(ask("南岸区护士节慰问是哪一天？").terms).toEqual(["护士", "慰问"]);
    expect(ask("南岸区座谈会是几号开的？").terms).toEqual(["座谈"]);
  });

  it("reads a month in Chinese numerals where a date goes on as the reports write it (九月底 → 9月底)", () => {
    expect(ask("徐州市的产前筛查率到九月底是多少？").text).toBe("徐州市的产前筛查率到9月底是多少?");
    expect(ask("南岸区十二月份开了什么会？").text).toBe("南岸区12月开了什么会?");
    expect(ask("南岸区一月一次的学习会学什么？").text).toContain("一月一次");
  });

  it("takes the subject the user names before asking, and the context's words the reports have as context", () => {
    const q = ask("我是南岸区的退休老人，听说那边有时间银行吗？");
    expect(q.subjects).toContain("南岸区");
    expect(q.subjectDocs).toEqual(["na"]);
    const vaccine = ask("我想给女儿打那种进口疫苗，在南岸区还要排队吗？");
    expect(vaccine.terms).toContain("疫苗");
    expect(vaccine.topic).toContain("疫苗");
  });

  it("reads a short label before a colon (写作业用：…) or what the answer is for (写论文用，…) as what the user says before asking, and 分成哪几块 as asking for the parts", () => {
    expect(ask("写作业用：南岸区那篇报道分成哪几块？")).toMatchObject({ text: "南岸区那篇报道分成哪几块?", kind: "overview" });
    // …or before a comma (写论文用，…).
    expect(ask("写论文用，请概括南岸区卫健委抓党建的主要做法")).toMatchObject({ kind: "overview" });
  });

  it("leaves out how the user wants the answer put (一两句话概括即可, 请逐条列出来)", () => {
    expect(ask("南岸区的总体思路是什么？一两句话概括即可。").text).toBe("南岸区的总体思路是什么?");
    expect(ask("徐州提出的“六个聚焦”都包括哪些内容？请逐条列出来。").text).toBe("徐州提出的“六个聚焦”都包括哪些内容?");
    // Inside the question only 一句话 goes: 概括 still asks for a summary.
    expect(ask("南岸区的做法一句话概括一下")).toMatchObject({ text: "南岸区的做法概括一下", kind: "overview" });
  });

  it("leaves out what the user says about themselves after the question, unless it asks or says what is meant", () => {
    expect(ask("南岸区的党委书记叫什么名字？我想在稿子里准确写出他的姓名。").text).toBe("南岸区的党委书记叫什么名字?");
    expect(ask("平时读书是个什么风气？我说的是南岸区").subjects).toContain("南岸区");
    expect(ask("南岸区引进了多少人才？我想知道硕士有多少").text).toContain("硕士");
  });

  it("leaves out thanks at the end of a message (…是什么啊谢谢啊)", () => {
    expect(ask("徐州的六个聚焦是什么啊谢谢啊").text).toBe("徐州的六个聚焦是什么啊");
    expect(ask("徐州的六个聚焦是什么啊谢谢啊").terms).not.toContain("谢谢");
  });

  it("reads 都是…什么 as asking for the members of a set, and 都是 as no term", () => {
    expect(ask("南岸搞的那些品牌，大概都是些什么品牌啊？")).toMatchObject({ kind: "list", terms: ["品牌"] });
    expect(ask("徐州说的那个六个聚焦具体都是聚焦些什么")).toMatchObject({ kind: "list" });
  });

  it("reads the people a who-question counts (三位专家都是谁) as the role asked for", () => {
    expect(ask("徐州第二期读书班三位专家都是谁").role).toBe("专家");
  });

  it("leaves out what the user wants the answer for (可以借鉴, 值得学习, 稿子要用)", () => {
    expect(ask("南岸区有什么经验可以借鉴？").text).toBe("南岸区有什么经验?");
    expect(ask("南岸区卫健委党委书记是谁 稿子要用")).toMatchObject({ role: "党委书记", terms: [] });
    // A clause that asks something is still asked (…，谁在用).
    expect(ask("南岸区投放的AED，平时谁在用").text).toContain("谁在用");
    expect(ask("谁分享了感悟？").terms).toContain("分享");
  });

  it("reads 这一块主要写了哪些内容, 那一段讲的是什么 and 在…方面主要做了些什么 as asking for a summary of a part", () => {
    expect(ask("徐州卫健委“开新局”这一块主要写了哪些内容？")).toMatchObject({ summarize: true, terms: ["开新局"] });
    expect(ask("南岸区在清廉建设方面主要做了些什么？").summarize).toBe(true);
    expect(ask("南岸区为老年人做了什么？").summarize).toBe(false);
    // Where the part stands in the report names no matter (最后一部分, 那一段).
    expect(ask("南岸那篇最后一部分“开新局”讲的是什么？")).toMatchObject({ summarize: true, terms: ["开新局"] });
  });

  it("reads traditional characters as simplified", () => {
    const q = ask("徐州市衛健委的黨史宣講團有多少人？");
    expect(q.text).toContain("党史宣讲团");
    expect(q.subjects).toEqual(["徐州市"]);
    expect(q.kind).toBe("count");
  });

  it("reads the question words Hong Kong users type in Cantonese as Mandarin (幾多, 佢, 邊位, 有冇)", () => {
    expect(ask("徐州公共場所投放的AED累計有幾多台？")).toMatchObject({ kind: "count", unit: "台" });
    // 幾多間醫院 counts hospitals, which Mandarin counts in 家.
    expect(ask("南岸區培育咗幾多間清廉示範醫院？").unit).toBe("家");
    expect(ask("江北新区党工委书记是边位？").kind).toBe("person");
    expect(ask("佢讲的是哪支部队的故事？", "徐州核酸检测队总领队是谁？").interpreted).toContain("总领队");
    expect(ask("江海区局长有冇提到名字？").text).toContain("有没有");
    // 边 alone is Mandarin too (两边, 旁边).
    expect(ask("南岸和江海两边各有多少名党员？").text).toContain("两边");
  });

  it("reads an aside in brackets as saying nothing asked (江海区卫生健康局（即当地的卫生署）)", () => {
    expect(ask("江海区卫生健康局（即当地的卫生署）党组书记是谁？").text).toBe("江海区卫生健康局党组书记是谁?");
  });

  it("reads a voice-typed message: hesitations (嗯), 麻烦问下 and 来着 ask nothing", () => {
    expect(ask("徐州疫苗接种了多少剂次来着")).toMatchObject({ counted: null, unattested: [] });
    expect(ask("徐州市卫健委的党委书记是谁啊麻烦问下").terms).toEqual([]);
    expect(ask("南岸区引进的那347名人才里头嗯博士有多少个啊").terms).toContain("博士");
    expect(ask("嗯那个方案全名叫啥", "江海区卫生健康局那个学习活动方案是什么时候印制的？").terms).not.toContain("全名叫");
  });

  it("reads a city run into the place it holds (江门江海区) as naming those places, not an unknown one", () => {
    const jianghai = doc("jh", "江门市江海区卫生健康局党建纪实", "江门市江海区卫生健康局党组书记张海明表示。");
    const q = analyzeQuestion("江门江海区卫生健康局的党组书记是谁？", { gazetteer: new Gazetteer([jianghai]), seen: () => true });
    expect(q.subjects).toContain("江海区");
    expect(q.unknownPlaces).toEqual([]);
  });

  it("reads 那个姓张的 as a hint at a person's surname, not a word the sentence must say", () => {
    expect(ask("江海区卫健局的党组书记叫什么名字？就是那个姓张的。").terms).not.toContain("姓张");
  });

  it("reads everyday words as the reports' words too, and searches for them (吃饭的地方 → 助餐)", () => {
    const q = ask("南岸区给老人吃饭的地方搞了多少个？");
    expect(q.alternatives["吃饭"]).toContain("助餐");
    expect(q.alternatives["老人"]).toContain("老年人");
    expect(q.searchText).toContain("助餐");
    // Everyday names of things the reports name officially: 村里的小诊所 is a 村卫生室, 宫颈癌疫苗 the HPV疫苗.
    expect(ask("徐州村里的小诊所改造弄完几个了").searchText).toContain("村卫生室");
    expect(ask("南岸打宫颈癌疫苗还要排队吗").searchText).toContain("hpv");
    expect(ask("徐州的会议要求党员做什么").alternatives["要求"]).toContain("强调");
    // How something is done: the reports write 通过…等方式 as often as 形式.
    expect(ask("徐州党史学习的形式有哪些？").alternatives["形式"]).toContain("方式");
    expect(ask("徐州哪些项目还没达标？").searchText).toContain("未达到预期");
    // A child just born is the reports' 新生儿, its 手续 their 事项, 表态 their 表示.
    expect(ask("徐州小孩刚生下来要办的手续怎么简化的").searchText).toMatch(/新生儿.*事项|事项.*新生儿/);
    expect(ask("江北新区表态的书记是谁").searchText).toContain("表示");
    // A clinician's shortening (产筛) is the reports' 产前筛查, and a share asked (比例多少) is their rate.
    expect(ask("徐州产筛比例多少").searchText).toContain("产前筛查");
    expect(ask("徐州产筛比例多少").terms).not.toContain("比例");
    expect(ask("党员的党费按什么比例交").terms).toContain("比例");
    // 专栏 is the reports' 栏目, and how many looked at it their 阅读量.
    expect(ask("南岸那个健康专栏看过的人有多少？").searchText).toMatch(/栏目.*阅读量|阅读量.*栏目/);
    expect(ask("徐州组织去革命纪念地参观了多少回").searchText).toContain("红色教育基地");
    expect(ask("南岸区引进的人才学历怎么样").searchText).toContain("硕士");
    // The reports' words are phrases a sentence may share: 发展新党员 is their 新发展党员.
    expect(ask("江海区在发展新党员方面做了什么？").phrasing).toContain("发展党员");
    expect(ask("在扬州帮忙的那个三个人的小队敲了多少家的门？").searchText).toContain("小组");
    expect(ask("江海区的党组织扩充之前原先有几个？").searchText).toMatch(/增加.*原来/);
    expect(ask("江北新区那批医院工程占用了多少土地？").searchText).toContain("用地面积");
    expect(ask("江北新区那批医院工程占用了多少土地？").terms).not.toContain("那批");
  });

  it("offers only official words the corpus has", () => {
    const without助餐 = { ...vocabulary, seen: (unit: string) => unit !== "助餐" };
    const q = analyzeQuestion("南岸区给老人吃饭的地方搞了多少个？", without助餐);
    expect(q.alternatives["吃饭"] ?? []).not.toContain("助餐");
    expect(q.searchText).not.toContain("助餐");
  });

  it("replaces everyday words no report has by the official ones (研究生 → 硕士), so their pieces match nothing by accident", () => {
    const without研究生 = { ...vocabulary, seen: (unit: string) => unit !== "究生" };
    const q = analyzeQuestion("南岸区引进的人才里研究生占多少？", without研究生);
    expect(q.terms).toContain("硕士");
    expect(q.terms).not.toContain("研究");
  });

  it("drops an everyday word no report has when the question also says the official one (给老人…多少位老年人)", () => {
    const without老人 = { ...vocabulary, seen: (unit: string) => unit !== "老人" };
    const q = analyzeQuestion("南岸区春节期间给老人做体检，一共检查了多少位老年人？", without老人);
    expect(q.terms).toContain("老年人");
    expect(q.terms).not.toContain("老人");
    // A word the reports have stays, even inside an everyday phrase (引进人才).
    expect(analyzeQuestion("南岸区引进人才的数量是多少？", { ...vocabulary, seen: (unit: string) => !["进人", "招聘"].includes(unit) }).terms).toEqual(expect.arrayContaining(["引进", "人才"]));
  });

  it("reads a device's everyday name whole (自动除颤仪 → AED), leaving no modifier behind as a word to find", () => {
    const withoutDevice = { ...vocabulary, seen: (unit: string) => !["自动", "动除", "除颤", "颤仪"].includes(unit) };
    const q = analyzeQuestion("徐州在公共场所放了多少台自动除颤仪？", withoutDevice);
    expect(q.terms).toContain("aed");
    expect(q.terms).not.toContain("自动");
  });

  it("reads a change over last year (比去年涨了多少) as the reports' 同比增长, not as a question dated last year", () => {
    const seen = (unit: string) => !["比去", "涨了"].includes(unit);
    const q = analyzeQuestion("南岸区疫苗接种比去年涨了多少？", { ...vocabulary, seen });
    expect(q.terms).toEqual(expect.arrayContaining(["同比", "增长"]));
    expect(q.terms).not.toContain("去年");
  });

  it("reads no everyday word inside another word (覆盖了 is no 盖了, built)", () => {
    const seen = (unit: string) => !["盖了", "新盖"].includes(unit);
    const q = analyzeQuestion("南岸区培训覆盖了多少人？", { ...vocabulary, seen });
    expect(q.terms).toContain("覆盖");
    expect(q.terms).not.toContain("新建");
    expect(analyzeQuestion("南岸区新盖了几家医院？", { ...vocabulary, seen }).terms).toContain("新建");
  });

  it("puts an official word where its everyday phrase stood, and drops pieces cut across the phrase (老人小孩 → 人小)", () => {
    const seen = (unit: string) => !["老人", "小孩"].includes(unit);
    const q = analyzeQuestion("南岸区要求学哪些知识，比如老人小孩健康", { ...vocabulary, seen });
    expect(q.terms).not.toContain("人小");
    expect(q.terms.indexOf("老年人")).toBeLessThan(q.terms.indexOf("健康"));
    // A yes/no question confirms its last word, also when that word was read as an official one.
    const yes = analyzeQuestion("南岸区党员去社区看望了老人吗", { ...vocabulary, seen });
    expect(yes.terms.at(-1)).toBe("老年人");
  });

  it("keeps a number's measure word out of the next word (三|个人) and framing words of an example out of the terms", () => {
    expect(ask("徐州有没有三个人组成小组的事儿").terms).toEqual(["组成", "小组"]);
    // …nor after 多少 (多少|人参|赛), but a measure word of its own stays (多少|人次).
    expect(ask("徐州的知识竞赛有多少人参赛").terms).toContain("参赛");
    expect(ask("徐州的核酸检测做了多少人次").terms).toContain("人次");
  });

  it("keeps the measure word after 这 or 那 out of the next word (发展党员这|块|步骤), and reads 步骤 as the reports' 程序", () => {
    const without步骤 = { ...vocabulary, seen: (unit: string) => unit !== "步骤" };
    expect(analyzeQuestion("徐州发展党员这块步骤是怎么走的？", without步骤).terms).toEqual(["发展", "党员", "程序"]);
  });

  it("keeps a noun suffix or prefix the segmenter cuts off on its word (卫生|室 and 卫生|院 are different places; 党|组织), not a character starting a run", () => {
    const q = ask("徐州村级卫生室规范化建设完成了几个？镇卫生院呢");
    expect(q.terms).toEqual(expect.arrayContaining(["卫生室", "规范化", "卫生院"]));
    expect(q.terms).not.toContain("卫生");
    // …and a prefix cut off before it (党|组织).
    expect(ask("南岸区一共有几个党组织？").terms).toEqual(["党组织"]);
    const seen = (unit: string) => unit !== "生签";
    expect(analyzeQuestion("新区的家庭医生签约率是多少？", { ...vocabulary, seen }).terms).toContain("医生");
  });

  it("reads what a question contrasts with a fact it states first (…2.1万剂，那二价HPV接种了多少 → 二价), not 那次 pointing back", () => {
    expect(ask("南岸区九价HPV打了2.1万剂，那二价HPV接种了多少？").contrasted).toBe("二价");
    expect(ask("义马卫生院派了5名医护人员参加义诊，那次一共服务了多少居民？").contrasted).toBeNull();
    expect(ask("南岸区九价HPV接种了多少？").contrasted).toBeNull();
  });

  it("cuts again a word the segmenter cut wrongly, where the corpus has bigrams (向外|地学 → 外地)", () => {
    const seen = (unit: string) => unit !== "向外" && unit !== "地学";
    const q = analyzeQuestion("南岸区向外地学过经验吗", { ...vocabulary, seen });
    expect(q.terms).toContain("外地");
    expect(q.terms).not.toContain("向外");
  });

  it("keeps a run the corpus has no bigram of whole, as what the reports do not speak of (世界杯)", () => {
    const seen = (unit: string) => !["世界", "界杯"].includes(unit);
    expect(analyzeQuestion("世界杯在哪里举办", { ...vocabulary, seen }).unattested).toEqual(["世界杯"]);
  });

  it("marks places the corpus does not know", () => {
    const q = ask("北京市卫健委主任是谁？");
    expect(q.unknownPlaces).toEqual(["北京市"]);
    expect(q.subjects).toEqual([]);
    // A question word before 市 or 县 names no place.
    expect(ask("护士节是哪位市领导去慰问的？").unknownPlaces).toEqual([]);
    expect(ask("徐州宣讲团去了多少个县区？").unknownPlaces).toEqual([]);
  });

  it.each([
    ["你好", "greeting"],
    ["What is the population of Xuzhou?", "not_chinese"],
    ["？？？", "no_content"],
    ["😀", "no_content"],
    // Asking for more with nothing asked before: there is nothing to go on.
    ["还有呢？", "no_content"],
  ])("does not search '%s' (%s)", (text, why) => {
    expect(ask(text).unsearchable).toBe(why);
  });
});

describe("comparisons", () => {
  it("splits a comparison that asks each subject its own thing into clauses", () => {
    const q = ask("徐州的党史宣讲团和南岸区的九价HPV疫苗，哪个人数多？");
    expect(q.kind).toBe("comparison");
    expect(q.clauses["xz"]!.terms).toEqual(expect.arrayContaining(["党史"]));
    expect(q.clauses["xz"]!.terms).not.toContain("疫苗");
    expect(q.clauses["na"]!.terms).toEqual(expect.arrayContaining(["九价"]));
    // Two names of one report's subject in a row (江门市江海区) open one clause.
    const jianghai = doc("jh", "江海:党建引领激发红色动能", "江门市江海区卫生健康局不断强化党建引领。江海区今年落实新发展党员5名。");
    const withJianghai: Vocabulary = { gazetteer: new Gazetteer([...docs, jianghai]), seen: () => true };
    const both = analyzeQuestion("江门市江海区今年新发展的党员和徐州市宣讲团的党员分别有多少名？", withJianghai);
    expect(both.clauses["jh"]!.terms).toEqual(expect.arrayContaining(["发展"]));
    expect(both.clauses["xz"]!.terms).toEqual(expect.arrayContaining(["宣讲"]));
  });

  it("reads 数量分别是多少 as asking each subject for a count of what it names, not for a list", () => {
    expect(ask("徐州和南岸区的疫苗接种数量分别是多少？")).toMatchObject({ kind: "comparison", want: "count", counted: "接种" });
    expect(ask("徐州和南岸区的疫苗接种量分别是多少？").counted).toBe("接种");
    expect(ask("徐州和南岸区的疫苗接种量差多少？").counted).toBe("接种");
  });

  it("leaves every comparing word out of a comparison's terms (这几个地方…共同做法, 有啥不一样)", () => {
    const q = ask("这几个地方抓党建有什么共同做法？");
    expect(q.kind).toBe("comparison");
    expect(q.terms).not.toContain("共同");
    expect(ask("徐州和南岸区的学习形式有啥不一样？").terms).not.toContain("不一样");
  });

  it("reads everyday measure words for times (跑了多少趟, 开了几回) as counts", () => {
    expect(ask("南岸区领导下基层跑了多少趟？")).toMatchObject({ want: "count", unit: "趟" });
    expect(ask("南岸区开了几回会？")).toMatchObject({ want: "count", unit: "回" });
  });

  it("reads whether two figures are the same (人数和…数量一样吗) as asking each for its figure", () => {
    expect(ask("徐州宣讲团人数和南岸区党员示范岗数量一样吗")).toMatchObject({ kind: "comparison", want: "count", extreme: null });
  });

  it("reads …接种数量 and 有啥数字吗 as asking for figures, and 数字 there as no content word", () => {
    expect(ask("对比一下徐州和南岸区的疫苗接种数量").want).toBe("count");
    const q = ask("徐州和南岸为老年人做了什么，有啥数字吗");
    expect(q.want).toBe("count");
    expect(q.terms).not.toContain("数字");
  });

  it("reads 哪个多 between two figures as asking for the larger one", () => {
    expect(ask("徐州的党史宣讲团和南岸区的党员示范岗，哪个多？")).toMatchObject({ kind: "comparison", extreme: "max", want: "count" });
    expect(ask("徐州和南岸区谁的党员示范岗更少")).toMatchObject({ extreme: "min", want: "count" });
  });

  it("keeps one question for all subjects when only the last has words of its own", () => {
    expect(ask("徐州和南岸区的疫苗接种各有多少？").clauses).toEqual({});
  });
});

describe("follow-up questions", () => {
  it("answers 那徐州呢？ as the previous question about the new subject, in the user's own punctuation", () => {
    const q = ask("那徐州呢？", "南岸区九价HPV疫苗累计接种了多少剂次？");
    expect(q.interpreted).toBe("徐州九价HPV疫苗累计接种了多少剂次？");
    expect(q.subjectDocs).toEqual(["xz"]);
    expect(q.kind).toBe("count");
  });

  it("replaces every mention of the old subject once, and nothing else shaped like a place (贯彻市…)", () => {
    expect(ask("南岸区呢", "徐州市卫健委党委书记是谁？").interpreted).toBe("南岸区卫健委党委书记是谁？");
    expect(ask("南岸区呢", "徐州卫健委要学习贯彻市第几次党代会精神？").interpreted).toBe("南岸区卫健委要学习贯彻市第几次党代会精神？");
  });

  it("reads 那徐州呢？ followed by a question as that question about what the previous one asked of the new subject", () => {
    const q = ask("那徐州呢？去过哪些地方", "南岸区组织党员去红色基地参观学习了吗？");
    expect(q.interpreted).toBe("徐州组织党员去红色基地参观学习了，去过哪些地方");
    expect(q.subjectDocs).toEqual(["xz"]);
  });

  it("reads a new subject with nothing but question words as the previous question about it", () => {
    expect(ask("那徐州有多少剂次？", "南岸区九价HPV疫苗累计接种了多少剂次？").interpreted).toBe("徐州九价HPV疫苗累计接种了多少剂次？");
    expect(ask("介绍一下徐州", "南岸区九价HPV疫苗累计接种了多少剂次？").interpreted).toBeNull();
  });

  it("asks a question that goes on without naming a subject about the previous question's subject", () => {
    expect(ask("那党委书记是谁？", "南岸区创建了哪些清廉品牌？").interpreted).toBe("南岸区党委书记是谁？");
    expect(ask("他们的疫苗接种了多少剂次", "南岸区创建了哪些清廉品牌？").interpreted).toBe("南岸区的疫苗接种了多少剂次");
    // 相应地…: what follows is said of the same subject.
    expect(ask("相应地，清廉医院有多少家？", "南岸区创建了哪些清廉品牌？").interpreted).toBe("南岸区清廉医院有多少家？");
    // 刚才说的…: the user points back at what was asked before.
    const back = ask("刚才说的那次义诊，给多少群众测了血压？", "南岸区去社区义诊派了几个人？");
    expect(back.subjects).toEqual(["南岸区"]);
    expect(back.terms).not.toContain("刚才");
  });

  it("asks a question that asks for more (具体…, 有多少人参加？) about what the previous question asked", () => {
    const q = ask("具体是怎么做的？", "南岸区是怎么创建清廉品牌的？");
    expect(q.interpreted).toBe("南岸区创建清廉品牌，具体是怎么做的？");
    expect(q).toMatchObject({ subjectDocs: ["na"], kind: "how" });
    expect(ask("有多少人参加？", "徐州市卫健委第二期专题读书班是哪天开班的？").interpreted).toBe("徐州市卫健委第二期专题读书班开班，有多少人参加？");
    expect(ask("他讲的是什么？", "徐州市卫健委党委书记是谁？").interpreted).toBe("徐州市卫健委党委书记，他讲的是什么？");
    // 他们… points back at the people the previous question asked about, not only at its place.
    expect(ask("那他们给多少名群众测了血压？", "义马市人民医院去耿村社区义诊的党员医护人员有几名？").interpreted).toBe(
      "义马市人民医院去耿村社区义诊的党员医护人员，他们给多少名群众测了血压？",
    );
    // 该评定…: 该 points back at what the previous question asked about.
    expect(ask("该评定围绕哪些方面？", "南岸区的党员星级评定是对照什么标准开展的？").interpreted).toBe("南岸区的党员星级评定是对照标准开展，该评定围绕哪些方面？");
    // 上述检查…: 上述 points back as 该 does.
    expect(ask("上述检查主要查阅了哪些材料？", "江海区卫健局今年5月走进公立医院了解了什么？").interpreted).toBe("江海区卫健局今年5月走进公立医院了解了，上述检查主要查阅了哪些材料？");
    // A follow-up after a follow-up keeps the topic, not the request for details.
    expect(ask("有多少人参加？", "南岸区创建清廉品牌，具体是怎么做的？").interpreted).toBe("南岸区创建清廉品牌，有多少人参加？");
  });

  it("reads 第二天呢？ as the previous question about the day after the one it names", () => {
    expect(ask("第二天呢？", "徐州卫健委5月8日召开了什么会议？").interpreted).toBe("徐州卫健委5月9日召开了什么会议？");
    expect(ask("前一天呢？", "徐州卫健委5月8号召开了什么会议？").interpreted).toBe("徐州卫健委5月7日召开了什么会议？");
    expect(ask("第二天呢？", "徐州卫健委召开了什么会议？").interpreted ?? "").not.toMatch(/\d日/);
  });

  it("reads 第二个是什么？ as the previous question about another item of its series", () => {
    expect(ask("第二个是什么？", "南岸区的四个抓手，第一个是什么？").interpreted).toBe("南岸区的四个抓手，第二个是什么？");
    expect(ask("那第三项呢", "南岸区的四项监督，第一项是什么？").interpreted).toBe("南岸区的四项监督，第三项是什么？");
    expect(ask("第二个是什么？", "南岸区的四个抓手是什么？").interpreted ?? "").not.toContain("第二");
  });

  it("reads 疫苗呢 after a count of something else as the same count asked of 疫苗", () => {
    const q = analyzeQuestion("疫苗呢", vocabulary, { previous: "徐州常态化核酸检测做了多少人次？", loosely: true });
    expect(q.interpreted).toBe("徐州常态化核酸检测做了多少人次，那疫苗呢？");
    expect(q.contrasted).toBe("疫苗");
    expect(q.want).toBe("count");
    // 人次 is the unit the count is in, not a noun it counts.
    expect(q.counted).toBeNull();
  });

  it("reads 后来呢？ as asking what followed what the previous question asked", () => {
    const q = ask("后来呢？", "徐州护士节谁去医院慰问了？");
    expect(q.interpreted).toBe("徐州护士节去医院慰问了，后来呢？");
    expect(q.asksMore).toBe(true);
    expect(q.terms).not.toContain("后来");
  });

  it("reads 举几个例子 as asking for examples, not a count, and 具体… as asking for details", () => {
    expect(ask("举几个例子？", "南岸区创建了多少个清廉品牌？").want).toBeNull();
    expect(ask("具体是怎么做的？", "南岸区是怎么创建清廉品牌的？").asksMore).toBe(true);
    expect(ask("举几个例子？", "南岸区创建了多少个清廉品牌？").asksMore).toBe(false);
  });

  it("reads 他 in a follow-up as the person the previous question named, whom the sentence must name", () => {
    const q = ask("他怎么看党史学习？", "徐州市卫健委党委书记胡传峰在会上强调了什么？");
    expect(q.terms[0]).toBe("胡传峰");
    expect(ask("他们怎么看党史学习？", "徐州市卫健委党委书记胡传峰在会上强调了什么？").terms).not.toContain("胡传峰");
  });

  it("leaves the previous question's question words out of the topic a follow-up goes on from (啥时候)", () => {
    const q = analyzeQuestion("都有啥形式？", vocabulary, { previous: "徐州第二期专题读书班啥时候开班的", loosely: true });
    expect(q.interpreted).not.toContain("啥时候");
    expect(q.kind).not.toBe("date");
  });

  it("reads any question naming no subject as going on from the previous one when asked to read loosely, its own words first", () => {
    const previous = "南岸区是怎么创建清廉品牌的？";
    expect(ask("培训了多少人？", previous).interpreted).toBeNull();
    const q = analyzeQuestion("培训了多少人？", vocabulary, { previous, loosely: true });
    expect(q.interpreted).toBe("南岸区创建清廉品牌，培训了多少人？");
    // The previous question's words place the answer; the follow-up's own words are what it asks.
    expect(q.topic).toEqual(expect.arrayContaining(["清廉", "品牌"]));
    expect(q.topic).not.toContain("培训");
    expect(q.phrasing).toBe("培训了多少人?");
  });

  it("does not carry a subject into a new question, a greeting or a comparison", () => {
    expect(ask("什么是“2+6+x”培训机制？", "南岸区创建了哪些清廉品牌？").interpreted).toBeNull();
    expect(ask("谢谢", "南岸区创建了哪些清廉品牌？").interpreted).toBeNull();
    expect(ask("那哪个地区接种最多？", "南岸区创建了哪些清廉品牌？").interpreted).toBeNull();
  });

  it("completes a follow-up that repeats words of the previous question (那徐州的宣讲团呢)", () => {
    expect(ask("那徐州的宣讲团呢？", "南岸区的党史宣讲团有多少人？").interpreted).toBe("徐州的党史宣讲团有多少人？");
  });

  it("leaves a question that asks something new alone", () => {
    expect(ask("那徐州的AED呢？", "南岸区创建了哪些清廉品牌？").interpreted).toBeNull();
    expect(ask("徐州市卫健委党委书记是谁？", "南岸区创建了哪些清廉品牌？").interpreted).toBeNull();
  });
});
