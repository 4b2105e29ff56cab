/** The "how is this computed" text of the cohort table; docs/metrics.md says the same. */
export const RETENTION_NOTES = [
  "A customer's cohort is the period of their first start event ever (first time), or every period in which they performed it (recurring). History before the range counts: a customer who started earlier is in no first-time cohort.",
  "A cell counts the cohort's customers who performed the return event in that period (on), or in that period or any later one (on or after). Week 0 is the whole cohort, 100% by definition. Periods that have not started yet are left blank.",
  "The weighted mean row adds up the cells and the cohort sizes of every cohort whose period at that offset is complete, so the running week never drags the average down.",
  "Breaking down by a trait keeps its 10 most common values among cohort members; the rest are grouped as Other, customers without the trait as (none). Merged profiles count as one customer.",
];
