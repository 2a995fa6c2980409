/**
 * Everyday words → the reports' words. People ask 打疫苗, 看病, 给老人吃饭的
 * 地方; the reports write 接种, 就诊, 助餐点. Without a sentence-embedding
 * model nothing bridges the two, so a question's everyday words are looked
 * up here and the official words they stand for are searched and matched
 * as alternatives. The table is general Chinese usage (colloquial →
 * administrative register), not a list of this corpus's facts; a word is
 * only used when the corpus has it.
 */
import { termUnits } from "../text/tokenize.js";

/** Everyday phrase (a regular expression) → the official words it may stand for. */
const EVERYDAY_WORDS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/打(?:了)?(?:疫苗|针)|疫苗打|种疫苗/, ["接种"]],
  [/看病|就医|看医生|看大夫/, ["就诊", "就医", "诊疗"]],
  [/医生|大夫|医护/, ["医务人员", "医护人员", "医生"]],
  [/护士/, ["护理工作者", "护理人员", "护士"]],
  [/老人|老年人|老头|老太|长者/, ["老年人", "老年"]],
  [/(?:小孩|孩子|娃|宝宝|婴儿)(?:一|刚)?(?:出生|生下来)|刚(?:出生|生下来)的?(?:小孩|孩子|娃|宝宝)?|新生的?(?:孩子|娃|宝宝)|生(?:了)?(?:孩子|娃|宝宝)/, ["新生儿", "出生"]],
  [/小孩|孩子|娃|小朋友/, ["儿童", "少年儿童"]],
  [/手续/, ["事项", "办理", "审批"]],
  [/简化|精简/, ["优化", "便捷"]],
  [/孕妇|怀孕|生孩子|生娃|产妇/, ["孕产妇", "妊娠"]],
  // Clinicians' shortenings: 产筛 is 产前筛查.
  [/产筛/, ["产前筛查"]],
  [/吃饭(?:的地方|的点)?|食堂|饭堂|用餐/, ["助餐", "餐"]],
  [/花(?:了)?(?:多少)?钱|经费|资金|预算|费用/, ["资金", "投入", "投资", "经费"]],
  [/奖金|补贴|补助|发钱/, ["补助", "补贴", "补助金"]],
  // 覆盖了 is covered, not built.
  [/(?<![覆掩遮])盖(?:了|起|的)|新盖|新修|修建/, ["新建", "建设", "建成"]],
  [/新医院|新院/, ["新院区", "新建医院"]],
  [/开会|会上/, ["会议", "召开"]],
  [/表态|发言/, ["表示", "强调", "指出"]],
  [/讲课|上课|听课|讲座/, ["讲座", "授课", "宣讲", "讲堂", "培训"]],
  [/比赛|竞赛|评比/, ["竞赛", "大赛", "比拼", "评选", "创建"]],
  [/考试|答题/, ["知识竞赛", "测试"]],
  [/表扬|奖励|评奖|评优|获奖/, ["表彰", "评选", "获得", "奖项"]],
  [/检查|查看|督查|巡查|翻看|翻阅/, ["督查", "督导", "检查", "查阅"]],
  [/本子|材料|资料/, ["登记本", "档案", "记录", "材料"]],
  [/化验(?:的地方|室|所)?/, ["检测实验室", "实验室", "检测", "检验"]],
  [/普及|覆盖|程度/, ["覆盖率", "覆盖", "普及率"]],
  [/公家|公立|政府办的/, ["公益性", "公立"]],
  [/小玩意儿?|小东西|小礼物|礼物|纪念品/, ["小礼品", "礼品", "宣传品"]],
  [/送了|送给|赠送|发给|分发/, ["发放", "赠送"]],
  [/奖牌|称号|奖状|荣誉|奖杯/, ["荣誉", "奖项", "称号"]],
  [/当兵|退伍|老兵|军人/, ["退役军人", "退役士兵", "军人"]],
  [/立(?:了)?功/, ["立功受奖", "立功"]],
  [/报(?:了)?喜/, ["喜报"]],
  [/穷人|困难户|有困难的|生活困难/, ["困难群众", "困难"]],
  [/老百姓|群众|市民|居民/, ["群众", "居民"]],
  [/当官的|领导(?!干部)|干部们/, ["领导干部", "领导班子"]],
  [/入党|加入党|新党员/, ["发展党员", "入党"]],
  [/没(?:有)?达标|未达标|不达标/, ["未达到预期", "达到预期"]],
  [/做核酸|测核酸|核酸/, ["核酸检测"]],
  [/发烧/, ["发热"]],
  [/(?:自动(?:体外)?)?除颤(?:仪|器)?|电击器|急救设备|救命的机器|心脏(?:骤停|停跳|停了)/, ["aed", "除颤仪"]],
  [/网上|线上|互联网/, ["线上", "网络", "云"]],
  [/捐(?:了)?钱|捐款|捐东西|捐物/, ["捐款", "捐赠", "捐助"]],
  [/献血/, ["无偿献血"]],
  [/义工|志愿者|做好事/, ["志愿服务", "志愿者"]],
  [/反腐|廉洁|不贪|贪污/, ["党风廉政", "清廉", "廉政", "反腐败"]],
  [/养老院|敬老院|老年公寓/, ["养老机构", "养老院", "敬老院"]],
  [/墓地|公墓|骨灰|殡葬|丧葬/, ["骨灰堂", "骨灰安放", "殡葬", "公益性公墓"]],
  [/村医|村里的?小?诊所|村卫生所|村诊所/, ["村卫生室", "村级卫生室"]],
  [/小诊所|诊所/, ["卫生室", "诊所"]],
  [/社区医院|卫生院/, ["社区卫生服务中心", "基层医疗机构", "卫生院"]],
  [/看望|探望|慰问|送温暖/, ["慰问", "走访"]],
  [/上门|到家里|去家里/, ["入户", "上门"]],
  [/手机/, ["智能手机"]],
  [/病床/, ["床位"]],
  [/培养人才|招(?:进来|进|聘|人|收)|引进人才|留人|新进|新来/, ["人才", "引进", "招聘"]],
  [/研究生|学历|文凭/, ["硕士", "博士", "研究生"]],
  [/占(?:了)?(?:多少|几)/, ["占比", "比例"]],
  [/学历史|学党史|党的历史/, ["党史学习教育", "党史"]],
  [/宣传|科普|讲健康/, ["宣传", "科普", "健康教育"]],
  [/体检|检查身体|查身体|健康检查/, ["体检", "健康体检"]],
  [/量血压|测血压/, ["测量血压"]],
  [/过年|春节|年前|新年/, ["春节", "新春"]],
  [/体制|制度|规矩|章程/, ["制度", "负责制", "机制"]],
  [/拍板|说了算|做主|定夺/, ["决策", "负责制", "领导"]],
  [/排查|筛检/, ["筛查"]],
  [/亲自|亲力亲为|以身作则/, ["带头", "率先垂范"]],
  [/防疫|抗疫/, ["疫情防控", "抗疫"]],
  [/复工|复产|恢复生产|上班/, ["复工复产", "复工复学"]],
  [/开学|复课/, ["复学", "复工复学"]],
  [/重新开工|开工|复产/, ["复工", "复工复产"]],
  [/大厂子?|厂子|工厂|公司/, ["企业", "规上企业"]],
  [/咨询电话|电话|热线/, ["热线", "服务热线", "咨询"]],
  // 平时 alone frames a habit (平时都学点啥): it names nothing (see terms.ts); 平常要几个人 compares with what is usual.
  [/平常|一般情况/, ["通常", "平时", "日常"]],
  [/年轻|年青/, ["青年"]],
  [/排第几|排名|名次|排在|靠前|领先/, ["排名", "位列", "第一", "前列", "领先"]],
  [/国内|全国/, ["全国"]],
  [/样板|标杆|榜样/, ["示范", "标杆", "榜样"]],
  [/头儿|老大|一把手/, ["一把手", "书记", "局长", "负责人"]],
  [/片子|电影|影片/, ["电影", "影片"]],
  [/慢性病|慢病/, ["常见病", "多发病", "慢性病"]],
  [/告示|通知|须知|公告/, ["须知", "公告", "通知"]],
  [/节日快乐|问好|问候/, ["节日问候", "问候"]],
  [/外地|外省|外市|别的地方|其他地方/, ["市内外", "外地", "异地", "外省"]],
  [/下一步|接下来|今后|未来|打算|计划/, ["接下来", "下一步", "今后"]],
  // 规模多大 asks how many, not how much land.
  [/占地|多大的地|面积|(?<!规模(?:有|是)?)多大(?!的?规模)|土地/, ["用地面积", "建筑面积", "面积"]],
  [/扩充|扩大|壮大|增多/, ["增加", "扩容"]],
  // 比去年涨了多少: a change over the year before, which reports state as 同比增长.
  [/(?:比|较|跟|和|与)(?:去年|上一?年)(?:比|相比)?/, ["同比"]],
  [/涨(?:了|幅)?|上涨|增幅/, ["增长"]],
  // How something is done, in any of its words: the reports say 通过…等方式 as often as 形式.
  [/形式|方式|途径|渠道|载体/, ["方式", "形式", "载体"]],
  [/小队|小分队/, ["小组", "队伍"]],
  [/原先|原本|本来/, ["原来"]],
  [/建好|盖好|完工|竣工|弄好|修好/, ["建成", "竣工", "投用", "投入使用"]],
  [/开张|开业|开门|启用|开起来|用上/, ["投用", "运营", "投入使用", "开诊"]],
  [/打分|评分|考评/, ["考核", "评价", "记分"]],
  [/犯错|违规|违纪|出问题/, ["违纪", "不良执业行为", "问题"]],
  [/满意|口碑|评价好/, ["满意", "口碑", "获得感"]],
  [/抢救|急救|救人/, ["救治", "急救"]],
  [/病人|病号|生病的/, ["患者"]],
  [/家庭医生|家医|上门看病/, ["家医", "家庭医生", "签约"]],
  [/残疾|残障/, ["残疾人", "助残"]],
  [/找工作|找到工作|(?:找到?)?活干|就业|工作岗位/, ["就业"]],
  [/学生|上学/, ["中小学生", "学生", "师生", "校园"]],
  [/刚出生|宝宝|婴儿/, ["新生儿", "出生"]],
  [/办证|办手续|跑腿|跑一次|来回跑|多跑|白跑/, ["办理", "一件事", "一次", "跑腿"]],
  [/上户口|落户口/, ["户口登记", "出生申报"]],
  [/老中医|中医/, ["名中医", "中医"]],
  [/红色景点|纪念馆|革命(?:遗址|纪念)|红色基地/, ["红色教育基地", "红色基地", "旧址"]],
  [/交党费|缴党费/, ["交纳党费", "党费"]],
  [/宣誓|誓词/, ["入党誓词"]],
  [/打扫|大扫除|清扫/, ["清理", "卫生", "整治"]],
  [/传单|海报|小册子/, ["宣传彩页", "宣传折页", "宣传单", "张贴"]],
  [/免费看病|免费检查|免费诊疗/, ["义诊"]],
  [/量体温|测体温/, ["测量体温", "体温检测"]],
  [/健康码|行程码|扫码/, ["两码", "健康码"]],
  [/感染|阳性|确诊|中招/, ["阳性", "确诊", "感染"]],
  [/拿到|拿了|得到|获得/, ["获得", "获批", "荣获"]],
  [/看了?(?:多少)?病人|接诊/, ["接诊", "诊疗"]],
  [/没完成|没达到|没做到|未完成/, ["未达到", "未完成", "还未"]],
  [/大学老师|老师|教授|学者/, ["专家", "高校专家", "教授"]],
  [/题目|(?<!小)标题|讲题/, ["为题", "主题", "题为"]],
  [/体会|感受|收获|感想|心得/, ["体会", "感悟", "认识到", "收获"]],
  [/想入党的|要求入党的|申请入党的/, ["入党积极分子", "发展对象"]],
  [/想法|思想上/, ["思想", "认识", "动机"]],
  [/好处|优点|益处/, ["有利于", "作用", "意义"]],
  [/风气|氛围|劲头/, ["氛围", "风气"]],
  [/(?<!张)贴(?:了|着|上|出)?/, ["张贴"]],
  [/(?:生娃|生孩子|生小孩|分娩)前|孕期|怀孕的时候/, ["产前", "孕期"]],
  [/畸形|排畸|先天缺陷/, ["出生缺陷", "筛查"]],
  // Latin words as normalized text has them (HPV → hpv).
  [/宫颈癌(?:疫苗)?/, ["hpv"]],
  [/评星|几颗星|几星|星级/, ["星级"]],
  [/表现好|表现突出|干得好|做得好/, ["优秀", "先进"]],
  [/段子|相声|笑话|说笑/, ["脱口秀"]],
  [/下基层|下乡|下去(?:查|看|跑)/, ["走访", "调研", "走进"]],
  [/专栏|栏目|节目/, ["栏目", "专栏"]],
  [/浏览|点击|看过|看的人|观看|播放/, ["阅读量", "阅读"]],
  [/问诊|看诊/, ["义诊", "诊疗"]],
  [/讨论会|座谈会|研讨会/, ["研讨", "座谈会", "研讨会"]],
  // The steps of a procedure are its 程序 (严格发展党员程序).
  [/步骤/, ["程序", "流程"]],
  // A meeting's 要求 are what it 强调s.
  [/要求/, ["强调", "提出"]],
];

