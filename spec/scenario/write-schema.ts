// Writes docs/scenario.schema.json from src/scenario/schema.ts: npm run docs:scenario-schema.
import { writeFileSync } from "node:fs";
import { scenarioSchema } from "../../src/scenario/schema.js";

writeFileSync(new URL("../../docs/scenario.schema.json", import.meta.url), JSON.stringify(scenarioSchema, null, 2) + "\n");
