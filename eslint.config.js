import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "fixtures/**/*.lua"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      // Determinism: the simulation owns time and randomness.
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Use the simulation clock." },
        { object: "Math", property: "random", message: "Use the simulation's seeded Rng." },
        { object: "performance", property: "now", message: "Use the simulation clock." },
      ],
      "no-restricted-globals": [
        "error",
        { name: "setTimeout", message: "Schedule on the simulation." },
        { name: "setInterval", message: "Schedule on the simulation." },
        { name: "setImmediate", message: "Schedule on the simulation." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date']", message: "Use the simulation clock." },
      ],
      // No real network in the simulation.
      "no-restricted-imports": [
        "error",
        {
          paths: ["net", "dgram", "dns", "http", "https", "tls", "node:net", "node:dgram", "node:dns", "node:http", "node:https", "node:tls"].map(
            (name) => ({ name, message: "src/ never opens real sockets; simulate instead." }),
          ),
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
