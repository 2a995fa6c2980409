/**
 * The content terms of a question: what a passage must speak of, with
 * question words, particles and the subject left out. Chinese has no spaces,
 * so words come from Intl.Segmenter, repaired where it fails on names and
 * colloquial verbs, and checked against the bigrams the corpus has.
 */
import { hanGrams, normalizeText } from "../text/tokenize.js";

/**
 * Question words, particles and filler that say nothing about what is asked
 * for; they are left out when measuring how much of a question a passage covers.
 */
const QUESTION_STOPWORDS = new Set(
  (
    "的 了 是 有 在 和 与 及 或 吗 呢 吧 啊 呀 么 个 给 把 被 对 从 什么 哪些 哪个 哪里 哪 谁 是谁 几 " +
    "怎么 怎样 怎么样 样 如何 为什么 为何 一共 共 总共 共有 都 请问 请 一下 关于 有关 方面 " +
    "了解 告诉 我 你 我们 你们 他们 它 这 那 这个 那个 这些 那些 哪位 可以 能 会 要 具体 主要 一些 " +
    "是否 有没有 没有 是不是 是在 在于 这边 那边 这里 那里 的是 是指 指的是 意思 含义 定义 最多 最少 最高 最低 最大 最小 更多 更少 多少 多不多 不多 时候 什么时候 名字 姓名 叫 叫什么 啥 有啥 干啥 什么样 哪儿 怎么搞 搞 干 弄 一起 " +
    // Words that frame the question rather than name its subject (数量有什么变化, 各有什么进展).
    "数量 变化 内容 情况 进展 各有 各自 都有 都是 做法 好做法 经验 地方 东西 那天 这天 当天 那次 这次 " +
    // The report itself (这篇报道的记者是谁): what the question is about, not what a passage says.
    "分别 这篇 那篇 报道 文章 稿件 稿子 材料 经验材料 纪实 提到 提及 说到 讲到 谈到 涉及 里面 里头 大家 别人 人家 现在 如今 眼下 部分 这部分 一部分 这一部分 那一部分 这块 板块 最后 一段 这一段 那一段 段落 全称 全名 名称 简称 正文 全文 标题 小标题 这句话 那句话 句话 原话 原文 这段话 那段话 " +
    // Requests for a summary: they ask for the shape of the answer, not about a matter.
    "总结 介绍 概括 概述 简介 归纳 提炼 讲讲 说说 谈谈 简单 简要 大概 大致 整体 总体 思路 核心 中心思想 主旨 大意 提纲 大纲 开头 开篇 " +
    // Asking what came of it (取得了哪些成效) or for figures (有哪些数据): figures answer it (see RESULTS), the reports seldom say these words.
    "成效 成果 成绩 效果 成就 实效 取得 数据 " +
    // Where a verb goes (出来讲经验, 多出来, 派出去): the verb says what, not these.
    "出来 出去 过来 " +
    // A word for any person (负责同志, 刚入党的同志): the role or the people asked about say who.
    "同志 " +
    // What a who-question asks of the person (其职务是什么, 什么身份): the reports state the role, never these words.
    "职务 职位 头衔 身份 职称 " +
    // Words that point at an example or a span of time rather than name a matter (比如…这种, 前后有多少, 那阵子).
    "比如 例如 这种 那种 这样 那样 近年 近年来 这几年 近几年 平时 以前 之前 前后 阵子 那阵子 期间 时期 那会儿 那时 当时 后来 然后 接下来 之后 以后 随后 事儿 事情 自己 下来 包括 包含 例子 举例 比方 请你 帮我 帮忙 麻烦 到底 究竟 到底是 究竟是 还有 想请 表述 提法 说法 那位 这位 一块 这一块 那一块 大概有 大约 " +
    // Spoken asides: 大体上, 总的来说, 俺, 咱 (the speaker), 嘞 and 咯 (particles).
    "大体 大体上 总的 总的来说 概括起来 总结起来 起来 总的看 总体来看 俺 俺们 咱 咱们 嘞 咯 " +
    // What was spoken of before (这项改革, 该项目): the previous question names it.
    "这项 该项 此项 这一项 那项 这批 那批 刚才 刚刚 " +
    // Prepositions and a light verb (按照《方案》, 根据…, 受到了教育): the words after them name the matter.
    "按照 依照 依据 根据 受到 " +
    // How far a thing got (做到了什么规模, 做到哪一步): the thing names the matter, not the verb of reaching.
    "做到 " +
    // Conjunctions (入党或者团干部, 医生还是护士): they join the words asked about, they name nothing.
    "或者 或是 还是 以及 并且 而且 " +
    // Asking itself (想问问, 请教, 我想知道, 请说明) and hearsay (听说): they frame the question, they name nothing.
    "问问 想问 想问问 问一下 问下 麻烦问下 请教 打听 我想 我想问 想知道 我想知道 知道 听说 确认 能否确认 我想确认 说明 " +
    // Where a thing stands in time (已经运营了吗, 正在建): the reports state it (已正式运营), seldom with these words.
    "已经 曾经 正在 " +
    // How an academic question frames what it asks (在…维度, 就…而言, …的阶段内, 规模约为多少, 达到了多少):
    // the reports seldom use these words, so they would weigh the most and be taken for the key word.
    "维度 层面 阶段 阶段内 范围 范围内 口径 角度 视角 规模 而言 就此 达到 要素 构成 类别 层级"
  ).split(/\s+/),
);
/**
 * Verbs of administrative prose that say something is done, not what: every
 * measure is 加强ed, 开展ed or 推进ed; every figure 累计 or 先后 reached. They stay terms (加强监督 is not 监督
 * alone) but weigh little beside the words that name the matter.
 */
