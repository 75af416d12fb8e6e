import { SignOutButton } from "./sign-out-button";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <div className="mt-8 border-t border-zinc-200 pt-4">
      {/* The role has a place of its own, so a long email can never push it out of view. */}
      <div className="flex min-w-0 items-center gap-2">
        <p className="min-w-0 truncate text-sm font-medium" title={name}>
          {name}
        </p>
        <p className="shrink-0 rounded-full bg-zinc-200/70 px-2 py-0.5 text-xs font-medium text-zinc-700 capitalize">
          <span className="sr-only">Role: </span>
          {role}
        </p>
      </div>
      <p className="truncate text-xs text-zinc-500" title={email}>
        {email}
      </p>
      <SignOutButton />
    </div>
  );
}
