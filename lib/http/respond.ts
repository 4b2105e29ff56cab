import { NextResponse } from "next/server";
import { z } from "zod";
import { DomainError, Invalid } from "@/lib/errors";

/** Maps what a handler threw to a JSON response: typed errors keep their status, anything else is a 500. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof Invalid) {
    return NextResponse.json({ error: error.message, fields: error.fields }, { status: 400 });
  }
  if (error instanceof DomainError) {
    return NextResponse.json({ error: error.message }, { status: error.status });
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json({ error: "Invalid request", fields: fieldErrors(error) }, { status: 400 });
  }
  console.error("[api] unexpected error:", error instanceof Error ? error.message : error);
  return NextResponse.json({ error: "Something went wrong on our side." }, { status: 500 });
}

/** zod issues as { "path.to.field": "message" }, the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Reads a JSON body, turning malformed JSON into a 400 rather than a 500. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new Invalid("The request body must be valid JSON.");
  }
}
