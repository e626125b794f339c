import "server-only";
import { z } from "zod";
import { fail } from "@/lib/action-result";

export const validationFailed = (error: z.ZodError) =>
  fail("VALIDATION_FAILED", "Certains champs sont à corriger.", z.flattenError(error).fieldErrors as Record<string, string[]>);