/** A question's content terms once its everyday words are read as the reports'. */
export interface OfficialReading {
  terms: string[];
  /** The reports' words a term may be written as (老人 → 老年人, 老年). */
  alternatives: Record<string, string[]>;
  /** Every official word read, for retrieval to search as well. */
  words: string[];
}

/**
 * Reads `text`'s everyday words as the official words they stand for; only
 * words some passage has (`seen` on their bigrams) are used, none the
 * question already has. When the everyday phrase is itself in the reports
 * (医生), the official words are alternatives of the terms inside it; when it
 * is not (研究生, 小玩意儿), they replace them: the user's words can match
 * nothing, or only by accident (研究生 → 研究 matches 研究会议).
 */
export function readEveryday(text: string, terms: string[], seen: (unit: string) => boolean): OfficialReading {
  let out = [...terms];
  // Where each term stands in the question: an official word stands where its everyday phrase did.
  const position = new Map(terms.map((t) => [t, text.indexOf(t)]));
  const alternatives: Record<string, string[]> = {};
  const words: string[] = [];
  const addAlternatives = (term: string, more: string[]) => {
    if (more.length > 0) alternatives[term] = [...new Set([...(alternatives[term] ?? []), ...more])];
  };
  for (const [everyday, official] of EVERYDAY_WORDS) {
    const match = everyday.exec(text);
    if (match === null) continue;
    const phrase = match[0];
    const found = official.filter((w) => !text.includes(w) && termUnits(w).every(seen));
    // 给老人做体检…多少位老年人: the everyday word no report has says again what the official one beside it says.
    if (found.length === 0 && official.some((w) => text.includes(w))) out = out.filter((t) => !phrase.includes(t) || termUnits(t).every(seen));
    if (found.length === 0) continue;
    words.push(...found);
    const inside = out.filter((t) => phrase.includes(t) || t.includes(phrase));
    if (termUnits(phrase).every(seen)) {
      for (const t of inside) addAlternatives(t, found);
    } else {
      const [first, ...rest] = found as [string, ...string[]];
      // What a term holds beside the phrase stays (老人晚上睡不着 → 老年人 and 晚上睡不着); a term
      // the segmenter cut across the phrase goes with it (老人小孩 → 人小).
      const across = out.filter((t) => !inside.includes(t) && overlaps(text, t, match.index, phrase.length));
      const besides = inside.flatMap((t) => (t.includes(phrase) ? t.split(phrase) : [])).filter((r) => Array.from(r).length > 1);
      for (const b of besides) position.set(b, text.indexOf(b));
      if (!out.includes(first)) position.set(first, match.index);
      out = [...out.filter((t) => !inside.includes(t) && !across.includes(t)), ...besides, ...(out.includes(first) ? [] : [first])];
      addAlternatives(first, rest);
    }
  }
  // In the question's order: a yes/no question confirms its last word, whatever the reports call it.
  out.sort((a, b) => (position.get(a) ?? -1) - (position.get(b) ?? -1));
  return { terms: out, alternatives, words };
}

/** Whether every place `term` stands in `text` overlaps the `length` characters at `at`. */
function overlaps(text: string, term: string, at: number, length: number): boolean {
  const places: number[] = [];
  for (let p = text.indexOf(term); p >= 0; p = text.indexOf(term, p + 1)) places.push(p);
  return places.length > 0 && places.every((p) => p < at + length && p + term.length > at);
}
