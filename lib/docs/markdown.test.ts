import { describe, expect, it } from "vitest";
import { renderMarkdown, slugify } from "./markdown";

describe("renderMarkdown", () => {
  it("gives headings ids, code blocks a focusable scroll box with escaped text, and tables a scrollable region", () => {
    const html = renderMarkdown("## Rotating keys safely\n\n```http\nX-API-Key: <key>\n```\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    expect(html).toContain('<h2 id="rotating-keys-safely">Rotating keys safely</h2>');
    expect(html).toContain('<pre tabindex="0"><code class="language-http">X-API-Key: &lt;key&gt;</code></pre>');
    expect(html).toContain('<div class="docs-table" role="region" aria-label="Table" tabindex="0"><table><thead><tr><th scope="col">a</th>');
  });

  it("makes readable slugs", () => {
    expect(slugify("Key format, for secret scanners")).toBe("key-format-for-secret-scanners");
    expect(slugify("<code>X-API-Key</code> &amp; Bearer")).toBe("x-api-key-bearer");
  });
});
