/**
 * Composition on small hand-made reports: each paragraph is one passage,
 * ranked in the order given, so what is tested is how sentences are chosen,
 * not retrieval.
 */
import { describe, expect, it } from "vitest";
import { compose, type ComposeContext } from "../src/answer/compose.js";
import { analyzeQuestion } from "../src/answer/question.js";
import { weightedTerms } from "../src/answer/evidence.js";
import { BORROWED_TERM_WEIGHT } from "../src/answer/tuning.js";
import { HEADER } from "../src/answer/cite.js";
import { judge } from "../src/eval.js";
import type { RankedPassage } from "../src/answer/retrieve.js";
import { Gazetteer, reportSubjects } from "../src/index/gazetteer.js";
import type { StoredDoc } from "../src/index/store.js";
import type { Chunk } from "../src/types.js";

interface Report {
  id: string;
  title: string;
  source?: string;
  date?: string;
  /** Credit lines (栏目:…, 责任编辑:…, a line of authors' names). */
  credits?: string[];
  /** Paragraphs; one starting with "# " is a heading. */
  paragraphs: string[];
}

function corpus(reports: Report[]) {
  const docs: StoredDoc[] = [];
  const chunks: Chunk[] = [];
  for (const r of reports) {
    let offset = 0;
    let section: string | null = null;
    const paragraphs = r.paragraphs.map((raw, index) => {
      // "# " marks a heading, "▲ " a photo caption, as cleaning marks them.
      const heading = raw.startsWith("# ");
      const caption = raw.startsWith("▲ ");
      const text = heading || caption ? raw.slice(2) : raw;
      const p = { index, text, heading, caption, start: offset, end: offset + text.length };
      offset += text.length + 1;
      return p;
    });
    for (const p of paragraphs) {
      if (p.heading) section = p.text;
      else chunks.push({ id: `${r.id}#${chunks.length}`, docId: r.id, paragraph: p.index, section, start: p.start, end: p.end, text: p.text });
    }
    const text = paragraphs.map((p) => p.text).join("\n");
    const source = r.source ?? null;
    docs.push({ id: r.id, file: `${r.id}.txt`, title: r.title, source, date: r.date ?? null, credits: r.credits, paragraphs, subjects: reportSubjects({ title: r.title, source, text }) });
  }
  const docById = new Map(docs.map((d) => [d.id, d]));
  // A unit is seen when some passage has it, as in a real index.
  const seen = (unit: string) => chunks.some((c) => c.text.toLowerCase().includes(unit));
  const context: ComposeContext = {
    docById,
    idf: () => 1,
    seen,
    passagesWith: (unit) => chunks.filter((c) => c.text.toLowerCase().includes(unit)).length,
    passagesOf: (docId) => chunks.map((chunk, id) => ({ id, chunk })).filter((p) => p.chunk.docId === docId),
  };
  const vocabulary = { gazetteer: new Gazetteer(docs), seen };
  /** Answers with the passages ranked in corpus order, or in the order of `order` (chunk ids). */
  const answer = (question: string, order: number[] = chunks.map((_, i) => i), previous?: string) => {
    const q = analyzeQuestion(question, vocabulary, { previous });
    const ranked: RankedPassage[] = order.map((id, rank) => ({ id, chunk: chunks[id]!, score: 1 / (rank + 1) }));
    const scoped = q.subjectDocs.length > 0 && q.kind !== "comparison" ? ranked.filter((p) => q.subjectDocs.includes(p.chunk.docId)) : ranked;
    return compose(q, scoped, context);
  };
  return { answer, chunks, context, vocabulary };
}

/** Titles of the one-report corpora tests write, by report id. */
const TITLES = {
  jb: "江北新区卫生健康工作纪实",
  xz: "徐州市卫健委党史学习教育纪实",
  jh: "江海区卫生健康局党建纪实",
  ym: "义马市卫健委抓党建工作纪实",
  na: "南岸区卫生健康委四个抓手做实党建统领",
} as const;

/** Answers from one report made of `paragraphs`. */
const fromReport = (id: keyof typeof TITLES, ...paragraphs: string[]) => corpus([{ id, title: TITLES[id], paragraphs }]).answer;

const jiangbei: Report = {
  id: "jb",
  title: "江北新区卫生健康工作纪实",
  paragraphs: [
    "江北新区卫生健康党工委坚持党建引领，突出两个抓手，推动事业高质量发展。",
    "# 一、抓队伍，筑堡垒",
    "一年多来，新区稳扎稳打。5家医疗机构开设了发热门诊，累计接诊万余人次。新区还组建了10支卫生技术指导团队。",
    "# 二、抓服务，惠民生",
    "老年人服务方面的主要做法包括：建设居家养老服务中心72个；开设助餐点72家；推行时间银行。",
    "一是精准施教。扎实开展党员主题教育，坚持“2+6+x”培训机制。二是严管党员。坚持真管真严。三是党员典型引路。评选表彰先进。",
    "一是打造党建品牌。推出“红心”品牌。二是打造清廉品牌。创建“清廉仁济”等16个清廉品牌。三是打造服务品牌。推出“我卫你服务”。",
    "江北新区卫生健康党工委书记、局长陆小军表示，将继续努力。医学影像科主任张明出席。",
    "九价HPV疫苗累计接种2.1万剂次。",
  ],
};
const xuzhou: Report = {
  id: "xz",
  title: "徐州市卫健委推进党史学习教育纪实",
  paragraphs: [
    "徐州市卫健委以悟思想为根本，以办实事为重点。",
    "截至目前，徐州市累计接种疫苗超千万剂次，5家医疗机构开设了发热门诊。",
    "今年5月，该委联合市委组织部走进3家公立医院，检查党建任务落实情况。",
    "10月20日，市卫健委第二期专题读书班开班，为期一天。此次读书班通过专家授课、专题研讨等形式展开。",
    "市卫健委党委书记胡传峰强调，要学习贯彻市第十三次党代会精神。",
    "为了提升理论水平，市卫健委组织党员干部集中学习。",
    "市卫健委承担着新生儿出生“一件事”改革项目的实施工作。获批国家实用新型专利2项、软件著作权6项。",
    "2月下旬即在全市率先实现 432 家规上企业全面复工。",
    "市卫健委组织党员志愿者走进社区开展服务活动，当天帮扶困难群众600余人次。",
    "民政、残联、退役军人事务服务工作扎实推进。老年人服务方面，建设养老服务中心72个；接收自主就业退役士兵27人；走访慰问烈士遗属50人。",
    "人才是第一资源。青年人才占比排名全市第一，人才发展指数居全省第三。疫苗接种率在全国范围领先。",
    "5月11日，市委副书记董兴连到市人民医院慰问护士，并代表市委市政府表示节日问候。随后，卫健委召开座谈会，表彰优秀护士。",
    "市疾控中心党支部派出9名专业人员，在市区设立多个科学补碘宣传点，开展宣传志愿活动。活动期间，向群众发放宣传折页、普及补碘常识。",
    "座谈会对23名优秀护理工作者进行表彰。座谈会提出，受到表彰的护理工作者是大家学习的榜样。",
    "10月12日，作为徐州市核酸检测队总领队，市第一人民医院检验科副主任余汉忠讲述了支援经历。早上7时，核酸检测队的第一班岗就已投入工作。",
    "系统内选拔医务工作者，组成一支68人的宣讲团，自6月初开始巡回宣讲。",
    "优化殡葬管理服务，投入约2.3亿元新建3座公益性骨灰堂。",
  ],
};

