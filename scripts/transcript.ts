/**
 * npm run transcript [-- --out FILE]: plays a short conversation with the real
 * bot (real core, real index of the corpus, hashed embedder) through the Bot
 * API emulator on 127.0.0.1, and writes what was said to docs/transcript.md.
 */
import { writeFile } from "node:fs/promises";
import { parseCli, runMain } from "../src/cli.js";
import { BOT_USER, type Chat, type SentMessage } from "../tests/helpers/fake-telegram.js";
import { indexedWorkspace, startBot } from "../tests/helpers/bot-harness.js";

const PRIVATE = 1001;
const GROUP: Chat = { id: -1002, type: "supergroup" };

const visible = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const quote = (text: string) => text.split("\n").map((l) => `> ${l}`).join("\n");

runMain(async () => {
  const { values } = parseCli(process.argv.slice(2), { out: { type: "string" } });
  const out = typeof values.out === "string" ? values.out : "docs/transcript.md";
  const ws = await indexedWorkspace();
  const bot = await startBot(ws);
  const lines: string[] = [];

  const record = (who: string, text: string, replies: SentMessage[]) => {
    lines.push(`**${who}：** ${text}`, "");
    for (const r of replies) {
      const buttons = r.reply_markup?.inline_keyboard?.flat().map((b) => `[${b.text}]`).join(" ");
      lines.push(`**机器人${r.reply_parameters ? "（回复上面的消息）" : ""}：**`, "", quote(visible(r.text)), ...(buttons ? ["", `按钮：${buttons}`] : []), "");
    }
  };
  /** Sends `text`, waits until the bot has been quiet for a moment, and records the exchange. */
  const say = async (user: number, text: string, chat?: Chat) => {
    const chatId = chat?.id ?? user;
    const before = bot.telegram.sentTo(chatId).length;
    bot.telegram.say(user, text, chat);
    await bot.telegram.waitForSent(chatId, before + 1);
    await new Promise((r) => setTimeout(r, 300));
    const replies = bot.telegram.sentTo(chatId).slice(before);
    record(chat ? `用户${user}（群聊）` : "用户", text, replies);
    return replies;
  };

  try {
    lines.push("## 私聊", "");
    await say(PRIVATE, "/start");
    const [first] = await say(PRIVATE, "江北新区有几家医疗机构开设了发热门诊？");
    await say(PRIVATE, "义马市护士节表彰了多少名优秀护理工作者？");
    await say(PRIVATE, "那江海区呢？");
    await say(PRIVATE, "明天上海的天气怎么样？");
    await say(PRIVATE, "义马市疾控中心党支部在哪里开展科学补碘宣传？");
    await say(PRIVATE, "具体做了些什么？");
    await say(PRIVATE, "派出了多少人？");
    // A button under the first answer, after newer answers: it opens the first answer's source.
    const before = bot.telegram.sentTo(PRIVATE).length;
    bot.telegram.press(PRIVATE, first!.reply_markup!.inline_keyboard![0]![0]!.callback_data, first);
    await bot.telegram.waitForSent(PRIVATE, before + 1);
    record("用户", "（点第一个回答下的 [来源 1]）", bot.telegram.sentTo(PRIVATE).slice(before));
    await say(PRIVATE, "/source 1");
    await say(PRIVATE, "/foo");

    lines.push("## 群聊", "");
    await say(2001, `@${BOT_USER.username} 南岸区创建了哪些清廉品牌？`, GROUP);
    await say(2002, `@${BOT_USER.username} 江海区今年落实发展了多少名新党员？`, GROUP);
    await say(2001, "/source", GROUP);
  } finally {
    await bot.stop();
    await ws.cleanup();
  }

  const header = [
    "# Transcript",
    "",
    "Written by `npm run transcript`: the real bot answering over HTTP from a Bot API emulator on 127.0.0.1,",
    "with the offline hashed embedder and the corpus in `corpus/`. HTML tags are removed for reading.",
    "",
  ];
  await writeFile(out, `${[...header, ...lines].join("\n").trimEnd()}\n`);
  process.stderr.write(`Wrote ${out}\n`);
});