const GENERIC_VERBS = new Set(
  "加强 开展 推进 推动 做好 落实 提升 提高 强化 实施 进行 抓好 抓实 做实 深化 加大 坚持 注重 着力 积极 切实 全面 不断 持续 大力 建成 完成 实现 采取 针对 累计 共计 合计 先后 陆续".split(" "),
);
export const isGenericVerb = (term: string): boolean => GENERIC_VERBS.has(term);

/** Measure words: what a count is counted in (5名, 3座, 2.1万剂). */
export const MEASURE_WORDS = "个家项名次场条人位所座台支处元剂张份户件例批岁盒袋箱亩期届轮篇本辆间趟回遍管吨斤瓶粒棵株套册";
/** A number with its measure word (哪两家, 这三个) names how many, not what: it is no content term. */
const AMOUNT = new RegExp(`^[一二两三四五六七八九十百千万几\\d]+[${MEASURE_WORDS}]$`, "u");

/** Where people stand on a roll (在编人员, 在册党员): a word, though 在 breaks runs elsewhere (在|市人民医院, 在|职业健康). */
const ON_ROLL = /在[编册岗职](?=(?:工作)?人员|党员|职工|干部|员工|医生|护士|人数)/g;
/** A date as the reports write it: 5月8日, 2020年5月, 10月. */
const CALENDAR_DATE = /\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]|\d{1,2}月(?=[^\d份])/g;

/** A number alone, as the segmenter cuts it off its measure word (三|个人, 6|个人). */
const NUMERAL = /^[一二两三四五六七八九十百千万几\d]+$/u;

/** 几次, 多少名: the quantity word already holds its measure word. */
const ENDS_IN_MEASURE = new RegExp(`[${MEASURE_WORDS}]$`, "u");

/** 这, 那, 该, 此, 每: a measure word after one points at something (这块, 这家), as one after a number counts it. */
const DEMONSTRATIVE = /^[这那该此每]$/;
/** The measure words that may follow one: a number's, and 块 (这块, as 方面). */
const POINTING_MEASURES = `${MEASURE_WORDS}块`;

/** "多少个", "几家", "那几": quantity questions. */
const QUANTITY_WORD = /^(?:那|这|哪)?(?:多少|几)/;
/**
 * Single characters that never belong to a name: colloquial verbs and
 * particles (卫健委|用|什么办法, 疾控|派|了). Joining them into a run of
 * single characters would make terms no passage contains (疾控派).
 */
const RUN_BREAKERS = new Set("用派搞办去跟为给做打查让被将把向到在对从于以由和与及等也都还又就才只各每能会要想该这那哪几多少些啥么呢吗的了着过得地干弄来发第里说他她它上".split(""));

/** Particles, the copula and prepositions: they never sit inside a word the corpus lacks (班|是以 is 班, 以). 要, 会, 能 do (要点). */
const FUNCTION_CHARS = new Set("的了是有在和与及或吗呢吧啊呀么给把被对从".split(""));

