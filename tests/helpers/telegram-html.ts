/**
 * A strict check of Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style):
 * only the supported tags, properly nested and closed, every <, > and & outside
 * a tag escaped, and at most 4,096 visible characters. Returns the problem, or null.
 */
const TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"]);
const ENTITY = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);$/i;
const DECODED: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };

export function telegramHtmlProblem(html: string): string | null {
  const stack: string[] = [];
  let visible = "";
  for (const [token, slash, name] of html.matchAll(/<(\/?)([a-zA-Z-]*)[^<>]*>|&[^\s&;<>]*;|[<>&]|[^<>&]+/g)) {
    if (name !== undefined && token.startsWith("<")) {
      const tag = name.toLowerCase();
      if (!TAGS.has(tag)) return `unsupported tag ${token}`;
      if (slash) {
        if (stack.pop() !== tag) return `${token} does not close the open tag`;
      } else stack.push(tag);
    } else if (token === "<" || token === ">" || token === "&") return `unescaped '${token}'`;
    else if (token.startsWith("&")) {
      if (!ENTITY.test(token)) return `unknown entity ${token}`;
      visible += DECODED[token.toLowerCase()] ?? "?";
    } else visible += token;
  }
  if (stack.length > 0) return `unclosed <${stack.join(">, <")}>`;
  if (visible.trim() === "") return "message text is empty";
  if (visible.length > 4096) return `message is too long (${visible.length} characters)`;
  return null;
}
