/**
 * The event names the rollups and profile facts read (Segment's e-commerce and subscription spec names).
 * The incremental path and the rebuild from raw events must agree on them, so both take them from here.
 */
export const PURCHASE_EVENT = "Order Completed";
export const SUBSCRIPTION_CANCELLED = "Subscription Cancelled";
export const SUBSCRIPTION_EVENTS = [
  "Subscription Started",
  "Subscription Changed",
  "Subscription Renewed",
  SUBSCRIPTION_CANCELLED,
];
