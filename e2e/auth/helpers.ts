import type { Page } from "@playwright/test";

export { expectAccessible, expectAccessibleAtEachWidth } from "../support/accessibility";

/** The sign-in form (Next renders its own role=alert route announcer: scope to the form). */
export const signInForm = (page: Page) => page.getByRole("main").locator("form");
