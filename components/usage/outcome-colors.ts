// One colour per outcome, the same in every chart: valid in green, refusals of the key itself in
// reds, policy refusals in oranges, limits in violets.
import type { UsageOutcome } from "@/lib/usage/outcomes";

export const OUTCOME_COLORS: Record<UsageOutcome, string> = {
  valid: "#059669",
  revoked: "#991b1b",
  disabled: "#dc2626",
  expired: "#f87171",
  rolled: "#fca5a5",
  origin_required: "#c2410c",
  origin_not_allowed: "#ea580c",
  private_key_in_browser: "#f97316",
  ip_not_allowed: "#fb923c",
  forbidden: "#b45309",
  agent_not_allowed: "#d97706",
  rate_limited: "#6d28d9",
  usage_exceeded: "#a78bfa",
};
