// The <head> of a Pages Router docs page (pages/docs/): its title in the app's "… · Switchboard"
// form, its description and, for a page of search results, its canonical address.
// Every page under pages/ also exports `config = { unstable_runtimeJS: false }` (an object literal:
// Next reads it from the source). Next then writes no script at all, not even its runtime, so a
// guide costs a phone no JavaScript (README "Performance"); links are plain navigations and search
// is a GET form.
import Head from "next/head";

export function DocsHead({ title, description, canonical }: { title: string; description: string; canonical?: string }) {
  return (
    <Head>
      <title>{`${title} · Switchboard`}</title>
      <meta name="description" content={description} />
      {canonical ? <link rel="canonical" href={canonical} /> : null}
    </Head>
  );
}