describe("composing an answer", () => {
  const { answer } = corpus([jiangbei, xuzhou]);

  it("leads with the sentence that states the count, and highlights the figure with its unit", () => {
    const a = answer("江北新区有几家医疗机构开设了发热门诊？");
    expect(a.status).toBe("answered");
    // The paragraph's short opening line (一年多来，新区稳扎稳打。) is its topic line and comes along.
    expect(a.sentences[0]!.text).toBe("一年多来，新区稳扎稳打。5家医疗机构开设了发热门诊，累计接诊万余人次。");
    expect(a.sentences[0]!.highlight).toBe("5家");
    expect(a.sentences[0]!.text).toContain(a.sentences[0]!.highlight!);
  });

  it("answers what came of something (取得了哪些成效) with a sentence stating figures, not one saying 成效", () => {
    const ask = fromReport(
      "jb",
      "新区严格落实疫情防控工作要求，有效遏制了疫情蔓延，防控工作成效显著。",
      "疫情防控方面，5家医疗机构开设了发热门诊，累计接诊万余人次。",
    );
    expect(ask("江北新区疫情防控取得了哪些成效？").sentences[0]!.text).toContain("5家");
  });

  it("finds the fact a question asks in everyday words (吃饭的地方 for 助餐点)", () => {
    const a = answer("江北新区给大家吃饭的地方开了多少家？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toBe("开设助餐点72家；");
    expect(a.sentences[0]!.highlight).toBe("72家");
  });

  it("never quotes another report than the lead's", () => {
    const a = answer("有几家医疗机构开设了发热门诊？");
    const reports = new Set(a.citations.map((c) => c.docId));
    expect(reports.size).toBe(1);
  });

  it("returns a list whose items end in ； whole, up to its full stop", () => {
    const a = answer("江北新区老年人服务方面的主要做法包括哪些？");
    expect(a.sentences.map((s) => s.text)).toEqual(["老年人服务方面的主要做法包括：建设居家养老服务中心72个；", "开设助餐点72家；", "推行时间银行。"]);
  });

  it("returns every item of a 一是/二是/三是 series, and quotes an item heading with the sentence it heads", () => {
    const a = answer("江北新区对党员是怎么做的？", [3, 0, 1, 2, 4, 5]);
    const texts = a.sentences.map((s) => s.text);
    expect(texts[0]).toBe("一是精准施教。扎实开展党员主题教育，坚持“2+6+x”培训机制。");
    // Every item, each with the sentence it heads.
    expect(texts.slice(1)).toEqual(["二是严管党员。坚持真管真严。", "三是党员典型引路。评选表彰先进。"]);
  });

  it("takes from a series only the items about the question", () => {
    const a = answer("江北新区创建了哪些清廉品牌？", [4, 0, 1, 2, 3, 5]);
    const texts = a.sentences.map((s) => s.text);
    expect(texts[0]).toBe("二是打造清廉品牌。创建“清廉仁济”等16个清廉品牌。");
    expect(texts.join("")).not.toContain("服务品牌");
  });

  it("names the report's numbered sections when a list or definition question names their number", () => {
    const a = answer("江北新区的两个抓手是什么？", [0, 1, 2, 3, 4, 5]);
    const texts = a.sentences.map((s) => s.text);
    expect(texts.slice(0, 3)).toEqual(["一、抓队伍，筑堡垒", "二、抓服务，惠民生", "江北新区卫生健康党工委坚持党建引领，突出两个抓手，推动事业高质量发展。"]);
    // A heading is cited as itself, not as a passage it is not part of.
    const heading = a.citations.find((c) => c.excerpt === "一、抓队伍，筑堡垒")!;
    expect(heading.docId).toBe("jb");
    // Asked what the quoted set is, too.
    expect(answer("江北新区的“两个抓手”是什么？", [0, 1, 2, 3, 4, 5]).sentences[0]!.text).toBe("一、抓队伍，筑堡垒");
  });

  it("does not take the numbered sections for a count that names no noun (“双名工程”…哪两个“名”)", () => {
    const ask = fromReport("jb", "江北新区卫生健康党工委突出两个抓手。", "# 一、抓队伍，筑堡垒", "以“名医、名院”双名工程为统领，引进各类人才。", "# 二、抓服务，惠民生", "建设居家养老服务中心72个。");
    expect(ask("江北新区的两个抓手是什么？").sentences[0]!.text).toBe("一、抓队伍，筑堡垒");
    expect(ask("江北新区提出的“双名工程”具体是指哪两个“名”？").sentences[0]!.text).toContain("名医、名院");
  });

  it("answers who stated a position (表态的书记) with the one the report quotes (…书记、局长陆小军表示)", () => {
    const a = answer("江北新区表态的党工委书记是哪位？");
    expect(a.status).not.toBe("not_found");
    expect(a.sentences[0]!.text).toContain("陆小军");
  });

  it("answers a who-question with the person who holds the asked role, highlighted", () => {
    const a = answer("江北新区卫生健康党工委书记是谁？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toContain("陆小军");
  });

  it("answers who did something (谁负责的) with the organisation that did it", () => {
    const a = answer("徐州的科学补碘宣传是谁负责的？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("市疾控中心党支部");
  });

  it("answers who the 主要负责人 is with the head the report names (党工委书记、局长)", () => {
    const a = answer("江北新区卫生健康党工委的主要负责人是谁？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toContain("陆小军");
    // 主要负责同志, as official documents write it.
    expect(answer("江北新区卫生健康党工委的主要负责同志是谁？").sentences[0]!.highlight).toContain("陆小军");
  });

  it("quotes a short sentence that the next one refers back to (此次…) with it, for a how-question", () => {
    const a = answer("徐州是怎么办第二期专题读书班的？");
    expect(a.sentences[0]!.text).toContain("此次读书班通过专家授课");
  });

  it("quotes a sentence that only restates a how-question in general words with the specific one after it", () => {
    const ask = fromReport("ym", "发展党员增强组织活力。去年以来，卫健委机关党委不断提高政治站位，严格发展党员程序，积极做好发展党员工作，引导职工向党组织靠拢。经机关党委研究决定，将5名优秀同志确定为新一批的党员发展对象。");
    expect(ask("义马卫健委机关党委发展党员是怎么做的？").sentences[0]!.text).toContain("将5名优秀同志确定为新一批的党员发展对象");
  });

  it("reads a sentence as general words though it repeats the date the question asks about, and quotes the item after it", () => {
    const ask = fromReport("ym", "主题党日活动突出特色。5月20日，卫健系统组织开展形式多样的主题党日活动。一是选派党员干部到帮扶联系点义马市兴苑社区参加“夯实基层党建”主题党日活动。二是组织青年党员志愿者开展活动。");
    expect(ask("义马卫健系统5月20日的主题党日活动都做了些什么？").sentences[0]!.text).toContain("兴苑社区");
  });

  it("answers a how-question with the sentence announcing a series together with its first item", () => {
    const ask = fromReport("ym", "主题党日活动突出特色。5月20日，卫健系统组织开展形式多样的主题党日活动。一是选派党员干部到帮扶联系点义马市兴苑社区参加主题党日活动。二是组织青年党员志愿者开展活动。");
    expect(ask("义马卫健系统是怎么开展主题党日活动的？").sentences[0]!.text).toMatch(/形式多样的主题党日活动。一是选派党员干部.*兴苑社区/);
  });

  it("answers what was done (搞了啥) with an item that says where it went and the sentence after it that says what", () => {
    const a = fromReport(
      "ym",
      "5月20日，卫健系统开展形式多样的活动。一是选派党员干部到帮扶联系点义马市兴苑社区参加“夯实基层党建、助推社区治理”主题党日活动。在完成“重温入党誓词”等规定动作的同时，向居民发放楼道卫生须知。二是组织青年党员志愿者开展活动。",
    )("义马在兴苑社区主题党日搞了啥");
    expect(a.sentences[0]!.text).toMatch(/^一是选派党员干部.*楼道卫生须知。$/);
  });

  it("lists what an item (二是…开展活动。) was made of with the sentence after it, which names the parts", () => {
    const a = fromReport(
      "ym",
      "二是组织卫健系统青年党员志愿者围绕“守护安康”主题开展主题党日活动。活动过程中，义马市新区卫生院选派5名医护人员开展义诊。",
    )("义马青年党员志愿者活动都有哪些");
    expect(a.sentences[0]!.text).toMatch(/^二是组织.*新区卫生院选派5名医护人员开展义诊。$/);
  });

  it("quotes a short sentence opening with 这 with the sentence it is about", () => {
    const { answer: ask } = corpus([
      {
        id: "xz",
        title: "徐州市卫健委推进党史学习教育纪实",
        paragraphs: ["徐州市卫健委推进党史学习教育。“我们将永远把人民群众生命安全和身体健康放在第一位。”这是卫健系统广大党员干部的共同心声。"],
      },
    ]);
    expect(ask("徐州卫健系统党员干部的共同心声是什么？").sentences[0]!.text).toMatch(/^“我们将永远把人民群众生命安全和身体健康放在第一位。”这是/);
  });

  it("reads a sentence opening with the short name the one before gives (以下简称《方案》) as about what that one is about, in the same paragraph or the next", () => {
    const { answer: ask } = corpus([
      {
        id: "jh",
        title: "江海区卫生健康局党建工作纪实",
        paragraphs: [
          "为加强干部队伍建设，着力提升党建工作水平，今年5月，该局印制《卫生健康系统业务大学习能力大提升活动实施方案》（以下简称《方案》），着力创建学习型机关。《方案》通过举办“卫健小课堂”活动、探索“日月年”学习制度等方式，全覆盖培训干部。",
          "今年6月，该局印发《党员教育培训计划》（以下简称《计划》）。",
          "《计划》通过举办“党课开讲啦”等六大方式，全覆盖培训全区近700名党员干部。",
        ],
      },
    ]);
    expect(ask("江海区是怎么创建学习型机关的？").sentences[0]!.text).toMatch(/^《方案》通过/);
    // The count stands in the next paragraph, which names the plan only by its short name.
    const a = ask("江海区今年印发的培训计划全覆盖培训了多少名党员干部？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("700名");
  });

  it("takes a paragraph's topic line as placing its sentences, not as answering", () => {
    const a = answer("徐州为退役军人做了哪些工作？");
    expect(a.sentences[0]!.text).toContain("接收自主就业退役士兵27人");
  });

  it("answers 哪些领导 with officials named by any role, and 哪些专家 only with experts named", () => {
    const ask = fromReport("ym", "义马市卫健委抓党建。", "5月11日，义马市委副书记董兴连、副市长杨冬林先后到市人民医院慰问护士。", "读书班邀请系统内外专家分享学习体会。");
    const leaders = ask("义马护士节哪些领导去医院慰问了？");
    expect(leaders.status).toBe("answered");
    // Both, listed together, are highlighted together.
    expect(leaders.sentences[0]!.highlight).toBe("副书记董兴连、副市长杨冬林");
    expect(ask("义马的读书班请过哪些专家？").status).not.toBe("answered");
  });

  it("answers a who-question about a partner with the organisation (跟谁一起)", () => {
    const a = answer("徐州市卫健委5月跟谁一起去医院检查党建？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("市委组织部");
  });

  it("says plainly when the reports speak of the subject but not of what was asked (a 科主任 is not the 主任)", () => {
    const a = answer("江北新区卫健委主任是谁？");
    expect(a.status).toBe("related");
    expect(a.found).toBe(false);
    expect(a.preface).toMatch(/^报告中没有直接说明/);
    expect(a.answer.startsWith(a.preface!)).toBe(true);
    expect(a.sentences.length).toBeGreaterThan(0);
  });

  it("answers a question naming no subject about 那位主任 with a 科主任, and 一把手 with a 书记", () => {
    const a = answer("医学影像科出席的那位主任叫什么？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toContain("张明");
    expect(answer("徐州市卫健委的一把手是谁？").sentences[0]!.highlight).toContain("胡传峰");
  });

  it("answers who a branch's Party secretary (支部书记) is with the branch secretary, not the commission's", () => {
    const ask = fromReport(
      "xz",
      "市卫健委党委书记胡传峰强调，要学习贯彻党代会精神。",
      "9月9日，门诊第三党支部书记、医学影像科主任师毅冰以《赓续百年初心》为题，分享自己的感悟。",
    );
    const a = ask("徐州以《赓续百年初心》为题分享感悟的支部书记是谁？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toContain("师毅冰");
  });

  it("answers who did something with a name the sentence gives without a role (陆婉秋立即协助…)", () => {
    const ask = fromReport("xz", "徐州派出医护人员支援扬州核酸采样。在扬州市甘泉镇采样点，得知一名村民出现低血糖反应后，陆婉秋立即协助其饮用葡萄糖溶液。");
    const a = ask("徐州有个医护在扬州帮了出现低血糖反应的村民，她叫啥？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("陆婉秋");
  });

  it("does not pass off a figure about something else: 徐州's vaccinations are not its 九价HPV doses", () => {
    const a = answer("徐州九价HPV疫苗累计接种了多少剂次？");
    expect(a.status).toBe("related");
    expect(a.sentences[0]!.text).toContain("超千万剂次");
    expect(answer("江北新区九价HPV疫苗累计接种了多少剂次？").status).toBe("answered");
  });

  it("does not give another of a series' date for the one asked (第二期 for 第一期)", () => {
    expect(answer("徐州市卫健委第二期专题读书班是哪天开班的？").status).toBe("answered");
    expect(answer("徐州市卫健委第一期专题读书班是哪天开班的？").status).toBe("related");
  });

  it("answers 第几次 with the ordinal of that series", () => {
    const a = answer("徐州要学习第几次党代会精神？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("第十三次");
  });

  it("answers a rank question (排第几) with the rank the report states, not an ordinal of something else", () => {
    const a = answer("徐州的人才发展指数排第几名？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("居全省第三");
    expect(answer("徐州的疫苗接种率在全国算什么水平？").sentences[0]!.highlight).toBe("全国范围领先");
  });

  it("answers 代表谁 with the organisation spoken for", () => {
    const a = answer("徐州市领导慰问护士时是代表谁表示问候的？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("市委市政府");
  });

  it("answers where only with a place", () => {
    const a = answer("徐州市卫健委5月去哪里检查党建？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("3家公立医院");
    expect(answer("徐州市卫健委第二期专题读书班在哪里开班？").status).toBe("related");
  });

  it("answers 怎么评价 with what someone said (提出, 表示), and 带头的是谁 with the team's 领队", () => {
    expect(answer("徐州座谈会对受表彰的护理工作者是怎么评价的？").sentences[0]!.text).toContain("座谈会提出");
    const lead = answer("徐州核酸检测队带头的是谁？");
    expect(lead.status).toBe("answered");
    expect(lead.sentences[0]!.highlight).toContain("余汉忠");
  });

  it("answers where only with a sentence naming what is placed (座谈会是在哪开的 is not answered by where leaders went)", () => {
    const visit = answer("徐州市委副书记5月11日去哪里慰问护士？");
    expect(visit.status).toBe("answered");
    expect(visit.sentences[0]!.highlight).toBe("市人民医院");
    expect(answer("徐州护士节的座谈会是在哪开的？").status).toBe("related");
  });

  it("answers which-of-a-kind (哪个单位, 哪个城市) only with a name of that kind", () => {
    const a = answer("徐州市卫健委5月跟哪个部门一起去检查党建？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toContain("市委组织部");
    expect(answer("徐州的规上企业是哪个社区的？").status).toBe("related");
    // 都是哪些医院的 asks for hospitals by name too.
    expect(answer("徐州表彰的23名优秀护理工作者都是哪些医院的？").status).toBe("related");
    // A count of hospitals names none of them.
    const ask = fromReport("jh", "该局走进2家公立医院，查阅党员档案。");
    expect(ask("江海区卫生健康局查阅了哪家医院的党员档案？").status).toBe("related");
    expect(ask("江海区卫生健康局分别到哪些单位查阅了党员档案？").status).toBe("related");
    // The name is what follows the words before it (该局联合|江海区委组织部); 了解医院 names no hospital.
    const jh = fromReport("jh", "今年5月，该局联合江海区委组织部走进公立医院，了解医院党建任务落实情况。");
    expect(jh("江海区卫生健康局是联合哪个部门去检查的？").sentences[0]!.highlight).toBe("江海区委组织部");
    expect(jh("江海区卫生健康局了解的是哪家医院的党建任务？").status).toBe("related");
  });

  it("answers why only with a cause or purpose", () => {
    const a = answer("徐州市卫健委为什么组织党员干部集中学习？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("为了提升理论水平");
    expect(answer("徐州为什么开设发热门诊？").status).toBe("related");
  });

  it("says yes only with a sentence holding what a yes/no question asks to confirm (its last word)", () => {
    expect(answer("江北新区开设助餐点了吗？").status).toBe("answered");
    expect(answer("江北新区的助餐点发奖金吗？").status).toBe("related");
  });

  it("reads no count in a quoted name (“一件事”), and answers 几个 with any measure word for things (2项)", () => {
    expect(answer("徐州新生儿出生一件事改革办了多少件？").status).toBe("related");
    const a = answer("徐州拿到了几个专利？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("2项");
  });

  it("does not answer how many of one noun with a figure of another (多少名党员 → not 困难群众600余人次)", () => {
    expect(answer("徐州一共有多少名党员？").status).toBe("related");
    expect(answer("徐州帮扶了多少名困难群众？").status).toBe("answered");
  });

  it("answers 多少个 with a count of people when what it counts are people (多少个烈士遗属 → 50人)", () => {
    const a = answer("徐州走访慰问了多少个烈士遗属？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("50人");
  });

  it("reads no count in an ordinal (市第一人民医院), and 一支 as one", () => {
    expect(answer("徐州核酸检测队一共有多少人？").status).toBe("related");
    expect(answer("徐州组成了几支宣讲团？").sentences[0]!.highlight).toBe("一支");
    expect(answer("徐州宣讲团有多少人？").sentences[0]!.highlight).toBe("68人");
  });

  it("reads a figure spaced from its measure word (432 家), and a round one with 余 after its magnitude (1万余人)", () => {
    expect(answer("徐州有多少家规上企业复工了？").sentences[0]!.highlight).toBe("432 家");
    const ask = fromReport("jb", "江北新区落实1万余人集中隔离医学观察。");
    expect(ask("江北新区落实了多少人集中隔离医学观察？")).toMatchObject({ status: "answered", sentences: [{ highlight: "1万余人" }] });
  });

  it("answers 几点 with a time of day", () => {
    const a = answer("徐州核酸检测队早上几点上岗？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("早上7时");
  });

  it("answers 叫什么名字 about a thing with a name, not with a count of such things", () => {
    const a = answer("江北新区的清廉品牌叫什么名字？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("“清廉仁济”");
    expect(answer("徐州新建的公益性骨灰堂叫什么名字？").status).toBe("related");
  });

  it("does not answer 叫什么名字 with the thing's count written after it (居家养老服务中心72个)", () => {
    expect(answer("江北新区那72个居家养老服务中心都叫什么名字？").status).toBe("related");
  });

  it("answers 多少趟 or 几回 with a figure in 次", () => {
    const ask = fromReport("jb", "江北新区走访群众300人，走访社区25次。");
    const a = ask("江北新区走访了多少趟？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("25次");
  });

  it("answers a count by a figure the question's verb takes (累计接种超千万剂次 for 累计接种了多少新冠疫苗)", () => {
    const ask = fromReport("xz", "截至目前，徐州市累计接种超千万剂次，接种率在全国范围领先。", "接种新冠病毒疫苗是当前最有效的防控措施。");
    const a = ask("徐州累计接种了多少新冠疫苗？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.highlight).toBe("千万剂次");
  });

  it("answers how many there are in all (一共有多少) only by a figure not counting those something was done to", () => {
    expect(answer("徐州一共有多少困难群众？").status).toBe("related");
    expect(answer("徐州一共有多少个养老服务中心？").status).toBe("answered");
    // Nor by those added to it.
    const ask = fromReport("jh", "今年落实新发展党员5名，党员队伍不断壮大。");
    expect(ask("江海区卫生健康系统一共有多少名党员？").status).toBe("related");
  });

  it("answers a count of part of a stated set (23名…中有几名) only about that set", () => {
    const ask = fromReport("ym", "护士节座谈会对23名优秀护理工作者进行表彰。市人民医院11名护理工作者到社区义诊。");
    expect(ask("义马表彰的23名优秀护理工作者中，有几名来自市人民医院？").status).toBe("related");
  });

  it("answers who chaired (由谁主持) only with a sentence that says someone chaired", () => {
    const ask = fromReport("ym", "5月8日，卫健委召开机关党建工作会议。会上，副书记董兴连强调要抓好党建。", "5月9日下午，召开党风廉政建设会议，会议由副书记杨冬林主持。");
    expect(ask("义马卫健委5月8日召开的机关党建工作会议由谁主持？").status).not.toBe("answered");
    const chaired = ask("义马卫健委5月9日的党风廉政建设会议由谁主持？");
    expect(chaired.status).toBe("answered");
    expect(chaired.sentences[0]!.text).toContain("杨冬林");
  });

  it("counts people in 个 when the question spoke of people before it (帮残疾人找工作，帮了多少个)", () => {
    const ask = fromReport("jb", "老年人服务方面，建设居家养老服务中心72个。在助残服务方面，帮助残疾人就业不少于500名。");
    expect(ask("江北新区帮残疾人就业 帮了多少个").sentences[0]!.text).toContain("不少于500名");
  });

  it("counts people in 个 when what it counts names people (几个清廉医护)", () => {
    const ask = fromReport("na", "二是打造清廉品牌。选树清廉科室20个、清廉医护125人。");
    expect(ask("南岸区选树了几个清廉医护？").sentences[0]!.highlight).toBe("125人");
  });

  it("answers a count of a named part of a stated set (347名人才里博士有多少名) only with a figure standing by that part", () => {
    const ask = fromReport("na", "南岸区引进各类人才347名（硕士及以上占比近30%），其中四名院长带头。");
    expect(ask("南岸区引进的347名人才里博士有多少名？").status).toBe("related");
    expect(ask("南岸区引进的347名人才里面，博士有多少名？").status).toBe("related");
    expect(ask("南岸区引进的347名人才里硕士及以上占比多少？").status).toBe("answered");
    // So of a sum of money (那130亿里，…投了多少) where only the sum is stated.
    const projects = fromReport("jb", "鼓楼医院江北国际医院、南医大四附院先后落户江北新区，这5个建设项目总投资约130亿元。");
    expect(projects("江北新区那130亿里，南医大四附院投了多少？").status).toBe("related");
    expect(projects("江北新区5个建设项目总投资多少？").status).toBe("answered");
  });

  it("counts households (多少家, 多少户人家) by their people when the question speaks of people, and places in 家 only by places", () => {
    const ask = fromReport("jb", "新区组织3次军人看新区活动，为12名立功受奖军人家属送去喜报。新区有5家医疗机构开设了发热门诊，接诊120名患者。");
    const families = ask("江北新区给立了功的军人家里报喜，报了多少家？");
    expect(families.status).toBe("answered");
    expect(families.sentences[0]!.highlight).toBe("12名");
    expect(ask("江北新区有几家医疗机构开设了发热门诊？").sentences[0]!.highlight).toBe("5家");
  });

  it("answers a count of a part named after the question word (1475场里有多少场是宣讲团讲的) only with a figure of that part", () => {
    const ask = fromReport("xz", "徐州市卫健委选拔68人组建宣讲团。全委共举办各类讲习、宣讲1475场，知识竞赛18场。");
    expect(ask("徐州1475场讲习宣讲里，有多少场是那个68人的宣讲团讲的？").status).toBe("related");
    expect(ask("徐州举办了多少场讲习宣讲？").status).toBe("answered");
  });

  it("reads a part named in everyday words as the reports' words (68人里医生几个 → 医务人员), not as no part at all", () => {
    const ask = fromReport("xz", "徐州市卫健委选拔优秀医务工作者，组成一支68人的宣讲团。全系统医务人员参加了学习。");
    expect(ask("徐州宣讲团68人里医生几个？").status).toBe("related");
    expect(ask("徐州宣讲团多少人？").status).toBe("answered");
  });

  it("answers a count of each part (每一类各有多少项) only with a figure for each", () => {
    const ask = fromReport("xz", "徐州市卫健委梳理出“六大类224项”为民办实事项目。其中，县处级“一把手”工程25项。");
    expect(ask("徐州那224项每一类各有多少项？").status).toBe("related");
    expect(ask("徐州县处级“一把手”工程有多少项？").status).toBe("answered");
    // So is a figure asked of each member of a counted set (5家医疗机构分别接诊了多少) where only their total is stated.
    const clinics = fromReport("jb", "江北新区5家医疗机构开设了发热门诊，累计接诊万余人次。");
    expect(clinics("江北新区开设发热门诊的5家医疗机构，分别累计接诊了多少人次？").status).toBe("related");
    expect(clinics("江北新区发热门诊累计接诊了多少人次？").status).toBe("answered");
    // However much the question says of the set before 各自 (5家开设发热门诊的医疗机构，各自分别…).
    expect(clinics("江北新区5家开设发热门诊的医疗机构，各自分别接诊了多少人次？").status).toBe("related");
  });

  it("answers a question about what is yet to come (明年计划新建多少个) only with a sentence that speaks of the future", () => {
    const statusOf = (sentence: string, question = "江北新区明年计划再新建多少个居家养老服务中心？") => fromReport("jb", sentence)(question).status;
    const built = "老年人服务方面，江北新区先后建设运营居家养老服务中心72个。";
    expect(statusOf(built)).toBe("related");
    expect(statusOf(built, "江北新区建设运营了多少个居家养老服务中心？")).toBe("answered");
    expect(statusOf("老年人服务方面，江北新区明年将新建居家养老服务中心10个。")).toBe("answered");
  });

  it("answers …的目标值是多少 only with a figure of that noun, not another figure beside the one stated", () => {
    const ask = fromReport("xz", "截至9月底，全市累计完成老年智能手机培训87422人次，全市产前筛查率为83.26%。");
    expect(ask("徐州产前筛查率83.26%，原定的目标值是多少？").status).toBe("related");
    expect(ask("徐州老年智能手机培训的人次是多少？").status).toBe("answered");
  });

  it("does not answer a count of one listed item (南医大四附院有多少张床位) with the figure of the whole list", () => {
    const ask = fromReport("jb", "鼓楼医院江北国际医院、南医大四附院、中大医院新院区先后落户江北新区，这3个建设项目建成后将增加床位约8000张。");
    expect(ask("江北新区的南医大四附院建成后有多少张床位？").status).not.toBe("answered");
    expect(ask("江北新区那3个建设项目建成后能增加多少张床位？").status).toBe("answered");
    // Named whole to ask about one item of it (那3个项目里，南医大四附院单个…), the whole's figure does not answer.
    expect(ask("江北新区那3个建设项目里，南医大四附院单个能增加多少张床位？").status).not.toBe("answered");
    // The last item runs on into the sentence (中大医院新院区先后落户…): it is named all the same.
    expect(ask("江北新区3个建设项目里，中大医院新院区单独能增加多少床位？").status).not.toBe("answered");
  });

  it("does not answer a count with a figure of something else that shares only a framing word (累计)", () => {
    const { answer: ask } = corpus([
      { id: "na", title: "南岸区卫生健康委四个抓手做实党建统领", paragraphs: ["南岸区卫生健康委党委聚焦党建统领。", "九价HPV疫苗累计接种2.1万剂次。"] },
      { id: "xz", title: "徐州市卫健委党史学习教育纪实", paragraphs: ["徐州市新冠疫苗接种工作加快推进。"] },
    ]);
    expect(ask("南岸区新冠疫苗累计打了多少剂次？").status).toBe("related");
    expect(ask("南岸区九价HPV疫苗累计打了多少剂次？").status).toBe("answered");
  });

  it("weighs a framing word (累计, 先后) as little as a generic verb, so it is never the word a sentence must hold", () => {
    const { context, vocabulary } = corpus([jiangbei, xuzhou]);
    const q = analyzeQuestion("徐州新冠疫苗累计打了多少剂次？", vocabulary);
    const weights = Object.fromEntries(weightedTerms(q, context).content.map((t) => [t.forms[0]!.join(""), t.weight]));
    expect(weights["累计"]).toBeLessThan(weights["新冠"]!);
  });

  it("answers a count in a measure word the reports rarely use (多少管) only with a figure in it", () => {
    const ask = fromReport("jb", "完成5家发热门诊规范化建设，4家核酸检测实验室建成投入使用。");
    expect(ask("江北新区的核酸检测实验室一天能测多少管？").status).toBe("related");
  });

  it("does not answer a count with the figure the question states itself", () => {
    const ask = fromReport("xz", "徐州市卫健委梳理出“六大类224项”为民办实事项目，涉及医疗服务、健康服务等方面。");
    expect(ask("徐州那“六大类224项”里，每一类各有多少项？").status).toBe("related");
    // Nor written otherwise (224个 is the report's 224项).
    expect(ask("徐州那224个为民办实事项目里，涉及多少个方面？").status).toBe("related");
    expect(ask("徐州梳理出多少项为民办实事项目？").status).toBe("answered");
  });

  it("does not answer a question contrasting a stated fact (…，那二价HPV接种了多少) with the sentence stating that fact", () => {
    expect(answer("江北新区九价HPV打了2.1万剂，那二价HPV接种了多少？").status).toBe("related");
    expect(answer("江北新区九价HPV疫苗接种了多少剂次？").status).toBe("answered");
  });

  it("answers which members of a counted set (那5家医疗机构分别是哪几家) only by naming them", () => {
    expect(answer("江北新区那5家医疗机构分别是哪几家？").status).toBe("related");
    // 哪几家 counts in the set's measure word: the hospitals asked for are the five.
    expect(answer("江北新区开发热门诊的那5家是哪几家医院？").status).toBe("related");
    expect(answer("江北新区那5家医疗机构 具体是哪5家").status).toBe("related");
    const brands = answer("江北新区打造的三个品牌分别是什么？");
    expect(brands.status).toBe("answered");
    expect(brands.sentences.map((s) => s.text).join("")).toContain("三是打造服务品牌");
    // 那两家公立医院补上哪些规章 asks for rules, not for the hospitals: the set's members are not what is asked.
    expect(answer("江北新区那5家医疗机构开设了哪些门诊？").status).toBe("answered");
  });

  it("does not take a list of something else, before the count or beside it, for the members of a counted set", () => {
    const ask = fromReport(
      "jh",
      "今年5月，该局联合江海区委组织部走进2家公立医院，通过查阅会议登记本、党员档案、活动记录等，了解党建任务落实情况。今年落实新发展党员5名，党员干部队伍不断壮大。",
      "该局围绕品牌名称、实施方案、内涵塑造、长效固化四个方面打造党建品牌，推动“江海先锋”“仁心济世”等品牌辨识度越来越高，全区入围示范计划党组织4个。",
      "该局联合街道建设了党群服务中心、健康驿站、志愿服务站等3个服务阵地。",
    );
    expect(ask("江海区今年新发展的5名党员分别是哪几个？").status).toBe("related");
    expect(ask("江海区入围示范计划的4个党组织分别是哪几个？").status).toBe("related");
    expect(ask("江海区入围示范计划的4个党组织是哪四个？").status).toBe("related");
    // What is asked of each member (分别来自哪些单位) names them too.
    expect(ask("江海区今年新发展的5名党员分别来自哪些单位？").status).toBe("related");
    // Asked which unit the five are of: the unit beside the other count (走进2家公立医院) is not theirs.
    expect(ask("江海区今年新发展的5名党员都是哪家单位的？").status).toBe("related");
    // The members listed in the clause that counts them are the answer.
    expect(ask("江海区建设的3个服务阵地分别是哪些？").status).toBe("answered");
  });

  it("does not take examples of a counted set (“清廉仁济”“廉润南中”等16个) for all its members", () => {
    const ask = fromReport("na", "南岸区卫生健康委突出四个抓手。", "创建“清廉仁济”“廉润南中”等16个清廉品牌，分类建立院长、科室主任、关键岗位等小微权力清单36项。");
    expect(ask("南岸区的16个清廉品牌都有哪些？").status).toBe("related");
    expect(ask("南岸16个清廉品牌 全部名称列一下").status).toBe("related");
  });

  it("does not take the items of another part of the report for the members of a counted set", () => {
    const ask = fromReport(
      "na",
      "南岸区卫生健康委突出四个抓手。",
      "三是健全机制强化党建责任。完善3张全面从严治党责任清单，健全从严治党“四个一”机制。",
      "一是“三条线路”淬炼队伍成色。二是“四项监督”优化工作作风。",
    );
    expect(ask("南岸区从严治党的“四个一”机制具体是哪四个“一”？").status).toBe("related");
  });

  it("names the members of a set a question counts by a list of them, not by the set's own name", () => {
    const ask = fromReport(
      "jh",
      "江海区卫生健康系统10名人才获评“江海医疗菁英”。",
      "该局成立江海区人民医院总支部委员会，下设一党支部、二党支部、颐养院党支部和退休党支部4个党支部。",
    );
    expect(ask("江海区10个江海医疗菁英都叫什么？").status).toBe("related");
    const branches = ask("江海区人民医院总支部下设的4个党支部分别叫什么？");
    expect(branches.status).toBe("answered");
    expect(branches.sentences[0]!.highlight).toBe("下设一党支部、二党支部、颐养院党支部和退休党支部");
  });

  it("does not take a named person for the people a who-question counts when their role differs (三位专家都是谁)", () => {
    const ask = fromReport(
      "xz",
      "6月22日，市肿瘤医院行政第二党支部干事李燕军为大家讲述英雄部队的故事。",
      "10月20日，市卫健委第二期专题读书班开班，主要通过三位专家授课、一次书记领学的形式展开。",
    );
    expect(ask("徐州第二期读书班三位专家都是谁").status).not.toBe("answered");
    expect(ask("第二党支部的干事是谁？").sentences[0]!.highlight).toContain("李燕军");
  });

  it("answers 哪一年 only with a year, and 几号 only with a day", () => {
    expect(answer("徐州市卫健委第二期专题读书班是哪一年开班的？").status).toBe("related");
    const ask = fromReport("jh", "今年5月，该局印制《实施方案》，着力创建学习型机关。");
    expect(ask("江海区的《实施方案》是5月几号印制的？").status).toBe("related");
    expect(ask("江海区的《实施方案》是什么时候印制的？").status).toBe("answered");
  });

  it("answers not found when the question names no known subject and a word no report has", () => {
    expect(answer("世界杯专题读书班是哪天开班的？").status).toBe("not_found");
  });

  it("shows what the reports say, never confirming it, when a yes/no question checks a name no report has", () => {
    const ask = fromReport("ym", "5月11日上午，市委副书记董兴连、副市长杨冬林到市人民医院慰问护理工作者。");
    const a = ask("5月11日去慰问护士的副市长，稿子写的是杨东林，对吗？");
    expect(a.status).toBe("related");
    expect(a.sentences[0]!.text).toContain("杨冬林");
    expect(ask("5月11日去慰问护士的，是市里的副市长杨东林吗？").status).toBe("related");
    // Named without being put forward for checking, the unknown name still means the question is not about the reports.
    expect(ask("杨东林副市长5月11日慰问护士时说了什么？").status).toBe("not_found");
  });

  it("answers not found when a question naming no subject only shares scattered words with the reports", () => {
    expect(answer("老人发烧怎么办").status).toBe("not_found");
    expect(answer("有几家医疗机构开设了发热门诊？").status).toBe("answered");
  });

  it("answers a question naming no subject from the one passage that has a word of its own (贾汪), though they share no phrase", () => {
    const ask = fromReport("xz", "在贾汪区人民医院，党委班子带头参与预检分诊工作。", "市第一人民医院党委班子带头学习。");
    const a = ask("贾汪医院班子咋带头？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toContain("贾汪区");
    // A place no passage has leaves only words every such passage shares.
    expect(ask("沛县医院班子咋带头？").status).toBe("not_found");
  });

  it("answers a question about a known subject that shares only a word or two with a passage as related, not as not found", () => {
    // 发热门诊 is the only one of the question's words the report has: the report speaks of the subject and of that.
    const a = answer("江北新区的发热门诊平时让不让家属陪着进去？");
    expect(a.status).toBe("related");
    expect(a.sentences[0]!.text).toContain("发热门诊");
  });

  it("answers not found when nothing is about the question", () => {
    const a = answer("江北新区明天的天气怎么样？");
    expect(a).toMatchObject({ status: "not_found", found: false, sentences: [], citations: [] });
  });

  it("gives an overview as the report's lead sentence and its sections", () => {
    const a = answer("介绍一下江北新区的做法");
    expect(a.sentences.map((s) => s.text)).toEqual(["江北新区卫生健康党工委坚持党建引领，突出两个抓手，推动事业高质量发展。", "一、抓队伍，筑堡垒", "二、抓服务，惠民生"]);
  });

  it("answers what the sections carrying a quoted word are (那几个“硬”分别指啥, 分别对应抓什么) with those sections", () => {
    const ask = fromReport("jb", "江北新区坚持党建引领。", "# 抓队伍、筑堡垒，压紧党建工作“硬责任”", "新区稳扎稳打，提升服务。", "# 抓防疫、强保障，提升党建引领“硬实力”", "新区开设发热门诊。");
    const a = ask("江北新区那几个“硬”分别指啥");
    expect(a.sentences.map((s) => s.text).slice(0, 2)).toEqual(["抓队伍、筑堡垒，压紧党建工作“硬责任”", "抓防疫、强保障，提升党建引领“硬实力”"]);
    // The sections are what was asked, stated: no caveat before them.
    expect(a.status).toBe("answered");
    const each = ask("江北新区讲的压紧“硬责任”、提升“硬实力”分别对应抓什么？");
    expect(each.sentences[0]!.text).toBe("抓队伍、筑堡垒，压紧党建工作“硬责任”");
    expect(each.status).toBe("answered");
  });

  it("answers which ones a set the question counts is (五个方面是哪五个) with the sentence that names the set", () => {
    const { answer: ask } = corpus([
      {
        id: "na",
        title: "南岸区卫生健康委党建工作",
        paragraphs: ["南岸区围绕“稳健发展、能力提升、优化服务”三个方面加压奋进。", "南岸区从党纪学习、清廉建设两个方面建章立制。"],
      },
    ]);
    const a = ask("南岸区的三个方面是哪三个？");
    expect(a.sentences[0]!.text).toContain("稳健发展、能力提升、优化服务");
  });

  it("opens an overview with the first sentence naming the most of the question's subjects, not a dateline", () => {
    const { answer: ask } = corpus([
      {
        id: "jh",
        title: "江海:党建引领激发“红色动能”",
        source: "江门日报",
        paragraphs: [
          "江门讯 赓续红色血脉，凝聚奋进力量。",
          "江门市江海区卫生健康局不断强化党建引领，激活“红色细胞”。",
          "# 武装思想，培养高素质队伍",
          "江门市江海区卫生健康局落实第一议题，江门市各级党组织积极参与。",
        ],
      },
    ]);
    const a = ask("介绍一下江门江海区卫健局抓党建的情况");
    expect(a.subjects).toEqual(expect.arrayContaining(["江门", "江海区"]));
    expect(a.sentences[0]!.text).toMatch(/^江门市江海区卫生健康局/);
  });

  it("leads an overview asking for the report's parts (主要讲了哪几方面) with its sections", () => {
    const a = answer("江北新区那篇报道主要讲了哪几方面？");
    expect(a.sentences.map((s) => s.text)).toEqual(["一、抓队伍，筑堡垒", "二、抓服务，惠民生", "江北新区卫生健康党工委坚持党建引领，突出两个抓手，推动事业高质量发展。"]);
    expect(answer("介绍一下江北新区的做法，分几块说说").sentences[0]!.text).toBe("一、抓队伍，筑堡垒");
    expect(answer("江北新区那篇报道写了哪些党建活动？").sentences[0]!.text).toBe("一、抓队伍，筑堡垒");
    expect(answer("江北新区党建要点？").sentences[0]!.text).toBe("一、抓队伍，筑堡垒");
    // Asked how it is built (结构) or by which of its means (从哪几个抓手展开), the sections lead too.
    expect(answer("江北新区那篇报道的结构是怎样的？").sentences[0]!.text).toBe("一、抓队伍，筑堡垒");
    expect(answer("江北新区那篇报道主要从哪几个抓手展开？").sentences[0]!.text).toBe("一、抓队伍，筑堡垒");
  });


  it("leads an overview asking about as many parts as the report has (四个抓手大概讲讲) with its sections", () => {
    const { answer: ask } = corpus([
      {
        id: "na",
        title: "南岸区卫生健康委四个抓手做实党建统领",
        paragraphs: ["南岸区卫生健康委党委聚焦党建统领，突出四个抓手。", "# 一、抓学习强本领", "开展主题教育。", "# 二、抓管理促规范", "建章立制。", "# 三、抓品牌树示范", "打造品牌。", "# 四、抓落实提质效", "书记挂帅。"],
      },
    ]);
    expect(ask("南岸四个抓手 大概讲讲").sentences[0]!.text).toBe("一、抓学习强本领");
    // One item of them asked (第二个是什么), it leads.
    expect(ask("南岸区的四个抓手，第二个是什么？").sentences[0]!.text).toBe("二、抓管理促规范");
    // The eval judges such an answer Complete, though its first sentence holds one section only.
    const judged = judge({ q: "南岸四个抓手 大概讲讲", expect: ["抓学习强本领", "抓落实提质效"] }, ask("南岸四个抓手 大概讲讲"));
    expect(judged).toMatchObject({ answerAt1: true, complete: true });
    expect(judge({ q: "南岸四个抓手 大概讲讲", expect: ["抓学习强本领", "九价HPV"] }, ask("南岸四个抓手 大概讲讲")).complete).toBe(false);
    // 那几个抓手 points at the set the lead counts (突出四个抓手) without saying how many.
    expect(ask("南岸区那几个抓手都是什么？").sentences.map((s) => s.text).slice(0, 4)).toEqual(["一、抓学习强本领", "二、抓管理促规范", "三、抓品牌树示范", "四、抓落实提质效"]);
    expect(ask("介绍一下南岸区卫生健康委").sentences[0]!.text).toMatch(/^南岸区卫生健康委党委聚焦党建统领/);
  });

  it("leads an overview asking for practices (主要做法) with the sections when the lead sentence does not name them", () => {
    const { answer: ask } = corpus([
      {
        id: "jh",
        title: "江海:党建引领激发“红色动能”",
        paragraphs: ["江海区卫生健康局不断强化党建引领，激活“红色细胞”。", "# 武装思想，培养高素质队伍", "该局落实第一议题。", "# 问题导向，创建“学习型”机关", "该局印制学习方案。"],
      },
    ]);
    expect(ask("江海区卫健局党建引领的主要做法有哪些？").sentences[0]!.text).toBe("武装思想，培养高素质队伍");
    expect(ask("介绍一下江海区卫健局党建的情况").sentences[0]!.text).toMatch(/^江海区卫生健康局不断强化党建引领/);
    // A lead sentence that names the sections (以悟思想为根本…) answers practices itself.
    const { answer: named } = corpus([
      {
        id: "xz",
        title: "徐州市卫健委推进党史学习教育纪实",
        paragraphs: ["徐州市卫健委以悟思想为根本，以办实事为重点，推进党史学习教育。", "# ◆悟思想 把学习成果内化为动力", "读书班开班。", "# ◆办实事 解决群众急难愁盼", "办实事项目224项。"],
      },
    ]);
    expect(named("徐州卫健委党史学习教育的主要做法有哪些？").sentences[0]!.text).toMatch(/^徐州市卫健委以悟思想为根本/);
  });
  it("summarizes one part of a report from its first sentence of content, then what its items open with", () => {
    const a = answer("概括一下江北新区抓服务方面的做法");
    expect(a.sentences[0]!.text).toMatch(/^老年人服务方面的主要做法包括/);
    expect(a.sentences.map((x) => x.text)).toContain("二是严管党员。");
  });

  it("summarizes the part an overview listed by its place when a follow-up asks for it (那第二个方面具体是怎么做的)", () => {
    const { answer: ask } = corpus([
      {
        id: "jh",
        title: "江海:党建引领激发“红色动能”",
        paragraphs: ["江海区卫生健康局不断强化党建引领，激活“红色细胞”。", "# 武装思想，培养高素质队伍", "该局落实第一议题。", "# 问题导向，创建“学习型”机关", "该局举办“卫健小课堂”活动。"],
      },
    ]);
    const previous = "江海区卫健局党建引领的主要做法有哪些？";
    expect(ask(previous).sentences.map((s) => s.text).slice(0, 2)).toEqual(["武装思想，培养高素质队伍", "问题导向，创建“学习型”机关"]);
    expect(ask("那第二个方面具体是怎么做的？", undefined, previous).sentences[0]!.text).toBe("该局举办“卫健小课堂”活动。");
    expect(ask("那第一部分呢，具体讲讲", undefined, previous).sentences[0]!.text).toBe("该局落实第一议题。");
  });

  it("summarizes a paragraph whose topic line names what is asked with the topic line and the sentence it heads", () => {
    const a = answer("介绍一下徐州民政、残联、退役军人服务这块的工作");
    expect(a.sentences[0]!.text).toBe("民政、残联、退役军人事务服务工作扎实推进。老年人服务方面，建设养老服务中心72个；");
  });

  it("summarizes a part that opens on its aims from its first sentence on the question that gives a figure", () => {
    const part = (opening: string) =>
      fromReport(
        "xz",
        "徐州市卫健委以办实事为重点，推进党史学习教育。",
        "# ◆办实事 解决群众急难愁盼",
        opening,
        "面对严峻复杂的疫情防控形势，党员干部主动作为。",
        "市卫健委集中梳理出“六大类224项”为民办实事项目，目前都在扎实推进中。",
        "# ◆开新局 推进高质量发展",
        "市卫健委党委坚持高站位谋划。",
      )("徐州卫健委办实事那部分主要做了啥，概括一下");
    expect(part("市卫健委推动“我为群众办实事”实践活动走深走实，把民生小事办好。").sentences[0]!.text).toMatch(/六大类224项/);
    // An opening that names a document (《方案》) already states a fact: it leads.
    expect(part("市卫健委印制《方案》，推动“我为群众办实事”实践活动走深走实。").sentences[0]!.text).toMatch(/^市卫健委印制/);
  });

  it("summarizes a part that opens on a saying about nothing asked from its next opening", () => {
    const a = fromReport(
      "jh",
      "江海区卫生健康局不断强化党建引领。",
      "# 夯实根基，筑造“牢固型”堡垒",
      "求木之长者，必固其根本。党的基层组织是党的全部工作和战斗力的基础。",
      "该局加强对基层的党建业务指导，让基层党组织战斗堡垒作用发挥得更加充分。",
      "# 一心向党，打造“卫健队伍”",
      "该局强化使命职责。",
    )("江海区“夯实根基”那一块都讲了哪些措施？");
    expect(a.sentences[0]!.text).toMatch(/^该局加强对基层的党建业务指导/);
  });

  it("compares reports with one sentence each that states the asked-for thing", () => {
    const a = answer("江北新区和徐州各有几家医疗机构开设了发热门诊？");
    expect(a.status).toBe("answered");
    expect(new Set(a.citations.map((c) => c.docId))).toEqual(new Set(["jb", "xz"]));
    expect(a.sentences).toHaveLength(2);
  });

  it("quotes every report a comparison names, also one that covers the question less than the others", () => {
    const a = answer("江北新区和徐州在技术指导团队和发热门诊接诊上各做了什么？");
    expect(new Set(a.citations.map((c) => c.docId))).toEqual(new Set(["jb", "xz"]));
  });

  it("looks through every passage of a compared report that its retrieved passages do not answer", () => {
    const { answer: ask, chunks } = corpus([jiangbei, xuzhou]);
    // Only passages without the 江北新区 secretary's name are retrieved.
    const order = chunks.map((c, i) => ({ c, i })).filter(({ c }) => !c.text.includes("陆小军")).map(({ i }) => i);
    const a = ask("江北新区和徐州的党委书记分别是谁？", order);
    expect(a.sentences.map((x) => x.highlight)).toEqual(expect.arrayContaining([expect.stringContaining("陆小军"), expect.stringContaining("胡传峰")]));
  });

  it("quotes every report that states the person asked for in a comparison naming no report (各地…分别是谁)", () => {
    const a = answer("各地卫健部门党组织的负责人分别是谁？");
    expect(a.status).toBe("answered");
    expect(new Set(a.citations.map((c) => c.docId))).toEqual(new Set(["jb", "xz"]));
  });

  it("leads a 哪个…最多 comparison with the report whose figure is largest", () => {
    const a = answer("哪个地区组建的卫生技术指导团队最多？");
    expect(a.sentences[0]!.text).toContain("10支卫生技术指导团队");
    const b = answer("哪个地区开设发热门诊的医疗机构最多？");
    expect(b.status).toBe("answered");
    expect(new Set(b.citations.map((c) => c.docId)).size).toBe(2);
  });

  it("quotes for each compared report a figure standing by what was asked, not another figure of a sentence naming it (对比…接种数量)", () => {
    const { answer: ask } = corpus([
      { id: "jb", title: "江北新区卫生健康工作纪实", paragraphs: ["江北新区卫生健康党工委坚持党建引领。", "围绕新冠疫苗接种等热点难点问题，开展实地调研33次。", "累计接种新冠疫苗近43万人。"] },
      { id: "xz", title: "徐州市卫健委党史学习教育纪实", paragraphs: ["截至目前，徐州市累计接种超千万剂次。"] },
    ]);
    const a = ask("对比一下江北新区和徐州的新冠疫苗接种数量");
    expect(a.sentences.map((x) => x.highlight)).toEqual(["43万人", "千万剂次"]);
    // 有啥数字 asks for figures; 数字 is no matter to match.
    expect(ask("江北新区和徐州的新冠疫苗接种有啥数字？").sentences.map((x) => x.highlight)).toEqual(["43万人", "千万剂次"]);
  });

  it("quotes for each compared report what it did with its specifics, over a sentence stating the principle in general words", () => {
    const { answer: ask } = corpus([
      {
        id: "jb",
        title: "江北新区卫生健康工作纪实",
        paragraphs: ["江北新区卫生健康党工委坚持党建引领。", "新区严格落实疫情防控工作要求，充分发挥党组织在疫情防控中的作用。", "疫情防控中，新区组建600余人的流调队伍。"],
      },
      { id: "ym", title: "义马市卫健委抓党建工作纪实", paragraphs: ["义马市卫健委抓党建。", "疫情防控中，疾控中心开展入校体温检测。"] },
    ]);
    const a = ask("对比一下江北新区和义马在疫情防控上都做了啥");
    expect(a.sentences[0]!.text).toContain("600余人");
  });

  it("takes a figure written in Chinese numerals (超千万剂次) for a compared report's specifics", () => {
    const { answer: ask } = corpus([
      { id: "xz", title: TITLES.xz, paragraphs: ["徐州市加快推进疫苗接种工作，不断提高疫苗接种率。", "徐州市累计接种疫苗超千万剂次。", "徐州市将疫苗接种证发放等事项整合成《一件事》。"] },
      { id: "na", title: TITLES.na, paragraphs: ["南岸区九价HPV疫苗累计接种2.1万剂次。"] },
    ]);
    const a = ask("徐州和南岸打疫苗这块，各有啥成绩？");
    const byReport = Object.fromEntries(a.citations.map((c) => [c.docId, c.excerpt]));
    expect(byReport["xz"]).toContain("超千万剂次");
  });

  it("asks each subject of a comparison its own clause (江北新区的A和徐州的B，哪个多)", () => {
    const a = answer("江北新区接种的疫苗和徐州开设发热门诊的医疗机构，哪个多？");
    const byReport = Object.fromEntries(a.citations.map((c) => [c.docId, c.excerpt]));
    expect(byReport["jb"]).toContain("九价HPV疫苗累计接种2.1万剂次");
    expect(byReport["xz"]).toContain("5家医疗机构开设了发热门诊");
  });

  it("weighs little a follow-up's word that the new subject's report never uses", () => {
    const { context, vocabulary } = corpus([jiangbei, xuzhou]);
    const q = analyzeQuestion("那徐州呢？", vocabulary, { previous: "江北新区组建了多少支卫生技术指导团队？" });
    const weights = Object.fromEntries(q.terms.map((t, i) => [t, weightedTerms(q, context).content[i]!.weight]));
    // 组建 and 团队 are only in the 江北新区 report; the question's own words about 徐州 would weigh in full.
    expect(weights["组建"]).toBeCloseTo(BORROWED_TERM_WEIGHT);
    const fresh = analyzeQuestion("徐州组建了多少支卫生技术指导团队？", vocabulary);
    expect(weightedTerms(fresh, context).content[fresh.terms.indexOf("组建")]!.weight).toBe(1);
  });

  it("says which question a follow-up was answered as", () => {
    const a = answer("那徐州呢？", undefined, "江北新区有几家医疗机构开设了发热门诊？");
    expect(a.interpreted).toBe("徐州有几家医疗机构开设了发热门诊？");
    expect(a.preface).toBe("按“徐州有几家医疗机构开设了发热门诊？”回答：");
    expect(a.citations.every((c) => c.docId === "xz")).toBe(true);
  });

  it("answers a follow-up asking for details (具体做了些什么？) with what follows the sentence that answered before", () => {
    const previous = "徐州市疾控中心党支部在哪里开展科学补碘宣传？";
    expect(answer(previous).sentences[0]!.text).toContain("设立多个科学补碘宣传点");
    const a = answer("具体做了些什么？", undefined, previous);
    expect(a.sentences[0]!.text).toBe("活动期间，向群众发放宣传折页、普及补碘常识。");
    // The sentence that answered before is not repeated.
    expect(a.sentences.some((s) => s.text.includes("设立多个科学补碘宣传点"))).toBe(false);
  });

  it("marks every quoted sentence in its citation at the right place", () => {
    const a = answer("江北新区组建了多少支卫生技术指导团队？");
    for (const s of a.sentences) {
      const c = a.citations.find((x) => x.n === s.citation)!;
      expect(c.quotes.some((span) => c.excerpt.slice(span.start, span.end) === s.text)).toBe(true);
    }
  });
});

describe("how-questions", () => {
  const { answer } = corpus([
    {
      id: "ls",
      title: "溧水区卫生健康工作纪实",
      paragraphs: [
        "另外，溧水区卫健委还会同政务、公安等部门，承担着新生儿出生“一件事”改革项目的实施工作。",
        "具体来说，以区政务服务平台作为系统支撑，将新生儿出生医学证明签发、户口登记等事项整合成“一件事”。",
        "溧水区妇幼保健院医护人员在街道开展健康咨询活动，服务群众。",
        "活动中，新区卫生院医护人员以义诊和健康宣传的方式服务居民群众。",
      ],
    },
  ]);

  it("leads with a sentence saying how (具体来说, 以…作为支撑) over one that only names who carries the matter out", () => {
    expect(answer("溧水区是怎么推进新生儿出生一件事改革的？").sentences[0]!.text).toMatch(/^具体来说/);
  });

  it("reads a sentence in the place its item opens with (一是…到兴苑社区…。在…同时，…): the item's place is its place", () => {
    const { answer: ask, context } = corpus([
      {
        id: "ym",
        title: TITLES.ym,
        paragraphs: [
          "主题党日活动突出特色。一是选派党员干部到帮扶联系点义马市兴苑社区参加“夯实基层党建、助推社区治理”主题党日活动。在完成规定动作的同时，展开卫生健康宣传，张贴“楼道卫生须知”。二是组织卫健系统青年党员志愿者围绕“青春战疫绽放光彩，守护安康奉献爱心”主题开展主题党日活动。党员医护人员到耿村社区义诊，发放卫生健康宣传品460余份。",
        ],
      },
    ]);
    // As in a real index, the place's name is rare and weighs the most, and 党员 is in every report.
    context.idf = (term) => ({ 兴苑: 4, 党员: 0.3 })[term] ?? 1;
    expect(ask("义马卫健委的党员去兴苑社区做了哪些卫生宣传？").sentences[0]!.text).toContain("楼道卫生须知");
  });

  it("credits a method only to a sentence about the question's most specific word", () => {
    expect(answer("溧水区妇幼保健院的医护人员是怎么服务群众的？", [3, 2, 0, 1]).sentences[0]!.text).toContain("妇幼保健院");
  });
});

describe("outlining a report whose short lines are photo captions", () => {
  const yima: Report = {
    id: "ym",
    title: "义马市卫健委围绕中心抓党建工作纪实",
    paragraphs: [
      "义马市卫健委坚持围绕中心抓党建，以党建统领各项工作。",
      "机关党建工作常抓不懈。5月8日，卫健委召开机关党建工作会议。",
      "# 党风廉政建设会议",
      "党风廉政建设巩固提升。5月9日下午，召开党风廉政建设会议。",
      "# 重温入党誓词",
      "主题党日活动突出特色。5月20日，组织开展主题党日活动。",
    ],
  };
  const { answer } = corpus([yima]);

  it("outlines it by the topic lines its paragraphs open with, not by the captions", () => {
    const a = answer("介绍一下义马");
    expect(a.sentences.slice(1).map((s) => s.text)).toEqual(["机关党建工作常抓不懈。", "党风廉政建设巩固提升。", "主题党日活动突出特色。"]);
    // Asked which ones, the topic lines lead.
    expect(answer("义马那篇纪实总体上讲了哪几项工作？").sentences[0]!.text).toBe("机关党建工作常抓不懈。");
    expect(answer("义马卫健委抓党建都搞了些啥？").sentences[0]!.text).toBe("机关党建工作常抓不懈。");
  });
});

describe("a photo caption", () => {
  const answer = fromReport(
    "na",
    "南岸区卫生健康委党委聚焦党建统领，突出四个抓手。",
    "▲ 南岸区卫生健康系统10名人才获评“江南医疗菁英”",
    "一是坚持书记挂帅破难点。聚焦高层次人才培育等难题，党组织书记牵头定期开展人才工作专题研究会议，引进各类人才347名。",
  );

  it("does not lead a how answer, since it names what is shown and not how it was done", () => {
    expect(answer("南岸是怎么抓人才这块的").sentences[0]!.text).toContain("书记挂帅");
  });

  it("still answers the fact it states", () => {
    expect(answer("南岸区有几名人才获评江南医疗菁英？").sentences[0]!.text).toBe("南岸区卫生健康系统10名人才获评“江南医疗菁英”");
  });
});

describe("a set named by a quoted word", () => {
  const report: Report = {
    id: "hs",
    title: "江海区卫生健康工作纪实",
    paragraphs: [
      "江海区卫生健康局坚持党建引领。",
      "# 抓队伍，压紧党建工作“硬责任”",
      "该局建立责任清单。",
      "# 抓防疫，提升党建引领“硬实力”",
      "该局组建流调队伍。",
    ],
  };
  const { answer } = corpus([report]);

  it("answers 两个“硬”分别是什么 with the sections whose headings carry the word", () => {
    expect(answer("江海区说的两个“硬”分别是指什么？").sentences.slice(0, 2).map((x) => x.text)).toEqual([
      "抓队伍，压紧党建工作“硬责任”",
      "抓防疫，提升党建引领“硬实力”",
    ]);
  });
});

/** Answers from one 徐州 report of `paragraphs`, after a lede that answers nothing asked. */
const fromXuzhou = (...paragraphs: string[]) => fromReport("xz", "徐州市卫健委推进党史学习教育。", ...paragraphs);

describe("details of a quoted name", () => {
  const report: Report = {
    id: "mj",
    title: "江宁区卫生健康工作纪实",
    paragraphs: [
      "江宁区坚持“周三夜校”学习制度，开展“名家讲堂”活动。",
      "“名家讲堂”是指每月邀请专家为党员干部授课的学习品牌。",
      "具体来说，将出生医学证明签发、出生户口登记等事项整合成“一件事”，办理“零跑腿”。",
    ],
  };
  const { answer } = corpus([report]);

  it("answers 具体是怎么安排的 only with a sentence that says what the name is", () => {
    expect(answer("江宁区的“周三夜校”具体是怎么安排的？").status).toBe("related");
    const a = answer("江宁区的“名家讲堂”具体是怎么安排的？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toMatch(/^“名家讲堂”是指/);
  });

  it("holds only a question asking about the name itself to that (…“周三夜校”，具体是什么 is; …“周三夜校”，具体做了什么 asks what was done)", () => {
    expect(answer("江宁区坚持“周三夜校”，具体是什么？").status).toBe("related");
    const done = answer("江宁区坚持“周三夜校”学习制度，具体开展了什么活动？");
    expect(done.status).toBe("answered");
    expect(done.sentences[0]!.text).toContain("开展“名家讲堂”活动");
  });

  it("reads a name typed without quotes as the name the reports quote (新生儿出生一件事是什么 → “一件事”)", () => {
    const ask = fromXuzhou("另外,市卫健委承担着新生儿出生“一件事”改革项目的实施工作。具体来说,将新生儿出生医学证明签发、户口登记等事项整合成“一件事”。");
    const a = ask("新生儿出生一件事是什么 包括哪些事");
    expect(a.sentences[0]!.text).toContain("整合成“一件事”");
  });

  it("reads the name asked about as the last one quoted (“一件事”改革提出的“三个零”), defined by as many members as it counts", () => {
    const ask = fromXuzhou("市卫健委承担着新生儿出生“一件事”改革项目的实施工作。这一项目以“零距离、零材料、零跑腿”为目标，提高办事便捷度。");
    const a = ask("徐州新生儿出生“一件事”改革提出的“三个零”目标具体是什么？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toContain("零距离、零材料、零跑腿");
  });

  it("takes members ending with a counted name's last character (党委全面监督、…、党员民主监督) as defining it (“四项监督”)", () => {
    const ask = fromReport("na", "三是“四项监督”优化工作作风。强化党委全面监督、派驻纪检监察机关专责监督、党的基层组织日常监督、党员民主监督四项监督工作格局。");
    const a = ask("南岸区的“四项监督”具体指哪四项？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toContain("党员民主监督");
  });

  it("takes as many members as a name counts, listed right before it, as defining it (外防输入、…、督查推进“四个体系”), but not a list the name is one member of", () => {
    const ask = fromXuzhou("同时，持续推进完善外防输入、应急响应、联防联控、督查推进“四个体系”，严格落实防控措施。该局通过举办“卫健小课堂”活动、探索“日月年”学习制度等方式培训干部。");
    const a = ask("徐州疫情防控的“四个体系”具体是什么？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toContain("外防输入、应急响应、联防联控、督查推进");
    expect(ask("徐州的“日月年”学习制度具体是怎么安排的？").status).toBe("related");
  });

  it("takes members listed and then counted as many (从A、B、C三个方面) as defining a name of that count (“三条线路”)", () => {
    const ask = fromReport("na", "一是“三条线路”淬炼队伍成色。坚持真管真严，从党纪学习教育、清廉医院建设、集中整治专项行动三个方面建章立制。");
    const a = ask("南岸区“三条线路”淬炼队伍成色，这三条线路具体指什么？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toContain("集中整治专项行动三个方面");
    // Two members counted as three say nothing about it.
    expect(fromReport("na", "一是“三条线路”淬炼队伍成色。坚持真管真严，从党纪学习教育、清廉医院建设三个方面建章立制。")("南岸区“三条线路”淬炼队伍成色，这三条线路具体指什么？").status).toBe("related");
  });

  it("does not hold a question to defining a name it gives as an aim (以“零距离、零材料、零跑腿”为目标)", () => {
    const ask = fromXuzhou("这一项目以“零距离、零材料、零跑腿”为目标。具体来说，将出生医学证明签发、出生户口登记等事项整合成“一件事”。");
    const a = ask("该项目具体整合了哪些事项？", undefined, "徐州哪一项改革是以“零距离、零材料、零跑腿”为目标的？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toContain("出生户口登记");
  });

  it("answers 具体有哪些 after a count with the sentence that names what it counted, not the one after it", () => {
    const ask = fromXuzhou("据了解，列入市级“我为群众办实事”计划的重点项目共有四项，分别是“智慧生活”“出生缺陷防治”“基层医疗”和“AED配置”。目前，其余项目指标都已提前超额完成。");
    const a = ask("具体有哪些？", undefined, "徐州列入市级“我为群众办实事”计划的重点项目有几项？");
    expect(a.sentences[0]!.text).toMatch(/^据了解/);
    // The quoted name only qualifies the projects asked about: the sentence need not say what it is.
    expect(a.status).toBe("answered");
  });

  it("leads a 哪些X question with a sentence naming X, over one covering more of its other words", () => {
    const ask = fromXuzhou("第二期专题读书班主要通过专家授课和为期一天的红色线路研学的形式展开。", "专题读书班上，通过探访渡江战役总前委旧址等红色教育基地，大家感受到了精神伟力。");
    expect(ask("徐州第二期专题读书班红色线路研学去了哪些旧址？").sentences[0]!.text).toContain("渡江战役总前委旧址");
  });

  it("leads “一件事”改革是什么 with the sentence saying what “一件事” is, the name's head noun (改革) being no other thing asked", () => {
    const ask = fromXuzhou("市卫健委会同多个部门，承担着新生儿出生“一件事”改革项目的实施工作，改革成效明显。", "具体来说，将出生医学证明签发、出生户口登记等事项整合成“一件事”。");
    expect(ask("徐州新生儿出生“一件事”改革是什么？").sentences[0]!.text).toContain("整合成“一件事”");
  });

  it("leads with the sentence saying what a counted name is, also unquoted (两大战略策略是啥)", () => {
    const ask = fromXuzhou("胡传峰强调，要大力推动两大战略策略，推进两大战略策略落地，深入推进落实“六个聚焦”。", "“两大战略策略”分别是指区域性医疗中心战略和重大疫情防控策略。");
    expect(ask("徐州卫健委说的两大战略策略是啥").sentences[0]!.text).toMatch(/^“两大战略策略”分别是指/);
  });

  it("takes a sentence listing what a name covers before it (“重温入党誓词、集中学习”等规定动作) as saying what it is", () => {
    const ask = fromReport("ym", "义马市卫健系统开展主题党日活动。在完成“重温入党誓词、集中学习”等主题党日规定动作的同时，开展卫生健康宣传。");
    const a = ask("义马主题党日的“规定动作”具体包括哪些内容？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toContain("重温入党誓词");
  });

  it("takes a sentence that names what the name stands for before it (整合成“一件事”) as saying what it is", () => {
    const a = answer("江宁区的出生“一件事”改革具体是怎么做的？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toMatch(/^具体来说/);
  });

  it("answers what a quoted name means (是什么意思, 指什么) with the sentence that says so, not one that only uses it", () => {
    const { answer: ask } = corpus([
      {
        id: "ls",
        title: "溧水区卫生健康工作纪实",
        paragraphs: ["溧水区大力推动“两大战略”，推动卫生健康战略落地，战略成效明显。", "“两大战略”分别是指区域医疗中心战略和疫情防控策略。"],
      },
    ]);
    expect(ask("溧水区推动的“两大战略”是什么意思？").sentences[0]!.text).toMatch(/^“两大战略”分别是指/);
    expect(ask("溧水区推动的“两大战略”指什么").sentences[0]!.text).toMatch(/^“两大战略”分别是指/);
  });
});

describe("questions about a report itself", () => {
  const nanan: Report = {
    id: "na",
    title: "南岸区卫生健康委四个抓手做实党建统领",
    source: "南岸区卫生健康委",
    date: "2024-05-29",
    credits: ["栏目:书记说经验", "责任编辑:王明", "张丽 李强"],
    paragraphs: ["南岸区卫生健康委党委聚焦党建统领，突出四个抓手。"],
  };
  const { answer } = corpus([nanan, xuzhou]);

  it("answers who published it and when from the report's header, cited to the header", () => {
    const a = answer("南岸区那篇报道是哪个网站发的？");
    expect(a.status).toBe("answered");
    expect(a.sentences[0]!.text).toBe("南岸区卫生健康委");
    expect(a.citations[0]!.paragraph).toBe(HEADER);
    expect(a.citations[0]!.excerpt.slice(a.citations[0]!.quotes[0]!.start, a.citations[0]!.quotes[0]!.end)).toBe("南岸区卫生健康委");
    expect(answer("南岸区那篇报道是哪天发的").sentences[0]!.text).toBe("2024-05-29");
    // The outlet asked as the medium that ran it, or where the report comes from.
    expect(answer("南岸区那篇报道的刊发媒体是什么？").sentences[0]!.text).toBe("南岸区卫生健康委");
    expect(answer("南岸区那篇报道出自哪里？").sentences[0]!.text).toBe("南岸区卫生健康委");
  });

  it("reads a platform work is done on (依托什么平台运作) as a question about the work, not about who published the report", () => {
    const { answer: ask } = corpus([{ ...nanan, paragraphs: ["南岸区卫生健康委党委聚焦党建统领。", "南岸区以政务服务云平台作为系统支撑，办理出生“一件事”。"] }]);
    expect(ask("南岸区出生“一件事”依托什么平台运作？").sentences[0]!.text).toContain("政务服务云平台");
  });

  it("answers who wrote or edited it, and in which column it ran, from the credit lines its page prints", () => {
    const by = answer("南岸区那篇报道是谁写的？");
    expect(by.status).toBe("answered");
    expect(by.sentences[0]!.text).toBe("张丽 李强");
    expect(by.citations[0]!.paragraph).toBe(HEADER);
    expect(answer("南岸区那篇报道的责任编辑是谁？").sentences[0]!.text).toBe("责任编辑:王明");
    expect(answer("南岸区那篇报道登在哪个栏目？").sentences[0]!.text).toBe("栏目:书记说经验");
    expect(answer("徐州那篇报道是谁写的？").status).toBe("related");
  });

  it("says plainly when the header does not say, quoting the title", () => {
    const a = answer("徐州那篇报道是哪天发的");
    expect(a.status).toBe("related");
    expect(a.sentences[0]!.text).toBe(xuzhou.title);
  });

  it("answers a question about every report (这几篇报道哪篇最新) with each one's date, or its title when its header has none", () => {
    const a = answer("这几篇报道哪篇最新？");
    expect(a.status).toBe("related");
    expect(a.sentences.map((s) => s.text)).toEqual(["2024-05-29", xuzhou.title]);
  });
});
