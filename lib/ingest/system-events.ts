/**
 * Events Tenure records itself, beside what customers did: `Segment Entered` / `Segment Exited` today. They
 * are rows of `events` (so a journey can start from them, the profile timeline shows them and analytics can
 * read them by name) with this type, which no tracking call can have (the API accepts only Segment's call
 * types). They are not customer activity: like identify, group and alias they never count as "any event",
 * active, first or last seen, and the data-quality views (which watch incoming tracking) leave them out.
 */
export const SYSTEM_EVENT_TYPE = "system";
