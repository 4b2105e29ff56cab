/**
 * "How is this computed" for each support number: the words the Support page shows beside it and
 * docs/support.md repeats. They describe lib/support exactly (METRICS.md "Feedback and support").
 */
export const SUPPORT_NOTES = {
  scope:
    "Every number except the backlog counts the tickets created in the range (local days in the workspace's time zone). A ticket's resolution history comes from its status changes.",
  volume: "Tickets created per period, by category and by channel. Tickets without a category are shown as “(none)”.",
  backlog:
    "Tickets open right now (status new, open or pending: not solved or closed), whatever the range, with their age: now − created.",
  firstResponse:
    "Created → first agent reply. Median and 90th percentile over the tickets answered so far; unanswered tickets are counted beside it, never as zero.",
  firstResolution:
    "Created → the first time the ticket became solved (solved or closed). Median and 90th percentile; tickets never solved are counted as open, not as zero.",
  fullResolution:
    "Created → the last time it became solved, for tickets resolved now. A ticket reopened and still open has no full resolution time yet and is counted as open.",
  businessHours:
    "In business hours, only the time inside the support hours counts (Settings → Support hours, in the workspace's time zone): a ticket written Friday 16:00 and solved Monday 10:00 with Mon–Fri 09:00–17:00 took 2 hours.",
  reopen: "Solved tickets later set back to new, open or pending / solved tickets (solved → closed is not a reopen).",
  csat: "Ratings of 4 or 5 / rated tickets, on the 1–5 satisfaction rating; the average rating beside it.",
  repeat:
    "A repeat issue is a ticket of the same customer in the same category created within 30 days (720 hours) after a previous one, also one before the range. Share = repeat tickets / tickets of the category. Many repeats mean the first answer did not stick: content or onboarding is missing.",
  followUp:
    "Solved tickets followed by a message to the customer (a tracked Email Sent or Message Sent event) within 48 hours after the first solution / solved tickets. Solutions younger than 48 hours wait until their window closes.",
  churn:
    "Each customer counts once, at the day of their first ticket in the range (per category: their first ticket of that category). Of those active that day, the share no longer active 60 days later. Active = an active subscription (latest subscription event not a cancellation) or, in a workspace without subscriptions, activity within the inactivity window (Settings → Metrics). Customers whose 60 days have not passed are left out. Without a ticket: the same churn rate over customer-windows starting on each month start of the range in which the customer wrote no ticket. Resolved = the first ticket was solved or closed when its 60 days ended.",
  correlation:
    "This is a correlation, not a cause: customers who write in, or whose tickets stay open, may differ in other ways.",
  chargeTiming:
    "For each ticket whose customer was charged before (their latest Subscription Started or Renewed event, as named in Settings → Metrics, at or before the ticket): whole days from that charge to the ticket. Share = tickets within 3 days (72 hours) after the charge / tickets after a charge. With charges spread over a monthly cycle, about 10% is what chance gives; far more means the charge itself raises questions.",
  helpCenter:
    "Help Center Searched events in the range, grouped by query (lower-cased, spaces trimmed). No results: results_count = 0. Followed by a ticket: the same customer created a ticket within 24 hours after the search.",
} as const;
