"use client";
// Ready code for a new key in curl, Node.js (fetch) and Python (requests): each with the key
// inline, to try at once, and read from SWITCHBOARD_API_KEY, as code should keep it; then the
// .env line and the .gitignore line that keeps the file out of version control.
import * as Tabs from "@radix-ui/react-tabs";
import { CopyButton } from "@/components/ui/copy-button";

type Language = { id: string; label: string; inline: (origin: string, key: string) => string; fromEnv: (origin: string) => string; note?: string };

const LANGUAGES: Language[] = [
  {
    id: "curl",
    label: "curl",
    inline: (origin, key) => `curl ${origin}/api/v1/me \\\n  -H "X-API-Key: ${key}"`,
    fromEnv: (origin) => `curl ${origin}/api/v1/me \\\n  -H "X-API-Key: $SWITCHBOARD_API_KEY"`,
    note: "Load the .env file first: set -a; . ./.env; set +a",
  },
  {
    id: "node",
    label: "Node.js",
    inline: (origin, key) =>
      `const response = await fetch("${origin}/api/v1/me", {\n  headers: { "X-API-Key": "${key}" },\n});\nconsole.log(response.status, await response.json());`,
    fromEnv: (origin) =>
      `const response = await fetch("${origin}/api/v1/me", {\n  headers: { "X-API-Key": process.env.SWITCHBOARD_API_KEY },\n});\nconsole.log(response.status, await response.json());`,
    note: "Run it with the .env file loaded: node --env-file=.env app.mjs",
  },
  {
    id: "python",
    label: "Python",
    inline: (origin, key) =>
      `import requests\n\nresponse = requests.get("${origin}/api/v1/me", headers={"X-API-Key": "${key}"})\nprint(response.status_code, response.json())`,
    fromEnv: (origin) =>
      `import os\nimport requests\n\nresponse = requests.get("${origin}/api/v1/me", headers={"X-API-Key": os.environ["SWITCHBOARD_API_KEY"]})\nprint(response.status_code, response.json())`,
    note: "Load the .env file with python-dotenv (load_dotenv()), or export it in your shell first.",
  },
];

export function KeySnippets({ origin, secret, onCopied }: { origin: string; secret: string; onCopied: () => void }) {
  return (
    <div className="space-y-3">
      <Tabs.Root defaultValue="curl">
        <Tabs.List aria-label="Code for your key" className="flex gap-1 border-b border-zinc-200">
          {LANGUAGES.map((language) => (
            <Tabs.Trigger
              key={language.id}
              value={language.id}
              className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-zinc-900 data-[state=active]:border-zinc-900 data-[state=active]:font-medium data-[state=active]:text-zinc-900"
            >
              {language.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {LANGUAGES.map((language) => (
          <Tabs.Content key={language.id} value={language.id} className="mt-3 space-y-3 focus-visible:outline-2 focus-visible:outline-zinc-900">
            <Snippet title="Try it now, with the key inline" text={language.inline(origin, secret)} copyLabel={`Copy ${language.label} with the key`} onCopied={onCopied} />
            <Snippet title="In your code, from SWITCHBOARD_API_KEY" text={language.fromEnv(origin)} copyLabel={`Copy ${language.label} for your code`} onCopied={onCopied} />
            {language.note ? <p className="text-xs text-zinc-600">{language.note}</p> : null}
          </Tabs.Content>
        ))}
      </Tabs.Root>
      <div className="grid gap-3 sm:grid-cols-2">
        <Snippet title="In your .env" text={`SWITCHBOARD_API_KEY=${secret}`} copyLabel="Copy .env line" onCopied={onCopied} />
        <Snippet title="In your .gitignore" text=".env" copyLabel="Copy .gitignore line" onCopied={onCopied} />
      </div>
    </div>
  );
}

function Snippet({ title, text, copyLabel, onCopied }: { title: string; text: string; copyLabel: string; onCopied: () => void }) {
  return (
    <div>
      <div className="mb-1 flex items-center justify-between gap-2">
        <p className="text-sm font-medium">{title}</p>
        <CopyButton text={text} label={copyLabel} what="the snippet" onCopied={onCopied} compact />
      </div>
      {/* Wraps rather than scrolls: a scroll box inside the dialog is awkward on a phone and out of
          reach of the keyboard. The wrap is soft: copied text keeps only its own line breaks. */}
      <pre className="rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-zinc-100">{text}</pre>
    </div>
  );
}
