import {
  ADD_ON_PRICES,
  amountOf,
  BAGS,
  CANCEL_REASONS,
  GENERAL_ARTICLES,
  GENERAL_SEARCHES,
  type Interval,
  mrrOf,
  NPS_COMMENTS,
  PAGES,
  type Plan,
  PRE_SIGNUP_PAGES,
  RECIPES,
  ROASTS,
  type TicketCategory,
} from "./catalog";
import { type CustomerProfile, makeProfile, type Persona, type SimulationContext } from "./customers";
import { Random } from "./random";
import { type CustomerStory, type StoryTicket, Timeline } from "./story";
import { playTicket, ticketExternalId } from "./tickets";
import { addMonths, DAY, HOUR, localDate, MINUTE, momentBetween } from "./time";

/**
 * One demo customer's life, from the first anonymous visit to today. The rules below are deliberately the
 * retention playbook Tenure is meant to reveal, so every dashboard has something true to show:
 *
 * - Each month a subscriber may become "at risk" (a hazard). Onboarding completers, power users and annual
 *   subscribers rarely do; customers with an unresolved ticket, a recent billing or integration ticket, or a
 *   detractor NPS score (0–6) often do.
 * - At-risk customers log in less and less, skip boxes and stop buying add-ons: purchase frequency falls for
 *   one or two months, then they cancel and go quiet. Some come back months later (reactivation).
 * - Billing tickets come right after renewal charges; integration setup tickets come back within weeks.
 */
export function simulateCustomer(ctx: SimulationContext, index: number): CustomerStory {
  const random = Random.derive(ctx.seed, index);
  const profile = makeProfile(random, ctx, index);
  return new CustomerLife(ctx, profile, random).live();
}

type SupportRecord = { category: TicketCategory; createdAt: number; firstSolvedAt: number | null };

/** Sessions per week while engaged. */
const SESSIONS_PER_WEEK: Record<Persona, number> = { casual: 0.9, regular: 1.8, power: 4.5 };
/** Share of sessions with the core features: viewing recipes and customizing the next box. */
const RECIPE_SHARE: Record<Persona, number> = { casual: 0.15, regular: 0.3, power: 0.75 };
const CUSTOMIZE_SHARE: Record<Persona, number> = { casual: 0.05, regular: 0.12, power: 0.6 };
/** One-off add-on orders per month while engaged. */
const ADD_ONS_PER_MONTH: Record<Persona, number> = { casual: 0.08, regular: 0.2, power: 0.45 };
/** Chance of skipping next month's box while engaged. */
const SKIP_SHARE: Record<Persona, number> = { casual: 0.12, regular: 0.06, power: 0.03 };

/** Monthly chance of becoming at risk before any of the multipliers in `riskOfLeaving`. */
const BASE_MONTHLY_RISK = 0.055;
/** How much a ticket in the last 60 days raises the risk, by category (ticket-driven churn). */
const RECENT_TICKET_RISK: Record<TicketCategory, number> = {
  billing: 1.6,
  "integration setup": 1.5,
  "product quality": 1.3,
  shipping: 1.2,
  "account access": 1.1,
};

class CustomerLife {
  private readonly timeline: Timeline;
  private readonly tickets: StoryTicket[] = [];
  private readonly support: SupportRecord[] = [];
  /** Tickets that will be written later (a repeat integration problem), if the customer is still around. */
  private scheduledTickets: { category: TicketCategory; at: number; tags: string[] }[] = [];
  private orderSeq = 0;
  private latestNps: number | null = null;
  private plan: Plan;
  private interval: Interval;
  private subscriptionStatus: "active" | "cancelled" | "none" = "none";

  constructor(
    private readonly ctx: SimulationContext,
    private readonly profile: CustomerProfile,
    private readonly random: Random,
  ) {
    this.timeline = new Timeline(ctx.now);
    this.plan = profile.plan;
    this.interval = profile.interval;
  }

