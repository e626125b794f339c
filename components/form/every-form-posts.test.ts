import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * A `<form>` with only an `onSubmit` is sent by the browser as a GET to the current address when
 * it is submitted before React has hydrated (a slow phone, JavaScript off): every field, passwords
 * included, ends up in the address bar, the history and the server's logs. Every form of the app
 * has an `action` written on its tag (its server action: useFormAction's `formAction`) or a `method`.
 */
const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string, pattern = /\.tsx$/): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative, pattern);
    return pattern.test(entry.name) && !/\.test\./.test(entry.name) ? [relative] : [];
  });
}

describe("every form posts (or is a GET search form on purpose)", () => {
  const files = [...sources("app"), ...sources("components")];
  it("finds the app's forms", () => {
    expect(files.filter((f) => /<form\b/.test(readFileSync(path.join(root, f), "utf8"))).length).toBeGreaterThan(20);
  });
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    const forms = [...source.matchAll(/<form\b((?:=>|[^>])*)>/g)].map((m) => m[1]!);
    if (forms.length === 0) continue;
    it(`${file}: ${forms.length} form(s), each with an action or a method`, () => {
      for (const attributes of forms) {
        // Written on the tag itself, so that a reader (or a tool) sees it without following a spread.
        expect(/\baction=|\bmethod=/.test(attributes), `<form${attributes}>`).toBe(true);
      }
    });
  }
});

describe("one form hook", () => {
  it("react-hook-form's useForm and React's useActionState are only used through useFormAction", () => {
    const offenders = [...sources("app", /\.tsx?$/), ...sources("components", /\.tsx?$/)].filter((file) => {
      if (file === path.join("components", "form", "use-form-action.ts")) return false;
      const source = readFileSync(path.join(root, file), "utf8");
      return /\buseForm\(|\buseActionState\(/.test(source);
    });
    expect(offenders).toEqual([]);
  });
});
