// The one script of /docs/api (README "API"), a few hundred bytes: it shows the "Try it" button
// that the static page renders hidden (without JavaScript it could do nothing), and when it is
// pressed, loads the client (./client.tsx) and its stylesheet from beside this file, once.
type OpenTryIt = (opener: HTMLElement) => void;

const opener = document.querySelector<HTMLButtonElement>("button[data-try-it]");
const failure = document.querySelector<HTMLElement>("[data-try-it-failure]");
let client: Promise<OpenTryIt> | null = null;
let stylesheet: Promise<unknown> | null = null;
let failures = 0;

if (opener) {
  opener.classList.remove("invisible");
  opener.addEventListener("click", () => {
    if (failure) failure.hidden = true;
    opener.setAttribute("aria-busy", "true");
    client ??= loadClient();
    client
      .then(
        (open) => open(opener),
        () => {
          client = null;
          failures += 1;
          if (failure) failure.hidden = false;
        },
      )
      .finally(() => opener.removeAttribute("aria-busy"));
  });
}

async function loadClient(): Promise<OpenTryIt> {
  stylesheet ??= new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("client.css", import.meta.url).href });
    link.addEventListener("load", resolve);
    link.addEventListener("error", () => {
      link.remove();
      stylesheet = null;
      reject(new Error("client.css did not load"));
    });
    document.head.append(link);
  });
  await stylesheet;
  // The browser remembers a module that failed to load as failed: a retry asks for a new URL.
  const url = new URL(failures ? `client.js?retry=${failures}` : "client.js", import.meta.url);
  const loaded = (await import(url.href)) as { openTryIt: OpenTryIt };
  return loaded.openTryIt;
}