  live(): CustomerStory {
    const { profile, random } = this;
    this.signUp();
    let subscribeAt: number | null = null;
    if (profile.commitment === "immediately") {
      subscribeAt = profile.signupAt + random.int(2, 90) * MINUTE;
    } else {
      // Tries the shop first: a few visits and often a sampler order; some subscribe weeks later.
      const decideAt = profile.signupAt + random.float(5, 35) * DAY;
      this.sessions(profile.signupAt + HOUR, decideAt, () => 1.6);
      if (random.chance(profile.commitment === "after a sampler" ? 0.75 : 0.4)) {
        this.order(profile.signupAt + random.float(0.05, 4) * DAY, "sampler", 14, 3, false);
      }
      if (profile.commitment === "after a sampler") subscribeAt = decideAt;
    }
    if (subscribeAt !== null) {
      const cancelledAt = this.subscription(subscribeAt, false);
      if (cancelledAt !== null && random.chance(profile.persona === "power" ? 0.25 : 0.12)) {
        // Reactivation: back after a few months, usually on the plan they left.
        if (random.chance(0.3)) this.plan = "basic";
        this.subscription(cancelledAt + random.float(45, 200) * DAY, true);
      }
    }
    return this.story();
  }

  private story(): CustomerStory {
    const { profile } = this;
    return {
      number: profile.number,
      externalId: profile.externalId,
      email: profile.email,
      anonymousId: profile.anonymousId,
      timeZone: profile.region.timeZone,
      signupAt: profile.signupAt,
      traits: {
        name: profile.name,
        email: profile.email,
        plan: this.plan,
        billing_interval: this.interval,
        subscription_status: this.subscriptionStatus,
        acquisition_channel: profile.channel,
        country: profile.region.country,
        signup_date: localDate(profile.signupAt, profile.region.utcOffset),
        smart_brewer: profile.smartBrewer,
      },
      events: this.timeline.sorted(),
      tickets: this.tickets,
    };
  }

  // ── Sign-up and onboarding ────────────────────────────────────────────────────────────────────────────

  private signUp() {
    const { profile, random, timeline } = this;
    const at = profile.signupAt;
    if (profile.anonymousId !== null) {
      // The anonymous visit that led to the sign-up, in the minutes or days before.
      let visit = at - random.float(0.01, 3) * DAY;
      const pages = random.int(1, 4);
      for (let i = 0; i < pages; i++) {
        const name = PRE_SIGNUP_PAGES[i % PRE_SIGNUP_PAGES.length] ?? "Home";
        timeline.add({ type: "page", name, at: visit, properties: pageProperties(name), anonymous: true });
        visit += random.int(10, 180) * 1000;
      }
    }
    timeline.add({
      type: "track",
      name: "Signed Up",
      at,
      properties: {
        method: random.weighted([
          ["email", 7],
          ["google", 3],
        ] as const),
        plan: profile.plan,
      },
      withAnonymousId: true,
    });
    timeline.add({
      type: "identify",
      name: null,
      at: at + 1000,
      properties: { name: profile.name, email: profile.email, plan: profile.plan, channel: profile.channel },
      withAnonymousId: true,
    });
    // The three onboarding steps, in order; some customers stop partway and a few finish late (after the
    // default 14-day window of the onboarding completion rate).
    let step = at;
    const steps = ["Profile Completed", "Preferences Set", "First Box Customized"] as const;
    for (let i = 0; i < profile.onboardingSteps; i++) {
      const typical = [2 * HOUR, 20 * HOUR, 1.5 * DAY][i] ?? DAY;
      step += MINUTE + random.exponential(typical) + (random.chance(0.08) ? random.float(8, 20) * DAY : 0);
      const properties: Record<string, unknown> = { step: i + 1 };
      if (i === 1) properties.roast = random.pick(ROASTS);
      if (i === 2) properties.bags = BAGS[profile.plan];
      timeline.track(step, steps[i] ?? "Onboarding Step", properties);
    }
  }

