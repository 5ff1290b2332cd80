import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "drizzle/**", ".tmp/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The browser boundary: client components never reach the database or the domain layer.
    files: ["app/**/*.client.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db/*", "@/lib/*", "!@/lib/metrics", "@/lib/metrics/*", "!@/lib/metrics/format", "!@/lib/i18n", "@/lib/i18n/*", "!@/lib/i18n/messages"], message: "Client components must not import lib/ or db/." }] }],
    },
  },
];

export default config;
