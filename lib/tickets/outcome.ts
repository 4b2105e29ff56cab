/** A ticket refused on its own, reported back by its position in the request. */
export type RejectedTicket = { index: number; externalId: string | null; reason: string; message: string };

/** What became of each accepted ticket, by its position in the request. */
export type TicketResult = {
  index: number;
  id: number;
  externalId: string;
  customerId: number;
  result: "created" | "updated" | "unchanged";
};

/**
 * What storing a batch of tickets came to. `unchanged` counts tickets stored before exactly as sent (a retry,
 * or a CSV imported again): upserts are idempotent.
 */
export type TicketOutcome = {
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedTicket[];
  tickets: TicketResult[];
};
