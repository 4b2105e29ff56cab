/**
 * What a CSV column can become, per kind of import. A customers file becomes one `identify` per row, an
 * events file one `track` per row; the column targets are the Segment fields those calls carry, plus "trait"
 * or "property" for any other column (kept under a key, by default the column's name) and "ignore". A tickets
 * file becomes one ticket per row, upserted through the ticket API's domain (lib/tickets/upsert.ts).
 */
export const IMPORT_KINDS = ["customers", "events", "tickets"] as const;
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
  "ticket_id",
  "source",
  "channel",
  "category",
  "tags",
  "priority",
  "status",
  "subject",
  "assignee",
  "created_at",
  "updated_at",
  "first_reply_at",
  "solved_at",
  "reopened_at",
  "satisfaction_rating",
  "satisfaction_comment",
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
  tickets: [
    {
      target: "ticket_id",
      label: "Ticket ID (required)",
      hint: "The help desk's ticket number; importing it again updates the ticket.",
    },
    {
      target: "user_id",
      label: "User ID",
      hint: "The requester's id in your product; a user id or an email is required.",
    },
    {
      target: "email",
      label: "Requester email",
      hint: "Finds the customer by their email trait when there is no user id.",
    },
    {
      target: "channel",
      label: "Channel (required)",
      hint: "email, chat, phone or web (web form, voice, messaging are understood).",
    },
    { target: "created_at", label: "Created at (required)", hint: "When the ticket was opened." },
    { target: "status", label: "Status", hint: "new, open, pending (or hold), solved or closed." },
    {
      target: "solved_at",
      label: "Solved at",
      hint: "When it was solved; several times separated by ; for a ticket solved again after a reopen.",
    },
    {
      target: "reopened_at",
      label: "Reopened at",
      hint: "When it was reopened after a solve; several times separated by ;.",
    },
    { target: "first_reply_at", label: "First agent reply at", hint: "When an agent first answered." },
    {
      target: "updated_at",
      label: "Updated at",
      hint: "When the ticket last changed; dates a status the other columns do not.",
    },
    { target: "category", label: "Category", hint: "The topic, such as Billing." },
    { target: "tags", label: "Tags", hint: "Separated by commas, semicolons or spaces." },
    { target: "priority", label: "Priority", hint: "low, normal, high or urgent." },
    { target: "subject", label: "Subject", hint: "The ticket's title." },
    { target: "assignee", label: "Assignee", hint: "The agent handling it." },
    { target: "satisfaction_rating", label: "Satisfaction rating", hint: "A whole number from 1 to 5." },
    { target: "satisfaction_comment", label: "Satisfaction comment", hint: "What the customer wrote with the rating." },
    {
      target: "source",
      label: "Source",
      hint: "The help desk it comes from; ticket ids are unique per source (default api).",
    },
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
  tickets: {
    title: "Support tickets",
    description: "One row per help-desk ticket, linked to its customer by user id or email. Each row upserts a ticket.",
  },
};

export function targetsOf(kind: ImportKind): Target[] {
  return KIND_TARGETS[kind].map((t) => t.target);
}

export function targetLabel(kind: ImportKind, target: Target): string {
  return KIND_TARGETS[kind].find((t) => t.target === target)?.label ?? target;
}
