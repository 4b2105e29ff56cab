import {
  CHANNEL_WEIGHTS,
  type Channel,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  type Interval,
  LAST_NAMES,
  type Plan,
  REGIONS,
  type Region,
} from "./catalog";
import type { Random } from "./random";
import { DAY, HOUR, localDayStart, MINUTE, momentBetween } from "./time";

/** What the whole simulation shares: the seed, the simulated clock and the size of the demo. */
export type SimulationContext = {
  seed: number;
  /** Epoch ms; nothing happens after it. */
  now: number;
  days: number;
  customers: number;
  /** now − days: the first possible sign-up. */
  windowStart: number;
};

/** casual customers drift away, power users use the core features several times a week. */
export type Persona = "casual" | "regular" | "power";

/** When (and whether) a sign-up starts a subscription. */
export type Commitment = "immediately" | "after a sampler" | "never";

export type CustomerProfile = {
  number: number;
  externalId: string;
  name: string;
  email: string;
  region: Region;
  channel: Channel;
  plan: Plan;
  interval: Interval;
  persona: Persona;
  /** Owns a connected brewer: the customers who write in about "integration setup". */
  smartBrewer: boolean;
  commitment: Commitment;
  /** How many of the three onboarding steps the customer will complete (0–3). */
  onboardingSteps: number;
  signupAt: number;
  anonymousId: string | null;
};

/**
 * Sign-ups grow over the window: the daily rate at the end is GROWTH times the rate at the start (exponential
 * growth, as for a shop whose marketing compounds).
 */
const GROWTH = 3.5;

/** The profile of customer number index + 1. Sign-up times increase with the index. */
export function makeProfile(random: Random, ctx: SimulationContext, index: number): CustomerProfile {
  const number = index + 1;
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const region = random.weighted(REGIONS.map((r) => [r, r.weight] as const));
  const channel = random.weighted(CHANNEL_WEIGHTS);
  const persona = random.weighted<Persona>([
    ["casual", 30],
    ["regular", 62],
    ["power", channel === "referral" ? 14 : 8],
  ]);
  return {
    number,
    externalId: `user_${String(number).padStart(5, "0")}`,
    name: `${firstName} ${lastName}`,
    email: `${slug(firstName)}.${slug(lastName)}.${number}@${random.pick(EMAIL_DOMAINS)}`,
    region,
    channel,
    plan: random.weighted<Plan>([
      ["basic", 50],
      ["pro", 35],
      ["family", 15],
    ]),
    interval: random.chance(persona === "power" ? 0.2 : 0.1) ? "year" : "month",
    persona,
    smartBrewer: random.chance(0.18),
    commitment:
      persona === "power"
        ? random.weighted<Commitment>([
            ["immediately", 90],
            ["after a sampler", 10],
          ])
        : random.weighted<Commitment>([
            ["immediately", 72],
            ["after a sampler", 14],
            ["never", 14],
          ]),
    onboardingSteps: onboardingSteps(random, channel, persona),
    signupAt: signupMoment(random, ctx, index, region.utcOffset),
    anonymousId: random.chance(0.6) ? uuidLike(random) : null,
  };
}

/**
 * Each onboarding step is reached by a share of those who reached the previous one; customers from paid
 * channels drop out more, referred customers less, and power users almost never.
 */
function onboardingSteps(random: Random, channel: Channel, persona: Persona): number {
  const adjust = channel === "paid_search" || channel === "social" ? -0.1 : channel === "referral" ? 0.05 : 0;
  const rates = persona === "power" ? [0.98, 0.97, 0.95] : [0.88 + adjust, 0.8 + adjust, 0.72 + adjust];
  let steps = 0;
  for (const rate of rates) {
    if (!random.chance(rate)) break;
    steps++;
  }
  return steps;
}

/**
 * Stratified sampling of the growth curve: customer i gets a point in the i-th slice of the cumulative
 * distribution, so numbers follow sign-up order and the curve is smooth even for small demos.
 */
function signupMoment(random: Random, ctx: SimulationContext, index: number, utcOffset: number): number {
  const u = (index + random.next()) / ctx.customers;
  const g = Math.log(GROWTH);
  const fraction = Math.log(1 + u * (Math.exp(g) - 1)) / g;
  const rough = ctx.windowStart + fraction * ctx.days * DAY;
  const day = localDayStart(rough, utcOffset);
  let at = momentBetween(random, day, day + DAY, utcOffset);
  if (at < ctx.windowStart) at += DAY;
  if (at > ctx.now - MINUTE) at = ctx.now - random.int(1, 120) * MINUTE;
  return Math.max(at, ctx.windowStart + HOUR);
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, "");
}

/** A version-4-shaped UUID from the seeded stream, like the anonymousId analytics.js stores in a cookie. */
function uuidLike(random: Random): string {
  const hex = random.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
