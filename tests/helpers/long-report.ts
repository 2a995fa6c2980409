/** A report whose one paragraph is longer than a Telegram message, with characters HTML must escape. */
const SENTENCES = Array.from(
  { length: 120 },
  (_, i) => `滨海县第${i + 1}个社区卫生服务站党支部开展“健康守护”主题党日活动，走访慰问困难群众${i + 11}户。`,
);
SENTENCES.splice(60, 0, "滨海县卫健委以“党建+医疗”&“服务<群众>”为主题，全年共组织红色义诊活动37场，服务群众4800余人次。");

export const LONG_REPORT = ["滨海县卫健委：党建引领健康守护", "", "滨海县卫生健康委员会", "", `  ${SENTENCES.join("")}`, ""].join("\n");

export const LONG_REPORT_QUESTION = "滨海县卫健委全年组织了多少场红色义诊活动？";
