/**
 * Where a ticket is shown: on its customer's profile, in the support tickets card, opened. Other pages (the
 * Support page's ticket lists) link here; the profile's timeline links to the same anchor.
 */
export function ticketAnchor(ticketId: number): string {
  return `ticket-${ticketId}`;
}

export function customerTicketHref(customerId: number, ticketId: number): string {
  return `/customers/${customerId}#${ticketAnchor(ticketId)}`;
}
