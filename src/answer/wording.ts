/**
 * The wording of Chinese questions: the patterns question.ts reads a
 * question's kind and what it asks for by (谁, 多少名, 什么时候, 哪个社区…),
 * kept together so the reading logic stays short.
 */
import { MEASURE_WORDS } from "./terms.js";

// 记者, 通讯员, 责任编辑: a news report's byline names its writers by role as well.
export const ROLE_WORDS = "一把手|带头的|领头的|带队的|党委书记|党组书记|党工委书记|党支部书记|支部书记|副书记|书记|副主任|主任|副局长|局长|副院长|院长|副市长|市长|干事|领队|负责人|负责同志|部长|科长|所长|站长|记者|通讯员|责任编辑|专家";

export const GREETING = /^(?:你好|您好|哈喽|嗨|hi|hello|hey|在吗|在不在|早上好|晚上好|下午好|谢谢|感谢|多谢|再见|拜拜|好的|ok|帮助|help|怎么用|你能做什么|你是谁|你会什么|能干什么)[啊呀呢吗哈！!。.~～?？\s]*$/i;
// 去了哪些地方, 在哪个单位: where something went or is, not which report.
export const COMPARISON = /(?<![了过去到在])(?:哪个(?:地区|区|市|县|单位|地方|报告)|哪些(?:地区|地方|单位|报告))|(?:哪里|哪儿)[^，。？?]{0,12}最|各地|各个(?:地区|地方|单位)|几个(?:地区|地方)|每个地方|共同|相同|不同|不一样|区别|差异|比较|对比|相比|异同/;
/** The subjects a comparison names, counted again (两家单位, 两边): they ask nothing. */
export const SUBJECTS_COUNTED = /(?:两|三|四|五|几)(?:家|个)?(?:单位|地方|地区)|两边|两地|双方/g;
/**
 * The subject's own organisation: with a subject named, 江海区卫健委 (or its
 * Party committee, 卫健民政党工委; typed short, 南岸卫健书记) means the subject,
 * whatever the report calls it. 卫健党组织 is the subject's Party organisations, 卫健小课堂 a name.
 */
export const SUBJECT_ORGANISATION =
  /(?:卫生健康|卫健)(?:和?民政)?(?:党工委|党委|党组(?!织))|(?:卫生健康|卫健)(?:委员会|委|局)(?:党工委|党委|党组(?!织))(?!书记)|卫生健康委员会|卫生健康委|卫生健康局|卫健委|卫健局|卫计委|卫生局|卫生健康系统|卫健系统|卫生健康部门|卫健部门|卫健(?=\s|[，,。？?]|$|书记|主任|局长|领导|党组织|党支部|支部|那篇|这篇)/g;
export const OVERVIEW = /总结|介绍|概括|概述|简介|归纳|讲讲|说说|谈谈|经验|做法|亮点|特色|成效|主要工作|做了哪些|做了什么|干了什么|有什么工作|(?:讲|说|写|报道)(?:了些?|的)?是?(?:什么|哪些|哪几|啥)|主要内容|(?:哪几个?|哪些|几个)(?:主要)?方面|[几两三四五六七八九十]个?(?:主要)?(?:部分|板块|版块|章节)|小标题|(?:做|干|搞)了哪几件(?:大)?事|主要路径|哪?几大?块(?:内容)?|思路|框架|结构|脉络|定位|核心意思|中心思想|主旨|大意|要点|概况|梗概|重点(?:内容)?(?=[吗呢？?]|$)|(?:做|搞|干|整)了些(?:什么|啥)|搞了(?:什么|哪些)/;
/** Question words. */
export const QUESTION_WORD = /多少|几|谁|什么|怎么|怎样|如何|哪/;
/** What was done, asked of anything (在兴苑社区搞了啥, 具体做了什么). */
export const DONE = /(?:做|搞|干|整)了些?(?:什么|啥)/;
/** Which ones, or what was done, asked of a report as a whole (讲了哪几项工作, 都搞了些啥). */
export const WHICH_OR_DONE = new RegExp(`哪些|哪几|${DONE.source}`);
/** Practices asked of a report as a whole (主要做法, 有什么经验, 做了哪几件事). */
export const PRACTICES = /做法|经验|路径|措施|举措|[做干搞]了哪几件|做了哪些/;
/** An overview asking for a report's parts (主要讲了哪几方面, 分哪几块, 从哪几个抓手展开, 结构) rather than for its gist. */
export const PARTS = /要点|哪几?个?(?:主要)?(?:方面|抓手|层面|维度)|哪?几大?块|[几两三四五六七八九十]个?(?:主要)?(?:部分|板块|版块|章节)|小标题|哪几部分|[写讲]了哪些|结构/;
/** One clause: no separator, no question mark, no quote. */
const CLAUSE_CHAR = "[^，,。！!？?：:“”]";
/** How a user names themselves or the bot before 我 or a courtesy (老汉我想请教, 同志您好). */
const ADDRESS = "老汉|老头子|老同志|同志|老师|师傅";
/**
 * What a user says before asking, clause by clause, typed with a comma or a space after it: about
 * themselves (我是退休医生，; 老汉我想请教，), a greeting or courtesy (同志您好，烦请告知，), what the
 * answer is for (写论文用，); or a whole sentence about themselves (我眼神不好，长文章看不大下来。),
 * or a short label before a colon (老同志想核实个数字：). Context, not the question.
 */