/** Characters that end a noun the segmenter cuts off (卫生|室 and 卫生|院 are different places). */
const NOUN_SUFFIXES = new Set("室院站所化率性者员区县镇级部局委队科处馆园厅".split(""));
/** Characters that open a noun the segmenter cuts off (党|组织, 副|主任). */
const NOUN_PREFIXES = new Set("党副总".split(""));

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const isForeignWord = (word: string, seen: (bigram: string) => boolean): boolean => /^\p{Script=Han}+$/u.test(word) && !hanGrams(word).some(seen);
const isSingleHan = (s: string): boolean => /^\p{Script=Han}$/u.test(s);

/** Pieces of a Han term between bigrams the corpus never has: 卫健委抓党建 → 卫健委, 党建 (委抓 and 抓党 are nowhere). */
function attestedPieces(term: string, seen: (bigram: string) => boolean): string[] {
  const chars = Array.from(term);
  if (!/^\p{Script=Han}+$/u.test(term) || chars.length < 3) return [term];
  const pieces: string[] = [];
  let piece = chars[0]!;
  for (let i = 1; i < chars.length; i++) {
    if (seen(chars[i - 1]! + chars[i]!)) piece += chars[i];
    else {
      pieces.push(piece);
      piece = chars[i]!;
    }
  }
  pieces.push(piece);
  return pieces;
}

/**
 * The segmenter's words of a normalized question, each marked `asking` when it
 * is a question word, the measure word after one, a stopword or a run breaker:
 * those name nothing and break runs. A measure word the segmenter glued onto
 * the next word goes back to its number (三|个人, 几个|人去, 多少|人参|赛).
 */
function questionWords(question: string): { word: string; asking: boolean }[] {
  let afterQuantity = false;
  let afterNumber = false;
  let afterMeasured = false;
  let afterDemonstrative = false;
  return [...segmenter.segment(question)].map(({ segment, isWordLike }) => {
    let word = segment.length > 1 ? segment.replace(/[了的]$/, "") : segment;
    // The segmenter may glue a number's measure word onto the next word (三|个人): it counts, it names nothing.
    // So after a question word with its measure word (几个|人去): 人 is who is counted, 人去 no word.
    if ((afterNumber || afterMeasured) && word.length > 1 && MEASURE_WORDS.includes(word[0]!)) word = word.slice(1);
    // So after 多少 (多少|人参|赛: 人 is counted, 参赛 is what they did), unless the word is a measure itself (多少|人次).
    const glued = afterQuantity && word.length > 1 && MEASURE_WORDS.includes(word[0]!) && !MEASURE_WORDS.includes(word[1]!);
    if (glued) word = word.slice(1);
    // A measure word after 这 or 那 (发展党员这|块|步骤, 这|家医院) points; the word after it names.
    if (afterDemonstrative && word.length > 2 && POINTING_MEASURES.includes(word[0]!)) word = word.slice(1);
    const pointing = afterDemonstrative && word.length === 1 && POINTING_MEASURES.includes(word);
    afterDemonstrative = DEMONSTRATIVE.test(word);
    afterNumber = NUMERAL.test(word);
    afterMeasured = QUANTITY_WORD.test(word) && ENDS_IN_MEASURE.test(word);
    // The measure word after 多少/几 (多少|场, 几|家) belongs to the question word.
    const measure = afterQuantity && !glued && isSingleHan(word);
    const quantity = QUANTITY_WORD.test(word);
    afterQuantity = quantity && !ENDS_IN_MEASURE.test(word);
    return { word, asking: !isWordLike || measure || pointing || quantity || QUESTION_STOPWORDS.has(word) || RUN_BREAKERS.has(word) };
  });
}

/**
 * The terms a question asks about. Intl.Segmenter splits names it does not
 * know into single characters (江|海|区), so runs of single characters are
 * joined back (江海区); question words break runs and are dropped, and so is
 * a lone character, too ambiguous to weigh on its own. With `seen`, a run is
 * also cut where the corpus never has its bigram (卫健委抓党建 → 卫健委, 党建).
 */
