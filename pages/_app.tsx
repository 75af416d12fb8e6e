// The Pages Router serves the guides, their index and their search (pages/docs/), as HTML with no
// JavaScript at all: README "Performance" says why. The App Router (app/) serves everything else.
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
