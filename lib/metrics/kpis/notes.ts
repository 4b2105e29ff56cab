/**
 * "How is this computed" for each KPI: the words the Overview shows beside each number and docs/metrics.md
 * repeats, so the product and the documentation cannot drift apart. They describe lib/metrics/kpis exactly.
 */
export const KPI_NOTES = {
  period:
    "P runs from the first day's midnight to the midnight after the last day, in the workspace's time zone. The previous period has the same number of days and ends the day before P starts.",
  customerRetentionRate:
    "(E − N) / S, where S = active customers at the start of P, E = active customers at its end and N = customers acquired during P (also those who left again before the end). A customer is active while their latest subscription event is not a cancellation; a workspace without any subscription events counts customers with an activity (track, page or screen event) in the inactivity window (90 days by default) instead, and acquires a customer on their first active day.",
  churnRate:
    "Customers active at the start of P who are not active at its end, divided by the customers active at the start (same meaning of active as the retention rate).",
  repeatPurchaseRate:
    "Customers with 2 or more orders in P divided by customers with at least 1 order in P. Orders are the purchase event (Order Completed by default), unique per customer by order_id, counted at their first event.",
  averageOrderValue:
    "(Σ revenue − Σ discount) / number of orders in P. Revenue is the order's revenue property, falling back to total when it is missing; discount is its discount property. An order sent twice (same order_id) counts once.",
  mrr: "The sum of every customer's MRR at the end of P. A customer's MRR comes from their latest subscription event (Started, Changed, Renewed, Cancelled): its mrr property, else its amount (÷ 12 for yearly plans), and 0 after a cancellation. Movements in P: new (first paid subscription), reactivation (paying again after dropping to 0), expansion and contraction (changes of a paying customer), churn (a paying customer dropping to 0).",
  grossMrrChurn: "(Churned MRR + contraction MRR) in P / MRR at the start of P.",
  netMrrChurn:
    "(Churned + contraction − expansion − reactivation MRR) in P / MRR at the start of P. Negative when expansion and reactivation outweigh what was lost.",
  arpa: "Average revenue per account: MRR at the end of P / customers paying (MRR above 0) at the end of P.",
  ltv: 'ARPA / average monthly customer churn rate, averaged over the 6 complete calendar months before the end of P (or before today when P reaches today). Shown as "—" when churn is 0 (no meaningful lifetime).',
  ltvToCac:
    "LTV / CAC. CAC = acquisition spend / customers acquired over the months of P that have CAC entries in settings; an entry without a customer count uses the customers who signed up that month (on its channel). 3 or more is the usual guide.",
  nps: "% promoters (9–10) − % detractors (0–6) among NPS Submitted answers in P, passives (7–8) included in the total. Each customer's latest answer in P counts once. From −100 to 100.",
  timeToFirstValue:
    "For customers who signed up in P: time from signing up (the signup event, or the first event when none is set) to their first activation event. Median and 90th percentile over the customers who activated; customers who never did stay in the cohort and are shown as not activated (with the activation rate), not dropped.",
  onboardingCompletion:
    "Customers who signed up in P and performed every onboarding step within the onboarding window (14 days by default) of signing up / customers who signed up in P. The funnel shows how many performed steps 1 to k within the window.",
  featureActivation:
    "Per core feature event: customers who signed up in P and performed it at least once within the onboarding window (14 days by default) of signing up / customers who signed up in P.",
} as const;

export type KpiNoteKey = keyof typeof KPI_NOTES;