export const PREAMBLE = new RegExp(
  // The whole sentence is tried first: its first clause alone would pass as a clause.
  `^(?:(?:我|本人)${CLAUSE_CHAR}{0,20}(?:[，,]${CLAUSE_CHAR}{1,20}){1,2}[。！!]\\s*|(?:` +
    [
      `(?:${ADDRESS})?(?:我|本人)${CLAUSE_CHAR}{0,20}`,
      `(?:${ADDRESS})?(?:想|请问|请教|你好|您好|麻烦|打扰|烦请|劳烦|冒昧|打听)${CLAUSE_CHAR}{0,8}`,
      `${CLAUSE_CHAR}{1,8}用`,
    ].join("|") +
    `)(?:[，,。！!]\\s*|\\s+)|${CLAUSE_CHAR}{1,12}[：:]\\s*)+`,
);
/** How a message turns to its question: 请问, 想请教. */
const ASKING_OPENERS = "请问|想请教|请教一下|想问一下|想问问|请(?:你|您)?(?:概括|概述|简述|总结|归纳|介绍|说明|解释|列举)";
/**
 * …，请问…: a 请问 (or 请概括) inside the message, after what the user says first (听说江北新区引进了好几家大医院，;
 * 南岸区卫生健康委党委提出“四个抓手”做实党建统领，), which may quote the report's words but asks nothing itself.
 */
export const ASKING_AFTER = new RegExp(`^(?:[^？?“”]|“[^“”？?]*”){1,40}?[，,。！!]\\s*(?=${ASKING_OPENERS})`);
/** Words that ask without naming anything (请问叫什么名字, 请问具体做了什么): a question of only these asks about what came before it. */
export const ONLY_ASKING = new RegExp(`${ASKING_OPENERS}|请教|具体|是|叫|多少|几|什么|啥|谁|哪|名字|怎么|如何|吗|呢|有|的|了|一共|总共|大概|他们|她们|它们|这|那|个|位|[？?。！!，,\\s]`, "g");
/** Province-level names, which people write without 省 or 市 (重庆南岸区, 广东江门): places like any other. */
export const PROVINCE = /北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门/g;
/** What the user wants an answer for (有什么经验可以借鉴, 值得学习的做法): not what is asked about. */
export const FOR_USE = /(?:可以|值得|可供|能够?)(?:我们)?(?:借鉴|分享|参考|学习|推广)(?:的)?/g;
/**
 * How the user wants the answer put: a clause after the question (…是什么？一两句话概括即可, 请简要介绍),
 * or 一句话 inside it (一句话概括是啥, whose 概括 still asks for a summary). Not what is asked about.
 */
export const ANSWER_SHAPE = /[？?][^？?]*(?:句话|简要|简单|逐条|逐项|逐一|一一|分条|列出|列举|罗列)[^？?]*$|(?:用)?(?:一两|一|两|三|几)句话(?:来)?/g;
/**
 * What a user says about themselves after the question (…叫什么名字？我想在稿子里写出他的姓名。, …？我想约他做个专访):
 * context, not the question, so long as it asks nothing itself and is no clarification (我说的是江海卫健局).
 */
