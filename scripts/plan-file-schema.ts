// Writes docs/format-plan.schema.json from the plan file's zod schema (lib/validation/plan-file.ts):
// run it after changing the format; lib/validation/plan-file.test.ts fails while the file is behind.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { planFileJsonSchema } from "@/lib/validation/plan-file";

const target = path.resolve(import.meta.dirname, "../docs/format-plan.schema.json");
writeFileSync(target, `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`);
console.log(
  `${path.relative(process.cwd(), target)} écrit : mettez-le en forme avec npx prettier --write ${path.relative(process.cwd(), target)}`,
);
