// Markdown of our own (the guides, the API's descriptions) to HTML on the server, with `marked`:
// headings get ids for links, code and tables scroll inside focusable boxes on narrow screens, and the
// text is trusted (it comes from the repository), so the HTML is used as it is.
import { Marked, type Tokens } from "marked";

/** `Rotating keys safely` → `rotating-keys-safely`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/&[a-z]+;|&#\d+;/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const markdown = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang, escaped }: Tokens.Code) {
      // Focusable: a long line scrolls sideways on a phone, and keyboards must reach it too.
      const language = lang ? ` class="language-${escapeHtml(lang.split(/\s/)[0]!)}"` : "";
      return `<pre tabindex="0"><code${language}>${escaped ? text : escapeHtml(text)}</code></pre>\n`;
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const html = this.parser.parseInline(tokens);
      return `<h${depth} id="${slugify(html)}">${html}</h${depth}>\n`;
    },
    table(token: Tokens.Table) {
      // The default table markup, in a region that keyboard users can scroll.
      const cell = (content: Tokens.TableCell, tag: "th" | "td") =>
        `<${tag}${tag === "th" ? ' scope="col"' : ""}${content.align ? ` style="text-align:${content.align}"` : ""}>${this.parser.parseInline(content.tokens)}</${tag}>`;
      const head = `<tr>${token.header.map((content) => cell(content, "th")).join("")}</tr>`;
      const body = token.rows.map((row) => `<tr>${row.map((content) => cell(content, "td")).join("")}</tr>`).join("");
      return `<div class="docs-table" role="region" aria-label="Table" tabindex="0"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>\n`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

/** One line of Markdown (a field's description) without the paragraph around it. */
export function renderInlineMarkdown(source: string): string {
  return markdown.parseInline(source, { async: false });
}
