/**
 * The demo shop's vocabulary: plans and prices, where customers come from, what they look at and what they
 * write to support. Kept apart from the simulation so the behaviour code reads as behaviour.
 */

export const PLANS = ["basic", "pro", "family"] as const;
export type Plan = (typeof PLANS)[number];
export type Interval = "month" | "year";

/** Monthly price in USD; the annual plan costs ten months (two months free). */
export const MONTHLY_PRICE: Record<Plan, number> = { basic: 24, pro: 39, family: 59 };
export const ANNUAL_PRICE: Record<Plan, number> = { basic: 240, pro: 390, family: 590 };
/** Bags of coffee in a box. */
export const BAGS: Record<Plan, number> = { basic: 2, pro: 3, family: 5 };

export function mrrOf(plan: Plan, interval: Interval): number {
  return interval === "month" ? MONTHLY_PRICE[plan] : Math.round((ANNUAL_PRICE[plan] / 12) * 100) / 100;
}

export function amountOf(plan: Plan, interval: Interval): number {
  return interval === "month" ? MONTHLY_PRICE[plan] : ANNUAL_PRICE[plan];
}

export const CHANNELS = ["organic", "paid_search", "social", "referral", "email"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ["organic", 35],
  ["paid_search", 25],
  ["social", 15],
  ["referral", 15],
  ["email", 10],
];

/** Country, its customers' time zones, and a fixed UTC offset used to place activity in the local day. */
export const REGIONS = [
  { country: "US", weight: 30, timeZone: "America/New_York", utcOffset: -5 },
  { country: "US", weight: 18, timeZone: "America/Chicago", utcOffset: -6 },
  { country: "US", weight: 7, timeZone: "America/Denver", utcOffset: -7 },
  { country: "US", weight: 15, timeZone: "America/Los_Angeles", utcOffset: -8 },
  { country: "CA", weight: 9, timeZone: "America/Toronto", utcOffset: -5 },
  { country: "CA", weight: 5, timeZone: "America/Vancouver", utcOffset: -8 },
  { country: "GB", weight: 9, timeZone: "Europe/London", utcOffset: 0 },
  { country: "AU", weight: 7, timeZone: "Australia/Sydney", utcOffset: 10 },
] as const;
export type Region = (typeof REGIONS)[number];

// Names as one string each: a list of a hundred short literals is noise to read.
export const FIRST_NAMES: readonly string[] = (
  "Olivia Liam Emma Noah Ava Elijah Sophia James Isabella Lucas Mia Mateo Amelia Ethan Harper Aiden " +
  "Evelyn Leo Abigail Jack Emily Owen Ella Daniel Chloe Samuel Grace Henry Zoe Wei Priya Arjun Fatima " +
  "Omar Yuki Hana Diego Lucia Kofi Amara Sven Ingrid Nikos Elena Tariq Leila Malik Nia"
).split(" ");

export const LAST_NAMES: readonly string[] = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson " +
  "Anderson Thomas Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker Young Allen " +
  "King Wright Nguyen Patel Kim Chen Singh Okafor Mensah Rossi Novak Silva Cohen Murphy O'Brien Schmidt"
).split(" ");

/** Reserved example domains (RFC 2606): demo addresses can never reach a real inbox. */
export const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;

export const PAGES: readonly (readonly [string, number])[] = [
  ["Home", 3],
  ["Shop", 3],
  ["Account", 1.5],
  ["Recipes", 1.5],
  ["Box", 1.2],
  ["Pricing", 0.5],
  ["Gift Cards", 0.2],
];
export const PRE_SIGNUP_PAGES = ["Home", "Pricing", "Shop", "Home"] as const;

export const RECIPES = [
  { id: "rcp_v60", title: "Hario V60 pour-over", method: "pour_over" },
  { id: "rcp_chemex", title: "Chemex for two", method: "pour_over" },
  { id: "rcp_aeropress", title: "Inverted AeroPress", method: "aeropress" },
  { id: "rcp_french", title: "Four-minute French press", method: "french_press" },
  { id: "rcp_coldbrew", title: "Overnight cold brew", method: "cold_brew" },
  { id: "rcp_espresso", title: "Dialing in espresso", method: "espresso" },
  { id: "rcp_moka", title: "Stovetop moka pot", method: "moka_pot" },
] as const;

export const ROASTS = ["light", "medium", "dark", "decaf"] as const;
export const ADD_ON_PRICES = [12, 14, 16, 18, 22, 29] as const;

