// The one script of /docs/api (README "API"), a few hundred bytes: it shows the "Try it" button
// that the static page renders hidden (without JavaScript it could do nothing), and when it is
// pressed, loads the client (./client.tsx) and its stylesheet from beside this file, once.
type OpenTryIt = (opener: HTMLElement) => void;

const opener = document.querySelector<HTMLButtonElement>("button[data-try-it]");
const failure = document.querySelector<HTMLElement>("[data-try-it-failure]");
let client: Promise<OpenTryIt> | null = null;

if (opener) {
  opener.classList.remove("invisible");
  opener.addEventListener("click", () => {
    if (failure) failure.hidden = true;
    opener.setAttribute("aria-busy", "true");
    client ??= loadClient();
    client.then(
      (open) => open(opener),
      () => {
        client = null;
        if (failure) failure.hidden = false;
      },
    ).finally(() => opener.removeAttribute("aria-busy"));
  });
}

async function loadClient(): Promise<OpenTryIt> {
  const here = import.meta.url;
  await new Promise((resolve, reject) => {
    const stylesheet = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("client.css", here).href });
    stylesheet.addEventListener("load", resolve);
    stylesheet.addEventListener("error", reject);
    document.head.append(stylesheet);
  });
  const loaded = (await import(new URL("client.js", here).href)) as { openTryIt: OpenTryIt };
  return loaded.openTryIt;
}
