/**
 * What a CSV column can become, per kind of import. A customers file becomes one `identify` per row, an
 * events file one `track` per row; the column targets are the Segment fields those calls carry, plus "trait"
 * or "property" for any other column (kept under a key, by default the column's name) and "ignore".
 */
export const IMPORT_KINDS = ["customers", "events"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const TARGETS = [
  "user_id",
  "anonymous_id",
  "email",
  "phone",
  "name",
  "event",
  "timestamp",
  "message_id",
  "trait",
  "property",
  "ignore",
] as const;
export type Target = (typeof TARGETS)[number];

/** Targets that take a key (the trait or property name). */
export const KEYED_TARGETS: ReadonlySet<Target> = new Set(["trait", "property"]);

export type TargetInfo = { target: Target; label: string; hint: string };

export const KIND_TARGETS: Record<ImportKind, readonly TargetInfo[]> = {
  customers: [
    { target: "user_id", label: "User ID (required)", hint: "The id of the customer in your own product." },
    { target: "email", label: "Email", hint: "Stored as the email trait." },
    { target: "phone", label: "Phone", hint: "Stored as the phone trait." },
    { target: "name", label: "Name", hint: "Stored as the name trait." },
    {
      target: "timestamp",
      label: "Timestamp",
      hint: "When these traits were true, such as the sign-up date. Without it the import time is used, which also becomes the customer's last-seen time.",
    },
    { target: "trait", label: "Trait", hint: "Any other fact about the customer, kept under the key you give." },
    { target: "ignore", label: "Don't import", hint: "The column is left out." },
  ],
  events: [
    { target: "user_id", label: "User ID", hint: "Who did it; a user id or an anonymous id is required." },
    { target: "anonymous_id", label: "Anonymous ID", hint: "A device or cookie id, when there is no user id." },
    { target: "event", label: "Event name (required)", hint: "For example Order Completed." },
    { target: "timestamp", label: "Timestamp (required)", hint: "When it happened." },
    {
      target: "message_id",
      label: "Message ID",
      hint: "A unique id per event; rows without one get an id made from their content.",
    },
    { target: "property", label: "Property", hint: "Any other detail of the event, kept under the key you give." },
    { target: "ignore", label: "Don't import", hint: "The column is left out." },
  ],
};

export const KIND_LABELS: Record<ImportKind, { title: string; description: string }> = {
  customers: {
    title: "Customers",
    description: "One row per customer with their traits (email, plan, …). Each row becomes an identify call.",
  },
  events: {
    title: "Events",
    description: "One row per thing a customer did, with when it happened. Each row becomes a track call.",
  },
};

export function targetsOf(kind: ImportKind): Target[] {
  return KIND_TARGETS[kind].map((t) => t.target);
}

export function targetLabel(kind: ImportKind, target: Target): string {
  return KIND_TARGETS[kind].find((t) => t.target === target)?.label ?? target;
}
