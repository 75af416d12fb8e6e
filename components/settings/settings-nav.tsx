"use client";
// Settings sections of the active workspace, and the person's own account.
import { KeyRound, ScrollText, Settings2, UserRound, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
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
        {SECTIONS.filter((section) => !("needs" in section) || canReadAudit).map(({ href, label, icon: Icon }) => {
          const current = pathname.startsWith(href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm",
                  current ? "bg-zinc-200/70 font-medium text-zinc-900" : "text-zinc-600 hover:bg-zinc-100",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