export const TICKET_CATEGORIES = [
  "billing",
  "shipping",
  "product quality",
  "integration setup",
  "account access",
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

type CategoryProfile = {
  subjects: readonly string[];
  channels: readonly (readonly [string, number])[];
  priorities: readonly (readonly [string, number])[];
  /** Median hours from creation to a solution. */
  medianHoursToSolve: number;
  /** Share of tickets nobody ever solves. */
  unsolvedShare: number;
  /** What customers type into the help center before writing in. */
  searches: readonly string[];
  /** Share of those searches that find nothing. */
  zeroResultShare: number;
  articles: readonly string[];
};

export const TICKET_PROFILES: Record<TicketCategory, CategoryProfile> = {
  billing: {
    subjects: [
      "Charged twice for my renewal",
      "Unexpected charge on my card",
      "Renewal charged after I skipped",
      "Need a receipt for my last box",
      "Refund for this month's box",
      "Card declined at renewal",
    ],
    channels: [
      ["email", 4],
      ["phone", 3],
      ["chat", 2],
      ["web", 1],
    ],
    priorities: [
      ["low", 1],
      ["normal", 5],
      ["high", 3],
      ["urgent", 1],
    ],
    medianHoursToSolve: 10,
    unsolvedShare: 0.1,
    searches: ["refund", "charged twice", "change payment method", "renewal date", "invoice"],
    zeroResultShare: 0.1,
    articles: ["How renewals and charges work", "Updating your payment method", "Requesting a refund"],
  },
  shipping: {
    subjects: [
      "Where is my box?",
      "Tracking hasn't updated in a week",
      "Box delivered to the wrong address",
      "Package arrived damaged",
      "Change delivery address",
    ],
    channels: [
      ["email", 3],
      ["chat", 4],
      ["web", 3],
    ],
    priorities: [
      ["low", 2],
      ["normal", 6],
      ["high", 2],
    ],
    medianHoursToSolve: 20,
    unsolvedShare: 0.06,
    searches: ["where is my order", "tracking", "delivery address", "damaged package"],
    zeroResultShare: 0.08,
    articles: ["Tracking your box", "Changing your delivery address", "Damaged or missing deliveries"],
  },
  "product quality": {
    subjects: [
      "Beans tasted stale",
      "Wrong grind size in my box",
      "Received decaf instead of dark roast",
      "Bag was open on arrival",
      "Roast date is too old",
    ],
    channels: [
      ["email", 5],
      ["web", 3],
      ["chat", 2],
    ],
    priorities: [
      ["low", 3],
      ["normal", 5],
      ["high", 2],
    ],
    medianHoursToSolve: 30,
    unsolvedShare: 0.06,
    searches: ["stale beans", "grind size", "roast date", "wrong coffee"],
    zeroResultShare: 0.15,
    articles: ["Our freshness promise", "Choosing a grind size", "Getting a replacement bag"],
  },
  "integration setup": {
    subjects: [
      "Can't connect my smart brewer",
      "Brewer reorder button not working",
      "Alexa reordering doesn't find my subscription",
      "Brewer app keeps logging me out",
      "Smart grinder settings don't sync",
    ],
    channels: [
      ["chat", 4],
      ["email", 3],
      ["web", 3],
    ],
    priorities: [
      ["low", 2],
      ["normal", 5],
      ["high", 3],
    ],
    medianHoursToSolve: 60,
    unsolvedShare: 0.3,
    searches: ["connect brewer", "alexa reorder", "smart grinder", "brewer wifi", "pairing code"],
    zeroResultShare: 0.5,
    articles: ["Connecting a smart brewer", "Reordering with Alexa"],
  },
  "account access": {
    subjects: [
      "Can't log in",
      "Password reset email never arrives",
      "Login link expired",
      "Locked out after changing email",
    ],
    channels: [
      ["chat", 5],
      ["web", 3],
      ["phone", 2],
    ],
    priorities: [
      ["normal", 4],
      ["high", 4],
      ["urgent", 2],
    ],
    medianHoursToSolve: 4,
    unsolvedShare: 0.04,
    searches: ["reset password", "login link", "change email", "locked out"],
    zeroResultShare: 0.05,
    articles: ["Resetting your password", "Signing in with a magic link"],
  },
};

export const GENERAL_SEARCHES = [
  "skip a box",
  "gift subscription",
  "pause subscription",
  "decaf options",
  "brew ratio",
];
export const GENERAL_ARTICLES = ["Skipping or pausing a box", "Gifting a subscription", "Brew ratios cheat sheet"];

export const ASSIGNEES = [
  "Maya Chen",
  "Luis Ortega",
  "Priya Raman",
  "Sam O'Connor",
  "Jonas Weber",
  "Aisha Bello",
] as const;

export const CANCEL_REASONS: readonly (readonly [string, number])[] = [
  ["too_expensive", 4],
  ["too_much_coffee", 3],
  ["switching_brand", 2],
  ["moving", 1],
  ["other", 2],
];

export const NPS_COMMENTS = {
  promoter: [
    "Best single-origin picks I've had",
    "Love customizing my box every month",
    "The recipes got me into pour-over",
    "Always fresh, always on time",
  ],
  passive: ["Good coffee, a bit pricey", "Shipping could be faster", "Would like more decaf options"],
  detractor: [
    "Support never fixed my brewer connection",
    "Too expensive for what it is",
    "Got charged when I had skipped",
    "Beans arrived stale twice",
    "Hard to cancel or pause",
  ],
} as const;

export const SATISFACTION_COMMENTS = {
  good: ["Quick and friendly, thanks!", "Solved on the first reply", "Great service"],
  bad: ["Took days to get an answer", "Had to explain the problem three times", "Still not working"],
} as const;