  // ── Subscription ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * One subscription from `startAt` until it is cancelled (returns when) or `now` (returns null). Billing is
   * monthly (or yearly) on the start's day of month; everything else happens between renewals.
   */
  private subscription(startAt: number, reactivation: boolean): number | null {
    const { ctx, random, timeline } = this;
    if (startAt > ctx.now) return null;
    this.subscriptionStatus = "active";
    const intervalMonths = this.interval === "month" ? 1 : 12;
    timeline.track(startAt, "Subscription Started", {
      ...this.subscriptionProperties(),
      amount: amountOf(this.plan, this.interval),
      currency: "USD",
      ...(reactivation ? { reactivation: true } : {}),
    });
    this.boxOrder(startAt + random.int(5, 60) * 1000, reactivation ? false : this.isDiscountedStart());

    let riskAt: number | null = null;
    let cancelAt: number | null = null;
    let skipNext = false;
    let nextSurvey = startAt + 30 * DAY;
    for (let cycle = 0; ; cycle++) {
      const periodStart = addMonths(startAt, cycle);
      if (cancelAt !== null && cancelAt <= periodStart) return this.cancel(cancelAt);
      if (periodStart > ctx.now) return null;

      if (cycle > 0) {
        if (skipNext) {
          skipNext = false;
        } else if (cycle % intervalMonths === 0) {
          timeline.track(periodStart, "Subscription Renewed", {
            ...this.subscriptionProperties(),
            amount: amountOf(this.plan, this.interval),
          });
          this.boxOrder(periodStart + random.int(5, 60) * 1000, false);
          // Renewal charges are what billing questions are about: they arrive within three days.
          if (random.chance(0.035)) this.ticket("billing", periodStart + random.float(0.1, 72) * HOUR, ["renewal"]);
        }
      }

      if (riskAt === null && random.chance(this.riskOfLeaving(periodStart, cycle))) {
        riskAt = periodStart;
        cancelAt = periodStart + random.float(10, 55) * DAY;
        if (this.plan !== "basic" && random.chance(0.3)) {
          this.changePlan(periodStart + random.float(1, 8) * DAY, this.plan === "family" ? "pro" : "basic");
        }
      }
      const periodEnd = addMonths(startAt, cycle + 1);
      const activeUntil = Math.min(periodEnd, cancelAt ?? Number.POSITIVE_INFINITY);
      const engagement = (t: number) =>
        riskAt === null || cancelAt === null ? 1 : 0.55 - 0.43 * Math.min(1, (t - riskAt) / (cancelAt - riskAt));

      this.sessions(periodStart, activeUntil, engagement);
      if (riskAt === null) {
        const addOns = random.poisson(ADD_ONS_PER_MONTH[this.profile.persona]);
        for (let i = 0; i < addOns; i++) {
          const revenue = random.pick(ADD_ON_PRICES) + (random.chance(0.2) ? random.pick(ADD_ON_PRICES) : 0);
          this.order(momentBetween(random, periodStart, periodEnd, this.offset), "add_on", revenue, 1, false);
        }
        this.maybeChangePlan(periodStart, periodEnd);
      }
      if (this.interval === "month") {
        const skipChance = riskAt === null ? SKIP_SHARE[this.profile.persona] : 0.6;
        const skipAt = periodEnd - random.float(2, 7) * DAY;
        if (skipAt < activeUntil && random.chance(skipChance)) {
          timeline.track(skipAt, "Subscription Skipped", { plan: this.plan, skipped_date: isoDate(periodEnd) });
          skipNext = true;
        }
      }
      this.everydayTickets(periodStart, activeUntil, cycle);
      while (nextSurvey < activeUntil) {
        this.npsSurvey(nextSurvey, riskAt !== null);
        nextSurvey += 90 * DAY;
      }
    }
  }

  private isDiscountedStart(): boolean {
    const { channel } = this.profile;
    return (channel === "paid_search" || channel === "social" || channel === "email") && this.random.chance(0.7);
  }

