import { describe, expect, it } from "vitest";
import { questionTerms } from "../src/answer/terms.js";
import { tokenize } from "../src/text/tokenize.js";

describe("search tokens", () => {
  it("turns Han text into character bigrams", () => {
    expect(tokenize("清廉品牌")).toEqual(["清廉", "廉品", "品牌"]);
  });

  it("keeps numbers whole, with decimals and percent signs", () => {
    const tokens = tokenize("产前筛查率为83.26%,接种2.1万剂次,共1475场");
    expect(tokens).toContain("83.26%");
    expect(tokens).toContain("83.26");
    expect(tokens).toContain("2.1");
    expect(tokens).toContain("1475");
  });

  it("folds full-width digits and latin letters", () => {
    expect(tokenize("ＨＰＶ疫苗８３．２６％")).toEqual(expect.arrayContaining(["hpv", "83.26%"]));
  });

  it("keeps a quoted term as one token so “一件事” matches exactly", () => {
    expect(tokenize("新生儿出生“一件事”改革")).toContain("一件事");
  });
});

describe("question terms", () => {
  it("drops question words and joins names the segmenter splits into characters", () => {
    expect(questionTerms("江海区的业务学习方案覆盖培训了多少人？")).toEqual(["江海区", "业务", "学习", "方案", "覆盖", "培训"]);
  });

  it("breaks a run of characters the corpus lacks at a particle or the copula (读书|班|是以), but not inside a word (要点)", () => {
    const seen = (bigram: string) => !["班是", "是以", "要点"].includes(bigram);
    expect(questionTerms("读书班是以什么形式开展的？", seen)).not.toContain("班是以");
    expect(questionTerms("党建工作要点有哪些？", seen)).toContain("要点");
  });

  it("keeps where people stand on a roll (在编人员, 在册党员) as a word, but not 在 before another word (在职业健康)", () => {
    expect(questionTerms("南岸卫健委多少在编人员")).toContain("在编");
    expect(questionTerms("南岸区一共有多少名在册党员？")).toContain("在册");
    expect(questionTerms("南岸区在职业健康方面做了什么")).not.toContain("在职");
  });

  it("drops what a who-question asks of the person (其职务): the reports state roles, never the word", () => {
    // The reports have 其职 (各司其职), so 其职务 is not cut at a bigram they lack.
    const seen = (bigram: string) => bigram === "其职" || !bigram.includes("其");
    expect(questionTerms("分享感悟的是哪位同志，其职务是什么？", seen)).toEqual(["分享", "感悟"]);
  });

  it("reads 一共 as asking nothing where the segmenter glues it to the next word (一|共用了)", () => {
    expect(questionTerms("一共用了几种方式学？")).toEqual(["方式"]);
  });

  it("drops a conjunction the corpus never uses (入党或者团干部), leaving no piece of it glued to the next word", () => {
    const seen = (bigram: string) => bigram !== "或者";
    expect(questionTerms("义马和徐州都开展过入党或者团干部方面的培训吗", seen)).toEqual(["义马", "徐州", "开展", "入党", "干部", "培训"]);
  });

  it("drops hearsay and asking words (听说, 我想知道) and 已经, which the reports never write: no piece of them joins the next word", () => {
    const seen = (bigram: string) => !["听说", "知道", "已经"].includes(bigram);
    expect(questionTerms("听说江北落户了好几家大医院，都是哪几家啊？", seen)).not.toContain("听说");
    expect(questionTerms("我想知道南岸区卫生健康委引进了多少名人才？", seen)).toEqual(["南岸区", "卫生", "健康委", "引进", "人才"]);
    expect(questionTerms("落户江北新区的医院里哪家已经正式运营了？", seen)).toEqual(["落户", "江北", "新区", "医院", "正式", "运营"]);
  });

  it("drops words that only place the question in time (疫情期间, 那会儿)", () => {
    expect(questionTerms("江北新区疫情期间有几家医疗机构开了发热门诊？")).not.toContain("期间");
    expect(questionTerms("江海卫健局的人平时都学些啥新精神")).not.toContain("平时");
  });

  it("keeps no piece of what a counted question word counts (几个|人去)", () => {
    expect(questionTerms("义马派了几个人去？")).toEqual(["义马"]);
  });

  it("keeps latin terms and quoted names", () => {
    expect(questionTerms("南岸区九价HPV疫苗累计接种了多少剂次？")).toContain("hpv");
    expect(questionTerms("新生儿出生“一件事”改革的目标是什么？")).toContain("一件事");
    // A quoted name that opens with a number (“四名工程”) is no count.
    expect(questionTerms("人才工作中的“四名工程”是指什么")).toContain("四名工程");
  });
});
