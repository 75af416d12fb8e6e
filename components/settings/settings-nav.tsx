"use client";
// Settings sections of the active workspace, and the person's own account.
import { KeyRound, ScrollText, Settings2, UserRound, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Tooltip } from "@/components/ui/tooltip";
import { refusalFor } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

const SECTIONS = [
  { href: routes.general, label: "General", icon: Settings2 },
  { href: routes.apiKeys, label: "API Keys", icon: KeyRound },
  { href: routes.members, label: "Members", icon: Users },
  { href: routes.auditLog, label: "Audit log", icon: ScrollText, needs: "audit" },
  { href: routes.account, label: "Account", icon: UserRound },
] as const;

export function SettingsNav({ canReadAudit }: { canReadAudit: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings">
      <p className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">Settings</p>
      <ul className="space-y-1">
        {SECTIONS.map((section) => {
          const { href, label, icon: Icon } = section;
          const current = pathname.startsWith(href);
          // Shown to everyone so the navigation is the same for all; marked unavailable, with
          // the reason, where the role cannot open it (the page itself refuses too).
          const unavailable = "needs" in section && !canReadAudit;
          const link = (
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              aria-disabled={unavailable || undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm",
                current ? "bg-zinc-200/70 font-medium text-zinc-900" : "text-zinc-600 hover:bg-zinc-100",
                unavailable && "text-zinc-500",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {label}
            </Link>
          );
          return <li key={href}>{unavailable ? <Tooltip content={refusalFor("audit:read")}>{link}</Tooltip> : link}</li>;
        })}
      </ul>
    </nav>
  );
}
