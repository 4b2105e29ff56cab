/**
 * Message types that make a customer "active" (METRICS.md): track, page and screen. identify, group and alias
 * only describe the customer. One definition for every rollup, fact table and segment check that counts them.
 */
export const ACTIVE_TYPES: ReadonlySet<string> = new Set(["track", "page", "screen"]);
