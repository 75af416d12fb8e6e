import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: [".next/**", ".next-e2e/**", "public/try-it/**", ".data/**", "drizzle/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Components run in the browser (or render there): the database and the services that write
  // to it must never be bundled into them. Types are fine; they vanish at build time.
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "@/db/**", "@/lib/services/*", "@/lib/audit/record", "postgres", "drizzle-orm", "drizzle-orm/*"],
              allowTypeImports: true,
              message: "Components must not reach the database: load data in the page (db/queries) and pass it down.",
            },
          ],
        },
      ],
    },
  },
  // Playwright fixtures call `use()`, which is not React's hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
];

export default config;
