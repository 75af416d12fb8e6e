// The guides under /docs, in reading order: their addresses, titles and summaries. No file
// reading here (lib/docs/guides.ts does that), so the docs' components may import it anywhere.
export const GUIDES = [
  { slug: "getting-started", title: "Getting started", summary: "From a new account to the first authenticated request: agent, key, request." },
  { slug: "authentication", title: "Authentication", summary: "Both headers and their exact spelling, private and public keys, permissions, the error envelope." },
  { slug: "rotating-keys", title: "Rotating keys safely", summary: "Generate, update, verify, revoke; or Roll with a grace period." },
  { slug: "storing-keys", title: "Storing keys", summary: "Environment variables, .env out of version control, secret managers, CI secrets." },
  { slug: "troubleshooting", title: "Troubleshooting", summary: "Each common mistake, the exact error it gets, and the fix." },
  { slug: "limits-and-usage", title: "Limits and usage", summary: "Rate limits, credits, and reading a key's usage." },
  { slug: "leaked-keys", title: "Leaked keys", summary: "What happens to a key found in public, rolling it, and registering the key format with secret scanners." },
] as const;

export type Guide = (typeof GUIDES)[number];

export function findGuide(slug: string): Guide | undefined {
  return GUIDES.find((guide) => guide.slug === slug);
}