  private subscriptionProperties() {
    return { plan: this.plan, interval: this.interval, mrr: mrrOf(this.plan, this.interval) };
  }

  /**
   * The monthly chance of becoming at risk. Multipliers are the demo's retention story; they are chosen so
   * each effect is clearly visible in a few hundred customers, not fitted to any real shop.
   */
  private riskOfLeaving(at: number, cycle: number): number {
    const { profile } = this;
    let risk = BASE_MONTHLY_RISK;
    risk *= profile.onboardingSteps === 3 ? 0.55 : profile.onboardingSteps === 2 ? 1.1 : 1.9;
    risk *= profile.persona === "power" ? 0.35 : profile.persona === "casual" ? 1.5 : 1;
    if (this.interval === "year") risk *= 0.35;
    if (profile.channel === "paid_search") risk *= 1.25;
    if (profile.channel === "social") risk *= 1.2;
    if (profile.channel === "referral") risk *= 0.8;
    if (cycle < 2) risk *= 1.3;
    const unresolved = this.support.some(
      (t) => t.createdAt <= at - 2 * DAY && (t.firstSolvedAt === null || t.firstSolvedAt > at),
    );
    let recent = 1;
    for (const t of this.support) {
      if (t.createdAt > at - 60 * DAY && t.createdAt <= at) recent = Math.max(recent, RECENT_TICKET_RISK[t.category]);
    }
    risk *= recent;
    if (this.latestNps !== null && this.latestNps <= 6) risk *= 2.2;
    if (this.latestNps !== null && this.latestNps >= 9) risk *= 0.7;
    // An unresolved problem outweighs everything else: even loyal customers leave over it.
    if (unresolved) risk = 3 * risk + 0.2;
    return Math.min(0.9, risk);
  }

  private cancel(at: number): number {
    const { random, timeline } = this;
    const unresolved = this.support.some((t) => t.firstSolvedAt === null || t.firstSolvedAt > at);
    const reason =
      unresolved && random.chance(0.6)
        ? "support_experience"
        : this.latestNps !== null && this.latestNps <= 6 && random.chance(0.4)
          ? "quality"
          : random.weighted(CANCEL_REASONS);
    timeline.page(at - random.int(30, 300) * 1000, "Account", pageProperties("Account"));
    timeline.track(at, "Subscription Cancelled", { ...this.subscriptionProperties(), reason });
    if (at <= this.ctx.now) this.subscriptionStatus = "cancelled";
    this.scheduledTickets = [];
    // A last look or two in the weeks after cancelling, then silence.
    if (random.chance(0.3)) {
      for (let i = random.int(1, 2); i > 0; i--) {
        const visit = at + random.float(1, 21) * DAY;
        timeline.page(visit, random.pick(["Pricing", "Shop", "Home"]), {});
      }
    }
    return at;
  }

  private maybeChangePlan(from: number, to: number) {
    const { random } = this;
    const upgrade = this.profile.persona === "power" ? 0.05 : 0.02;
    if (this.plan !== "family" && random.chance(upgrade)) {
      this.changePlan(momentBetween(random, from, to, this.offset), this.plan === "basic" ? "pro" : "family");
    } else if (this.plan !== "basic" && random.chance(0.01)) {
      this.changePlan(momentBetween(random, from, to, this.offset), this.plan === "family" ? "pro" : "basic");
    }
  }

  private changePlan(at: number, plan: Plan) {
    if (at > this.ctx.now) return;
    const previous = { plan: this.plan, mrr: mrrOf(this.plan, this.interval) };
    this.plan = plan;
    const mrr = mrrOf(plan, this.interval);
    this.timeline.track(at, "Subscription Changed", {
      plan,
      interval: this.interval,
      mrr,
      previous_plan: previous.plan,
      previous_mrr: previous.mrr,
      change: mrr > previous.mrr ? "upgrade" : "downgrade",
    });
  }

  // ── Orders ────────────────────────────────────────────────────────────────────────────────────────────

