// The guides' text (the list is lib/docs/guide-list.ts): Markdown files in docs/guides/ of this
// repository, read and rendered on the server at build time. A guide may hold
// `<!-- hint-table -->`, replaced by the table of every refusal hint the API gives (built from the
// verifier's own hints, so it cannot drift).
import { readFileSync } from "node:fs";
import path from "node:path";
import { hintTable } from "@/lib/api/guide";
import { GUIDES, type Guide } from "@/lib/docs/guide-list";

const DIRECTORY = path.join(process.cwd(), "docs", "guides");

/** The guide's Markdown, without its first-level title (the page renders that), placeholders filled. */
export function guideSource(guide: Guide): string {
  const text = readFileSync(path.join(DIRECTORY, `${guide.slug}.md`), "utf8");
  return text.replace(/^# .*\n/, "").replace("<!-- hint-table -->", hintTable());
}

export type SearchHit = { guide: Guide; section: string | null; anchor: string | null; snippet: string };

/**
 * Guides whose text holds every word of `query` (case-insensitive), best first: title matches,
 * then the number of matches. Each hit names the section of its first match and quotes around it.
 */
export function searchGuides(query: string, slugify: (heading: string) => string): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 1);
  if (words.length === 0) return [];
  const hits: (SearchHit & { score: number })[] = [];
  for (const guide of GUIDES) {
    const text = guideSource(guide);
    const lower = `${guide.title}\n${text}`.toLowerCase();
    if (!words.every((word) => lower.includes(word))) continue;
    const first = text.toLowerCase().indexOf(words[0]!);
    const heading = first >= 0 ? [...text.slice(0, first).matchAll(/^#{2,3} (.+)$/gm)].at(-1)?.[1]?.replace(/[`*]/g, "") : undefined;
    const score = words.reduce((sum, word) => sum + lower.split(word).length - 1, 0) + (words.some((word) => guide.title.toLowerCase().includes(word)) ? 100 : 0);
    hits.push({ guide, section: heading ?? null, anchor: heading ? slugify(heading) : null, snippet: snippetAround(text, Math.max(first, 0)), score });
  }
  return hits.sort((a, b) => b.score - a.score).map(({ score: _score, ...hit }) => hit);
}

/** About 160 characters of plain text around `index`, Markdown marks removed. */
function snippetAround(text: string, index: number): string {
  const start = Math.max(0, index - 60);
  const plain = text
    .slice(start, index + 140)
    .replace(/```[a-z]*|[`*#|>]/g, "")
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
    .replace(/[[\]]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return `${start > 0 ? "…" : ""}${plain}…`;
}
