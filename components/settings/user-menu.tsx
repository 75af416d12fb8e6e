import { SignOutButton } from "./sign-out-button";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <div className="mt-8 border-t border-zinc-200 pt-4">
      <p className="truncate text-sm font-medium" title={name}>
        {name}
      </p>
      <p className="truncate text-xs text-zinc-500" title={email}>
        {email} · {role}
      </p>
      <SignOutButton />
    </div>
  );
}