  private boxOrder(at: number, welcomeDiscount: boolean) {
    const amount = amountOf(this.plan, this.interval);
    const bags = this.interval === "month" ? BAGS[this.plan] : BAGS[this.plan] * 12;
    this.order(at, this.interval === "month" ? "subscription_box" : "annual_prepay", amount, bags, welcomeDiscount);
  }

  /**
   * An `Order Completed` event. Most carry `revenue` (before discount) and `total` (what was charged); a few
   * from an old mobile app carry only `total`, and a few are sent twice (a client retry): the rollup and the
   * order metrics must cope with both.
   */
  private order(at: number, kind: string, revenue: number, products: number, welcomeDiscount: boolean) {
    const { random, timeline, profile } = this;
    if (at > this.ctx.now) return;
    this.orderSeq++;
    let discount = 0;
    let coupon: string | undefined;
    if (welcomeDiscount) {
      coupon = "WELCOME20";
      discount = round2(revenue * 0.2);
    } else if (kind === "subscription_box" && random.chance(0.06)) {
      coupon = "LOYAL10";
      discount = round2(revenue * 0.1);
    }
    const shipping = kind === "add_on" && revenue < 35 ? 4.95 : 0;
    const properties: Record<string, unknown> = {
      order_id: `ord_${profile.number}_${this.orderSeq}`,
      revenue,
      total: round2(revenue - discount + shipping),
      products,
      currency: "USD",
      kind,
    };
    if (discount > 0) {
      properties.discount = discount;
      properties.coupon = coupon;
    }
    if (random.chance(0.02)) delete properties.revenue;
    timeline.track(at, "Order Completed", properties);
    if (random.chance(0.008)) timeline.track(at + random.int(1, 30) * 1000, "Order Completed", properties);
    // Shipping and quality problems follow deliveries.
    if (kind !== "annual_prepay") {
      if (random.chance(0.018)) this.ticket("shipping", at + random.float(3, 8) * DAY, []);
      if (random.chance(0.009)) this.ticket("product quality", at + random.float(4, 12) * DAY, []);
    }
  }

  // ── Everyday use ──────────────────────────────────────────────────────────────────────────────────────

  /** Sessions between `from` and `to`, week by week at the persona's rate times `engagement(t)`. */
  private sessions(from: number, to: number, engagement: (t: number) => number) {
    const { random, profile } = this;
    const onboardingFactor = profile.onboardingSteps === 3 ? 1.15 : profile.onboardingSteps <= 1 ? 0.85 : 1;
    const limit = Math.min(to, this.ctx.now);
    for (let weekStart = from; weekStart < limit; weekStart += 7 * DAY) {
      const weekEnd = Math.min(weekStart + 7 * DAY, limit);
      const share = (weekEnd - weekStart) / (7 * DAY);
      const rate = SESSIONS_PER_WEEK[profile.persona] * onboardingFactor * engagement((weekStart + weekEnd) / 2);
      const count = random.poisson(rate * share);
      for (let i = 0; i < count; i++) this.session(momentBetween(random, weekStart, weekEnd, this.offset));
    }
  }

  private session(start: number) {
    const { random, timeline, profile } = this;
    const persona = profile.persona;
    let at = start;
    const step = () => {
      at += random.int(10, 180) * 1000;
      return at;
    };
    if (random.chance(persona === "power" ? 0.3 : 0.5)) {
      timeline.track(at, "Logged In", {
        method: random.weighted([
          ["password", 5],
          ["magic_link", 3],
          ["google", 2],
        ] as const),
      });
    }
    const pages = 1 + random.poisson(0.7);
    for (let i = 0; i < pages; i++) {
      const name = random.weighted(PAGES);
      timeline.page(step(), name, pageProperties(name));
    }
    if (random.chance(RECIPE_SHARE[persona])) {
      const views = 1 + random.poisson(persona === "power" ? 0.6 : 0.2);
      for (let i = 0; i < views; i++) {
        const recipe = random.pick(RECIPES);
        timeline.track(step(), "Recipe Viewed", {
          recipe_id: recipe.id,
          title: recipe.title,
          brew_method: recipe.method,
        });
      }
    }
    if (random.chance(CUSTOMIZE_SHARE[persona])) {
      timeline.track(step(), "Box Customized", {
        roast: random.pick(ROASTS),
        bags: BAGS[this.plan],
        items_changed: random.int(1, 3),
      });
    }
    if (random.chance(0.025)) {
      const results = random.chance(0.1) ? 0 : random.int(1, 9);
      timeline.track(step(), "Help Center Searched", { query: random.pick(GENERAL_SEARCHES), results_count: results });
      if (results > 0 && random.chance(0.6))
        timeline.track(step(), "Help Article Viewed", { title: random.pick(GENERAL_ARTICLES) });
    }
  }

