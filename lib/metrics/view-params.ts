import { Invalid } from "@/lib/errors";

type SearchParams = Record<string, string | string[] | undefined>;

/** A page's search parameters as the `get` the query parsers read (repeated parameters count as absent). */
export function paramReader(params: SearchParams) {
  return { get: (name: string) => (typeof params[name] === "string" ? (params[name] as string) : null) };
}

/**
 * For analytics pages: the view the URL asks for, or, when a parameter is malformed, the default view with
 * the reason to show above it. Only bad input falls back; any other error still fails the request.
 */
export function viewOrDefault<Q>(parse: () => Q, fallback: () => Q): { query: Q; problem: string | null } {
  try {
    return { query: parse(), problem: null };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { query: fallback(), problem: error.message };
  }
}
