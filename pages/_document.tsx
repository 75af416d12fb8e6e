// The Pages Router's HTML around the docs, as app/layout.tsx's is around the App Router's pages.
// No theme cookie here either: these pages are static and follow the system setting (README "Dark mode").
import { Head, Html, Main, NextScript } from "next/document";

export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      </Head>
      <body className="min-h-screen font-sans">
        <Main />
        {/* Writes nothing: every page under pages/ turns Next's runtime off (components/docs/docs-head.tsx). */}
        <NextScript />
      </body>
    </Html>
  );
}