  private npsSurvey(at: number, atRisk: boolean) {
    const { random, profile } = this;
    if (!random.chance(0.35)) return;
    const respondedAt = at + random.exponential(DAY);
    const unresolved = this.support.some(
      (t) => t.createdAt <= respondedAt && (t.firstSolvedAt === null || t.firstSolvedAt > respondedAt),
    );
    let mood = 7.6;
    if (profile.persona === "power") mood += 1.2;
    if (profile.persona === "casual") mood -= 0.4;
    if (profile.onboardingSteps === 3) mood += 0.4;
    if (unresolved) mood -= 3;
    if (atRisk) mood -= 1.2;
    const score = Math.min(10, Math.max(0, Math.round(random.normal(mood, 1.7))));
    const properties: Record<string, unknown> = { score, survey: "relationship" };
    if (random.chance(0.4)) {
      const group = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
      properties.comment = random.pick(NPS_COMMENTS[group]);
    }
    if (this.timeline.track(respondedAt, "NPS Submitted", properties)) this.latestNps = score;
  }

  // ── Support ───────────────────────────────────────────────────────────────────────────────────────────

  /** Tickets that are not about an order or a renewal, plus repeats scheduled earlier. */
  private everydayTickets(from: number, to: number, cycle: number) {
    const { random, profile } = this;
    const due = this.scheduledTickets.filter((t) => t.at < to);
    this.scheduledTickets = this.scheduledTickets.filter((t) => t.at >= to);
    for (const t of due) this.ticket(t.category, t.at, t.tags);
    if (profile.smartBrewer && random.chance(cycle === 0 ? 0.22 : 0.05)) {
      this.ticket("integration setup", momentBetween(random, from, to, this.offset), ["brewer"]);
    }
    if (random.chance(0.005)) this.ticket("account access", momentBetween(random, from, to, this.offset), []);
    if (random.chance(0.004)) this.ticket("billing", momentBetween(random, from, to, this.offset), []);
  }

  private ticket(category: TicketCategory, createdAt: number, tags: string[]) {
    const { random, profile } = this;
    const seq = this.tickets.length + 1;
    const allTags = profile.persona === "power" ? [...tags, "vip"] : tags;
    const played = playTicket(random, this.ctx.now, {
      seq,
      externalId: ticketExternalId(profile.number, seq),
      category,
      createdAt: Math.floor(createdAt),
      tags: allTags,
    });
    if (!played) return;
    this.tickets.push(played.ticket);
    this.support.push({ category, createdAt, firstSolvedAt: played.firstSolvedAt });
    for (const event of played.events) this.timeline.add(event);
    // Integration problems come back: the same customer writes in again within weeks.
    if (category === "integration setup" && random.chance(tags.includes("repeat") ? 0.35 : 0.55)) {
      this.scheduledTickets.push({
        category,
        at: createdAt + random.float(2, 26) * DAY,
        tags: ["brewer", "repeat"],
      });
    }
  }

  private get offset(): number {
    return this.profile.region.utcOffset;
  }
}

function pageProperties(name: string): Record<string, unknown> {
  return { path: name === "Home" ? "/" : `/${name.toLowerCase().replace(/\s+/g, "-")}`, title: name };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
