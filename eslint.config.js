import js from "@eslint/js";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "bench/floor/build/**",
      "bench/floor/public/build/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "app/tailwind.css",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Tests call route actions directly; inside the app, nothing imports a route. A form's page
    // deferred out of its route's first load (app/forms/deferred.tsx) takes its loader's and
    // action's types from it: a type import is no import at run time.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/routes/*", "../routes/*"],
              message: "Routes never import other routes.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The data layer stands on its own (issue 14.3): app/ uses db/, db/ never imports app/. Pure
    // code both need (folding, collation, names, partial dates, the history's diff) is in db/shared.
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/*", "**/app/*", "**/app"],
              message: "db/ never imports app/: move shared pure code to db/shared.",
            },
          ],
        },
      ],
    },
  },
);
