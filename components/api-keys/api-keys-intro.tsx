// The API Keys page's heading text, shared by the page and its loading state, so that the first
// bytes of the page already show what it is (README "Performance": the page's largest text is
// painted before its script has loaded, and the list streams in after).
export function ApiKeysIntro() {
  return (
    <p className="mt-1 max-w-2xl text-sm text-zinc-600">
      Keys let your servers and integrations call the Switchboard API on behalf of this workspace. Send one in the{" "}
      <code className="font-mono text-xs">X-API-Key</code> header.
    </p>
  );
}
