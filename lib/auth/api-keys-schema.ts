import { z } from "zod";
import { NotFound } from "@/lib/errors";

export const apiKeyNameSchema = z
  .string({ message: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(80, "Use at most 80 characters");

export const newApiKeySchema = z.object({ name: apiKeyNameSchema });
export type NewApiKey = z.infer<typeof newApiKeySchema>;

/** A key id from a URL or form; a malformed one is a key that does not exist (404), not bad input. */
export function parseApiKeyId(value: unknown): string {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new NotFound("That API key does not exist in this workspace");
  return parsed.data;
}
