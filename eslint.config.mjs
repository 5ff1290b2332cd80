import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import replyhour from "./scripts/lint/no-import-cycle.mjs";

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
    // No import cycles: a module's dependencies can be read before it.
    files: ["lib/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "db/**/*.ts"],
    plugins: { replyhour },
    rules: { "replyhour/no-import-cycle": "error" },
  },
  {
    // One door: app/ calls lib/, never the database.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/**/*.client.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*"], message: "app/ calls lib/; only lib/ reaches the database." }] }],
    },
  },
  {
    // Every query is async: the synchronous better-sqlite3 terminators would not exist on another engine.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(all|get|run)$/]",
          message: "Await the query instead of calling the synchronous .all()/.get()/.run().",
        },
        { selector: "MemberExpression[property.name='$client']", message: "lib/ reaches the database through db/, not the raw client." },
      ],
    },
  },
  {
    // The browser boundary: client components never reach the database or the domain layer.
    files: ["app/**/*.client.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db/*", "@/lib/*", "!@/lib/metrics", "@/lib/metrics/*", "!@/lib/metrics/format", "!@/lib/i18n", "@/lib/i18n/*", "!@/lib/i18n/messages", "!@/lib/i18n/format"], message: "Client components must not import lib/ or db/." }] }],
    },
  },
];

export default config;
