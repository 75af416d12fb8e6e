"use client";
// The dashboard's navigation: the workspace (with the switcher), the platform it runs (agents,
// calls), its settings, and the API reference for developers. One landmark, named "Settings" as it
// always was.
import { BookOpen, Bot, ChartColumn, KeyRound, PhoneCall, ScrollText, Settings2, UserRound, Users } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Tooltip } from "@/components/ui/tooltip";
import { refusalFor } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/utils";

// `prefetch: false` for a page too heavy to fetch even when a click looks likely (README "Performance").
type Section = { href: string; label: string; icon: typeof KeyRound; unavailable?: string | null; prefetch?: false };

export function MainNav({ canReadAudit, switcher }: { canReadAudit: boolean; switcher: ReactNode }) {
  const platform: Section[] = [
    { href: routes.agents, label: "Agents", icon: Bot },
    { href: routes.calls, label: "Calls", icon: PhoneCall },
  ];
  const settings: Section[] = [
    { href: routes.general, label: "General", icon: Settings2 },
    { href: routes.apiKeys, label: "API Keys", icon: KeyRound },
    { href: routes.usage, label: "Usage", icon: ChartColumn },
    { href: routes.members, label: "Members", icon: Users },
    // Shown to everyone so the navigation is the same for all; marked unavailable, with the
    // reason, where the role cannot open it (the page itself refuses too).
    { href: routes.auditLog, label: "Audit log", icon: ScrollText, unavailable: canReadAudit ? null : refusalFor("audit:read") },
    { href: routes.account, label: "Account", icon: UserRound },
  ];
  const developers: Section[] = [{ href: routes.apiDocs, label: "API reference", icon: BookOpen, prefetch: false }];
  return (
    <nav aria-label="Settings">
      {switcher}
      <Group title="Platform" sections={platform} />
      <Group title="Settings" sections={settings} />
      <Group title="Developers" sections={developers} />
    </nav>
  );
}

function Group({ title, sections }: { title: string; sections: Section[] }) {
  // Null only under the Pages Router (pages/docs/), which never renders this.
  const pathname = usePathname() ?? "";
  const router = useRouter();
  return (
    <div className="mb-6">
      <p className="mb-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">{title}</p>
      {/* Two columns on a phone, where the navigation sits above the page: half the height. */}
      <ul className="grid grid-cols-2 gap-1 md:block md:space-y-1">
        {sections.map(({ href, label, icon: Icon, unavailable, prefetch }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          // Fetched when a click looks likely (pointer over it, focus, a touch), not for every link
          // in view as the page loads: that was 16 requests, and their processing on a phone's slow
          // CPU, in the seconds the page should answer its first tap (README "Lighthouse").
          const prefetchOnIntent = prefetch === false ? undefined : () => router.prefetch(href);
          const link = (
            <Link
              href={href}
              prefetch={false}
              onPointerEnter={prefetchOnIntent}
              onFocus={prefetchOnIntent}
              onTouchStart={prefetchOnIntent}
              aria-current={current ? "page" : undefined}
              aria-disabled={unavailable ? true : undefined}
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
          return <li key={href}>{unavailable ? <Tooltip content={unavailable}>{link}</Tooltip> : link}</li>;
        })}
      </ul>
    </div>
  );
}
