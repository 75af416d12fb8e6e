// The Pages Router serves the guides, their index, their search and the API reference (pages/docs/)
// as HTML without Next's runtime; the reference loads only Try it's own bundle, on demand. README
// "Lighthouse" says why. The App Router (app/) serves everything else, the 404 page included.
import type { AppProps } from "next/app";
import Head from "next/head";
import "@/app/globals.css";

export default function DocsApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Component {...pageProps} />
    </>
  );
}
