// Builds the Try it bundle of /docs/api into public/try-it/ (README "API"): entry.js, the page's
// one script, and client.js with client.css, the interactive client it loads on demand, plus
// their chunks. The reference is a page with none of Next's scripts (pages/docs/api.tsx), so this
// client is bundled here, by esbuild, rather than by Next. Run by `npm run build` and `npm run dev`.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const OUT_DIR = "public/try-it";

rmSync(OUT_DIR, { recursive: true, force: true });
await build({
  entryPoints: { entry: "components/docs/try-it/entry.ts", client: "components/docs/try-it/client.tsx" },
  outdir: OUT_DIR,
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  target: "es2022",
  minify: true,
  jsx: "automatic",
  // React's production build, and Vue's (Scalar is a Vue app) without its devtools.
  define: {
    "process.env.NODE_ENV": '"production"',
    __VUE_OPTIONS_API__: "true",
    __VUE_PROD_DEVTOOLS__: "false",
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
  },
  logLevel: "warning",
});
