import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-zinc-600">The page you asked for does not exist.</p>
      <Link href="/" className="text-sm font-medium underline underline-offset-4">
        Go to Switchboard
      </Link>
    </main>
  );
}