export const AFTERWORD = /(?<=[？?])\s*(?:我|本人|俺)(?!(?:说|问|指)的?是)(?![^？?]*(?:多少|几|哪|什么|啥|谁|怎么|如何|吗|呢))[^？?]*$/;
/** What the answer is for, said after the question (…是谁 稿子要用, …多少？写稿用): context, so long as it asks nothing itself. */
export const USE_AFTER = /(?<=[？?！!。，,\s])(?![^？?]*(?:多少|几|哪|什么|啥|谁|怎么|如何|吗|呢))[^？?，,。\s]{0,8}(?:要用|引用|备用|用)[的啊呀]?[。！!]*$/;
/** Thanks at the end of a message (…是什么啊谢谢啊): courtesy, not what is asked. */
export const THANKS = /(?:谢谢|多谢|感谢(?:您|你))(?:您|你|了|啦)?[啊呀哈啦了！!。~～\s]*$/;
/** Who published a report: 哪个网站发的, 登在哪个报纸上, 出处. Not a platform work is done on (依托什么平台运作). */
export const REPORT_SOURCE = /(?<!依托|依靠|借助|利用|通过|搭建|打造)(?:哪个|哪家|什么)(?:网站|媒体|报纸|报社|平台|网|报)|(?:登|刊登|刊发|发表|发布|发)(?:在|于)(?:哪|什么)|出处|来源是?(?:哪|什么)|谁发(?:的|布)|(?:刊发|刊登|发布|发表)的?(?:媒体|网站|报纸|平台)|出自(?:哪|什么)/;
/** Who wrote or edited a report, or its column: 那篇报道是谁写的, 记者是谁, 登在哪个栏目, 责任编辑是谁. */
export const REPORT_CREDIT = /(?:报道|文章|稿子|稿件|这篇|那篇|纪实|新闻)[^，。？?]{0,12}(?:记者|通讯员|作者|编辑|栏目)|谁写的|作者是谁|执笔|(?:哪个|什么)栏目|责任编辑/;
/** When a report was published: 那篇报道是哪天发的. */
export const REPORT_DATE = /(?:报道|文章|这篇|那篇|稿子|新闻)[^，。？?]{0,12}(?:哪天|什么时候|何时|哪一年|哪年|日期)|(?:哪篇|哪一篇)[^，。？?]{0,4}(?:最新|最早|最近)|(?:哪天|什么时候|何时|哪年)(?:发|发布|发表|刊登|登|刊发)/;
/** Every report at once (这几篇报道哪篇最新, 这些报道都是哪个网站发的): a question about the reports themselves asks it of each. */
export const EVERY_REPORT = /这几篇|这些(?:报道|报告|文章)|各篇|哪一?篇|所有(?:的)?(?:报道|报告|文章)/;
/** Words that ask for a summary in so many words (unlike 做了哪些, which may ask for a list). */
export const SUMMARY = /总结|介绍|概括|概述|简介|归纳|要点|概况|梗概|讲讲|说说|谈谈|经验|做法|亮点|特色|(?:写|讲)(?:了|的是)(?:什么|哪些|啥)|主要内容|方面(?:主要)?(?:做|干)了(?:些)?(?:什么|哪些|啥)/;
/** 叫什么 asks for a person only after a role or a word for people (书记叫什么, 工作者都叫什么); 总支叫什么 asks for a name of a thing. */
export const PERSON = new RegExp(`谁|哪[两二三四五六七八九十]?位(?![置次])|(?:[他她]们?|人|员|者|人才|专家|同志)的(?:名字|姓名)|哪[些几]位?(?:专家|领导|市领导|同志|代表(?!性))|姓名|姓什么|(?:${ROLE_WORDS}|者|员|人|对象|同志|专家|代表|医生|护士|老师|[他她]们?)[^，。？?]{0,4}叫(?:什么|啥)`);
/** 谁 after a word of working with (跟谁, 联合谁) or before one of organising (谁牵头): the answer may be an organisation. */
export const PARTNER = /(?:跟|和|与|同|联合|会同|携手|由|邀请|代表)谁|谁(?:负责|牵头|主办|承办|组织|举办|发起|带队|指导)/;
/** 第一期, 第十三次, 第2批. */
export const ORDINAL_EXPRESSION = /第[一二两三四五六七八九十百\d]+[期次届批轮季章]/g;
/** 排第几, 排名多少, 第几名: a rank answers it, not a count. */
export const RANK_QUESTION = /排(?:名|在)?第?(?:几|多少)|第几[名位]|名次|(?:算|是|处于|属于)?(?:什么|啥|哪个)(?:水平|档次|层次)/;
/** A rank as the reports state it: 排名全市区县第一, 居主城都市区第三, 位列全省前列. */
export const RANK_EXPRESSION = /(?:排名|排在|排|位列|位居|居|列)[^，。；,;]{0,10}?(?:第[一二三四五六七八九十\d]+(?![期次届批轮季章个])[名位]?|首位|榜首|前列)|(?:全国|全省|全市|同类|区县)[^，。；,;]{0,6}?(?:领先|前列|首位|第一)/g;
/** 在哪里举行, 建在什么位置: a place answers it. 去哪个城市, 在哪支部队 ask which one (see WHICH). */
export const PLACE = /(?:在|去|到|来自)哪(?:儿|里)?(?![一个家位所座支项条种类几])|哪里|哪儿|什么地方|什么位置|什么地点|何处|何地/;
/** 叫什么名字, 名称是什么: the name of a thing (a person's name is PERSON's). */
export const NAME = /(?<![他她它])叫(?:什么|啥)(?:名字)?|(?:是)?(?:什么|啥)名字|名称是什么|全称是什么/;
/** 为什么, 为啥: a cause or purpose answers it. */
export const REASON = /为什么|为啥|为何|什么原因|原因是什么|怎么会/;
export const DATE = /什么时候|何时|哪天|哪一天|几月几[日号]|几号|哪年|哪一年|什么时间|哪个月|日期|几点|几时/;
export const LIST = /哪些|哪几|哪(?:\d+|[两三四五六七八九十])[个家项条位所座]|包括|包含|分别是(?!多少|几)|分别(?:对应|代表)\p{Script=Han}{0,2}?(?:什么|啥|哪)|有几个方面|列举|列(?:一下|出来?)|都有什么|都是\p{Script=Han}{0,4}?些?(?:什么|啥|哪)|[一二两三四五六七八九十\d]+(?:个|大|项|条|方面)[\p{Script=Han}“”"]{0,12}(?:是什么|有什么|是哪|指什么|包括)/u;
/** A counted set named alone, asking nothing in words (南岸 四个抓手, 六个聚焦？): what its members are. */
export const SET_ALONE = /^[^什么啥吗呢哪谁几多怎如是]*?[一二两三四五六七八九十\d]+(?:个|大|项|条)\p{Script=Han}{1,4}[？?。]*$/u;
/** Nouns of a share (比例多少): the reports state one as a rate (产前筛查率为83.26%). */
export const SHARE_NOUNS = "比例|占比|比率";
// 比例, 占比 ask for a figure only with 多少/几 (接种率是多少); 比例在全国算什么水平 asks for a judgement.
// 那几家新医院 and 举几个例子 point at or ask for some, not how many.
export const COUNT = new RegExp(`多不多|(?:多少|(?<![那这举])几)(?:个(?=人))?([${MEASURE_WORDS}]|钱)?|百分之(?:多少|几)|(?:${SHARE_NOUNS}|率)(?:是|为|有|达到?)?(?:多少|几)`, "u");
/** The noun a count question counts: 多少名老年人 → 老年, 几家医疗机构 → 医疗. */
export const COUNTED_NOUN = new RegExp(`(?:多少|(?<![那这举])几)(?:个)?(?:[${MEASURE_WORDS}][次人]?)?(?:的|是|为)?(\\p{Script=Han}{2})`, "u");
/** The noun a rate or amount question measures: 签约率是多少 → 签约, 接种数量分别是多少 → 接种. */
export const RATE_NOUN = new RegExp(`(\\p{Script=Han}{2})(?:率|${SHARE_NOUNS}|的?数量|的?人数|的?次数|的?总数|量)(?:(?:分别|各)?(?:是|为|有|达到?|相?差)?(?:多少|几)|(?:吗|呢)?[？?。！!]*$)`, "u");
// 哪个多, 谁更多: between two figures the larger is asked for as much as with 最多.
export const EXTREME_MAX = /最(?:多|高|大|长|快)|(?:哪个|哪一个|谁)更?(?:多|高|大)|更多/;
/** Nouns of money a question may end on (年度预算？, 投入资金？): it asks for an amount. */
export const MONEY_NOUNS = "预算|经费|资金|费用|投资额?|投入";
/** Asking for the figures themselves without 多少 (对比一下…接种数量, 有啥数字吗, 各报了啥数, 疫苗接种量？), not 什么数字化建设. */
export const FIGURE_NOUN = new RegExp(
  `(?:数量|人数|次数|总数|数字|数据|${MONEY_NOUNS}|\\p{Script=Han}(?<![力质能分商考较])量)(?:吗|呢)?[？?。！!]*$|(?:什么|啥)(?:数据|数字|数(?![据字学智])|规模)(?![化库])|规模(?:各有|有|是)?多大|多大(?:的)?规模|覆盖(?:的)?规模`,
  "u",
);
/** 人数和…数量一样吗, 一样多吗: whether two figures are the same, which the figures answer. */
export const SAME_FIGURE = /(?:人数|数量|次数|多少)[^，,。？?]{0,12}(?:一样|相同|相等|差不多)|一样多|差不多多/;
export const EXTREME_MIN = /最(?:少|低|小|短|慢)|(?:哪个|哪一个|谁)更?(?:少|低|小)|更少/;
export const DEFINITION = /什么是|是指|指的是|指什么|什么意思|含义|定义|是(?:个|一个|一种)?什么/;
export const WEAK_LIST = /有什么|有啥/;
/** 用什么办法, 采取了哪些措施, 提了什么要求: the kind of answer a how-question asks for, not a matter a passage must name. */
export const ASKED_MEANS = /(?:什么|哪些|哪几种|啥|何种|怎样的)(?:好的?)?(?:办法|途径|措施|举措|手段|招数?)|(?:提|有)了?(?:什么|哪些|啥)(?:工作)?要求/g;
/** 还有呢, 除了这个还干了啥, 还做了别的没, 在学校还做了什么: more of what the previous question asked, not what its answer already said. */
export const ASKS_ELSE = /还有(?:呢|吗|没有|别的|其他|啥|什么)|除了[^，,。？?]{1,12}还|(?:还|又)(?:做|干|搞|有|开展)了?些?(?:别的|其他|啥别的)|还(?:做|干|搞)了?些?(?:什么|啥)[吗呢？?。！!\s]*$|^(?:那)?(?:别的|其他的?)呢/;
/** A follow-up asking for the details of what was just answered (具体是怎么做的？); 举个例子 is often answered by the same sentence (…等16个清廉品牌). */
export const MORE_DETAIL = /具体|详细|展开(?:说|讲)|^(?:那么?)?(?:后来|然后|接下来|之后|随后)/;
/** 怎么评价, 怎么看: a view answers it, which the reports give as reported speech (see evidence.ts). */
export const VIEW = /怎么(?:看|评价|认为)|如何(?:看待?|评价)|评价|看法|认为|说了(?:什么|啥|些啥)|(?:书记|局长|主任|院长|头儿|领导|干部|专家|[他她]们?)(?:是)?(?:怎么)?说(?![明说])/;
/** Asking what came of it (成效如何, 取得了哪些成绩, 带来了什么变化) or for its figures (有哪些数据): figures answer it. */
export const RESULTS = /成效|成果|成绩|数据|(?<!达到(?:什么|哪些|啥)?)效果|成就|实效|取得了?(?:什么|哪些|啥)|带来了?(?:什么|哪些|啥)?(?:变化|改变)/;
export const HOW = /怎么|怎样|如何|采取|措施|举措|方式|形式|方法|途径|办法|机制/;
/** 是否, 有没有, …吗, and any verb asked as itself and its negation (让不让, 会不会, 能不能). */
export const YESNO = /是否|有没有|是不是|能否|吗[？?！!。\s]*$|(\p{Script=Han})[不没]\1/u;

/** Which one of several (哪家已经运营, 哪个社区): a name is asked, even after 几家医院里. */
export const WHICH = /哪一?[个家位所座支项条种类]/;
/** The kinds of thing a which-question may ask for by name (see decide.ts for how each is named). */
export const WHICH_KIND = /哪(?:一|些|几)?[个家所座支间]?(单位|部门|机构|医院|社区|科室|学校|企业|城市|镇|村|街道|支部|部队)/;
