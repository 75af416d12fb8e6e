// text(): what PostgreSQL cannot store (NUL and the other C0 controls, DEL, lone surrogates) is
// refused with a message that never echoes it; everything else Unicode allows is accepted.
import { describe, expect, it } from "vitest";
import { escapeText, quoteText, text, TEXT_MESSAGES, textProblem } from "./text";

const singleLine = text().trim().min(1).max(100);
const multiLine = text({ multiline: true }).trim().min(1).max(100);

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("text()", () => {
  it.each([
    ["NUL", "a\u0000b", TEXT_MESSAGES.control],
    ["U+0001", "a\u0001b", TEXT_MESSAGES.control],
    ["U+001F", "a\u001fb", TEXT_MESSAGES.control],
    ["DEL", "a\u007fb", TEXT_MESSAGES.control],
    ["vertical tab", "a\u000bb", TEXT_MESSAGES.control],
    ["escape", "\u001b[31mred", TEXT_MESSAGES.control],
    ["a NUL alone", "\u0000", TEXT_MESSAGES.control],
    ["a lone high surrogate", "a\ud800b", TEXT_MESSAGES.unicode],
    ["a lone low surrogate", "a\udfffb", TEXT_MESSAGES.unicode],
    ["a low surrogate before a high one", "\udc00\ud800", TEXT_MESSAGES.unicode],
    ["half of an emoji at the end", "hi \ud83d", TEXT_MESSAGES.unicode],
  ])("refuses %s in any field, with one message that does not echo it", (_, value, multiLineMessage) => {
    const single = singleLine.safeParse(value);
    const multi = multiLine.safeParse(value);
    expect(single.success).toBe(false);
    expect(multi.success).toBe(false);
    expect(messagesOf(multi)).toEqual([multiLineMessage]);
    expect(messagesOf(single)).toEqual([multiLineMessage === TEXT_MESSAGES.unicode ? TEXT_MESSAGES.unicode : TEXT_MESSAGES.controlSingleLine]);
    expect(messagesOf(single).join("")).not.toContain(value);
  });

  it.each([
    ["a tab", "a\tb"],
    ["a newline", "line one\nline two"],
    ["a CRLF from a textarea", "line one\r\nline two"],
    ["a trailing newline", "text\n"],
  ])("accepts %s in multi-line fields only", (_, value) => {
    expect(multiLine.safeParse(value).success).toBe(true);
    expect(messagesOf(singleLine.safeParse(value))).toEqual([TEXT_MESSAGES.controlSingleLine]);
  });

  it.each([
    ["an astral emoji (a surrogate pair)", "Call me 😀"],
    ["a family emoji joined by zero-width joiners", "👩‍👩‍👧"],
    ["a zero-width joiner alone between letters", "a\u200db"],
    ["combining marks", "e\u0301 n\u0303 Z̤͔ͧ̑̓"],
    ["right-to-left text", "مرحبا بالعالم"],
    ["Hebrew with a right-to-left mark", "שלום\u200f"],
    ["CJK", "日本語のエージェント"],
    ["a right-to-left override", "abc\u202edef"],
    ["characters just past the C0 range", " ~\u0080\u00a0é"],
  ])("accepts %s", (_, value) => {
    expect(singleLine.safeParse(value).success).toBe(true);
    expect(multiLine.safeParse(value).success).toBe(true);
  });

  it("checks the raw input, before .trim() could hide a control character at the edges", () => {
    expect(messagesOf(singleLine.safeParse("\u0000name"))).toEqual([TEXT_MESSAGES.controlSingleLine]);
    expect(messagesOf(singleLine.safeParse("name\n"))).toEqual([TEXT_MESSAGES.controlSingleLine]);
    expect(singleLine.parse("  name  ")).toBe("name");
  });

  it("keeps its type error and the checks chained after it", () => {
    const name = text({ error: "Give it a name." }).trim().min(1, "Empty.").max(3, "Too long.");
    expect(messagesOf(name.safeParse(42))).toEqual(["Give it a name."]);
    expect(messagesOf(name.safeParse("   "))).toEqual(["Empty."]);
    expect(messagesOf(name.safeParse("abcd"))).toEqual(["Too long."]);
  });
});

describe("textProblem", () => {
  it("is null for storable text", () => {
    expect(textProblem("plain")).toBeNull();
    expect(textProblem("two\nlines", { multiline: true })).toBeNull();
  });
});

describe("escapeText and quoteText", () => {
  it.each([
    ["a\u0000b", "a\\u0000b", '"a\\u0000b"'],
    ["\ud800", "\\ud800", '"\\ud800"'],
    ["x\u007f", "x\\u007f", '"x\\u007f"'],
    ["tab\there", "tab\\u0009here", '"tab\\there"'],
    ["😀 ok", "😀 ok", '"😀 ok"'],
  ])("write %j as storable text", (value, escaped, quoted) => {
    expect(escapeText(value)).toBe(escaped);
    expect(quoteText(value)).toBe(quoted);
    expect(textProblem(escapeText(value))).toBeNull();
    expect(textProblem(quoteText(value))).toBeNull();
  });
});
