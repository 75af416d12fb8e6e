// The masked form shown in lists: swb_sk_AbCd••••••••wXyZ. Kept apart from format.ts (which
// needs node:crypto) so that client components can import it.
export function maskKey(parts: { start: string; end: string }): string {
  return `${parts.start}${"•".repeat(8)}${parts.end}`;
}
