// What a refused membership change says to the person who tried it.
import type { MemberChangeRefusal } from "@/lib/services/members";

export const MEMBER_REFUSALS: Record<MemberChangeRefusal, string> = {
  not_allowed: "Only workspace owners and admins can manage members.",
  owners_only: "Only owners can change, remove or appoint an owner.",
  last_owner: "A workspace needs at least one owner. Make someone else an owner first.",
  not_found: "This person is no longer a member. Reload the page.",
  self: "To remove yourself, use Leave workspace.",
};