export function questionTerms(question: string, seen?: (bigram: string) => boolean): string[] {
  // A day or month (5月8日, 2020年) is one term, and so is a quoted single character (三个“硬”):
  // the segmenter cuts the one into digits and characters, and the other would be dropped as too short.
  // So is a quoted name of digits and letters (“2+6+x”), which the segmenter cuts into pieces too short to keep.
  const quoted = [...normalizeText(question).matchAll(/“([^”]{1,12})”/g)].map((m) => m[1]!).filter((q) => /^\p{Script=Han}$/u.test(q) || /^[\w+\-.]{2,}$/u.test(q) || /^[一二两三四五六七八九十\d]+[^“”]{1,6}$/u.test(q));
  const terms: string[] = [...(normalizeText(question).match(CALENDAR_DATE) ?? []), ...quoted, ...(normalizeText(question).match(ON_ROLL) ?? [])];
  // 一共用了几种: the segmenter reads 一|共用; 一共 asks nothing, and what follows it is a word of its own.
  // So with 全名叫啥, read 全|名叫: the name asked for, then the asking.
  question = normalizeText(question).replace(CALENDAR_DATE, "，").replace(/一共|总共/g, "$&，").replace(/名叫/g, "名，叫").replace(ON_ROLL, "，");
  let run = "";
  const add = (term: string): void => {
    const pieces = seen ? attestedPieces(term, seen) : [term];
    // A run the corpus has no bigram of (世界杯) stays whole: it is what the reports do not speak of.
    for (const piece of pieces.some((p) => Array.from(p).length > 1) ? pieces : [term]) {
      // A piece of a run may itself be a question word (总共有 → 总, 共有).
      if (Array.from(piece).length > 1 && !AMOUNT.test(piece) && !QUESTION_STOPWORDS.has(piece) && !terms.includes(piece)) terms.push(piece);
    }
  };
  const flush = (): void => {
    add(run);
    run = "";
    oneWord = false;
  };
  const words = questionWords(question);
  // Whether the run is one Han word, which a lone noun suffix after it may end (卫生|室, 卫生|院, 规范|化),
  // kept where the corpus has the bigram across the cut; not a character that starts a run (医生|签|约|率).
  let oneWord = false;
  const endsWord = (i: number) => {
    const next = words[i + 1];
    return NOUN_SUFFIXES.has(words[i]!.word) && !(next !== undefined && !next.asking && isSingleHan(next.word) && !FUNCTION_CHARS.has(next.word));
  };
  for (const [i, { word, asking }] of words.entries()) {
    if (asking) {
      flush();
    } else if (isSingleHan(word) || (seen !== undefined && isForeignWord(word, seen))) {
      // A word whose every bigram the corpus lacks may be a wrong cut (向外地学 → 向外|地学):
      // its characters rejoin the run, to be cut again where the corpus has bigrams (外地);
      // a question word among them still breaks it (读书|班|是以 → 班, 以).
      if (oneWord && !endsWord(i)) flush();
      oneWord = false;
      for (const char of word) {
        if (FUNCTION_CHARS.has(char)) flush();
        else run += char;
      }
    } else if (NOUN_PREFIXES.has(run) && /^\p{Script=Han}+$/u.test(word)) {
      // 党|组织: a lone prefix the segmenter cut off starts the word (kept where the corpus has the bigram).
      run += word;
      oneWord = true;
    } else {
      flush();
      if (/^\p{Script=Han}+$/u.test(word)) {
        run = word;
        oneWord = true;
      } else add(word);
    }
  }
  flush();
  return terms;
}

/**
 * The terms of `text` once the subjects are taken out: 南岸区卫健委抓党建 →
 * 卫健委, 党建 when 南岸区 is the subject. Taking them out first keeps the
 * subject's suffix from gluing onto the next word (区卫健委).
 */
export function termsWithout(text: string, subjects: string[], seen: (bigram: string) => boolean): string[] {
  let rest = text;
  for (const s of [...subjects].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(s, "，");
  return questionTerms(rest, seen);
}

/** Words an overview question wraps its subject in; with only these left, it asks about the whole report. */
const OVERVIEW_FILLER = new Set(
  "总结 介绍 概括 概述 简介 讲讲 说说 谈谈 经验 做法 好做法 亮点 特色 成效 工作 活动 分成 分为 主要 党建 卫健委 卫健局 卫生健康委 卫生健康局 卫生健康 卫健 卫生 健康 系统 党委 整体 总体 基本 开展 做了 干了 怎么样 如何 框架 思路 脉络 定位 内容 路径 大事 要点 重点 概况 梗概 整理 措施 举措 梳理 结构 部分 围绕 展开".split(" "),
);

/** A term without its filler words: 卫健委党史 → 党史, 抓党建 → 抓. */
export function withoutFiller(term: string): string {
  let rest = term;
  for (const f of OVERVIEW_FILLER) rest = rest.replaceAll(f, "");
  return rest;
}

/** Whether a term says nothing beyond filler: what an overview or a follow-up may wrap its subject in. */
export function isFiller(term: string): boolean {
  return Array.from(withoutFiller(term)).length < 2;
}
