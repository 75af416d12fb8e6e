import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/auth";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <div className="mt-8 border-t border-zinc-200 pt-4">
      <p className="truncate text-sm font-medium" title={name}>
        {name}
      </p>
      <p className="truncate text-xs text-zinc-500" title={email}>
        {email} · {role}
      </p>
      <form action={signOutAction} className="mt-2">
        <Button type="submit" variant="ghost" size="sm" className="-ml-3">
          <LogOut className="size-4" aria-hidden />
          Sign out
        </Button>
      </form>
    </div>
  );
}
