"use client";
// Moves a list to another state by changing its URL (README "Lists"): the server renders the
// new page, and the URL is what a person shares or reloads. `replace`, not `push`: typing a
// search should not leave a history entry per keystroke.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { listHref, type ListParams } from "@/lib/lists/href";

export function useListNavigation() {
  const router = useRouter();
  // Null only under the Pages Router (pages/docs/), which never renders this.
  const pathname = usePathname() ?? "";
  const searchParams = useSearchParams() ?? new URLSearchParams();
  const [pending, startTransition] = useTransition();
  function navigate(patch: ListParams) {
    const href = listHref(pathname, Object.fromEntries(searchParams), patch);
    startTransition(() => router.replace(href, { scroll: false }));
  }
  return { navigate, pending };
}
