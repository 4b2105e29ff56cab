import type { Db } from "@/lib/db/client";
import { Invalid } from "@/lib/errors";
import type { MetricContext } from "@/lib/metrics/settings";
import {
  type ActiveBasis,
  activeCustomerCounts,
  customerChurnRate,
  customerRetentionRate,
  spanOf,
} from "./active-customers";
import { acquisitionCosts, ltvToCac } from "./cac";
import { engagementStats, onboardingCompletionRate, reachRate } from "./engagement";
import { averageMonthlyChurn, lifetimeValue, monthlyChurnRates, trailingCompleteMonths } from "./ltv";
import { averageRevenuePerAccount, grossMrrChurn, type MrrMovements, mrrStats, netMrrChurn } from "./mrr";
import { netPromoterScore, npsStats } from "./nps";
import { averageOrderValue, orderStats, repeatPurchaseRate } from "./orders";
import { type DateRange, type Granularity, type LocalDate, localToday, previousRange, splitRange } from "./period";

export type { DateRange, Granularity } from "./period";

/** One KPI: its value over P, its value over the previous period, and what it is made of over P. */
export type Kpi<Parts extends object = Record<never, never>> = {
  value: number | null;
  previous: number | null;
} & Parts;

/**
 * Every KPI of the Overview over one period. Rates are fractions (0.25 = 25%), NPS is −100…100, money is in the
 * workspace currency, durations in seconds. null means undefined (no denominator), never 0.
 */
export type PeriodKpis = {
  customerRetentionRate: Kpi<{ startActive: number; endActive: number; newCustomers: number }>;
  churnRate: Kpi<{ startActive: number; churned: number }>;
  repeatPurchaseRate: Kpi<{ customersWithOrders: number; repeatCustomers: number }>;
  averageOrderValue: Kpi<{ orders: number; revenue: number; discount: number }>;
  mrr: Kpi<{ startMrr: number; movements: MrrMovements & { net: number } }>;
  grossMrrChurn: Kpi<{ startMrr: number; churned: number; contraction: number }>;
  netMrrChurn: Kpi<{ startMrr: number; churned: number; contraction: number; expansion: number; reactivation: number }>;
  arpa: Kpi<{ mrr: number; payingCustomers: number }>;
  ltv: Kpi<{
    arpa: number | null;
    monthlyChurnRate: number | null;
    churnMonths: { month: string; rate: number | null }[];
  }>;
  ltvToCac: Kpi<{
    ltv: number | null;
    cac: number | null;
    spend: number;
    customersAcquired: number;
    cacMonths: string[];
  }>;
  nps: Kpi<{ promoters: number; passives: number; detractors: number; responses: number }>;
  /** value: median seconds from signup to first value. */
  timeToFirstValue: Kpi<{
    p90Seconds: number | null;
    signups: number;
    activated: number;
    notActivated: number;
    activationRate: number | null;
  }>;
  onboardingCompletion: Kpi<{
    signups: number;
    completed: number;
    windowOpen: number;
    steps: { event: string; customers: number; rate: number | null }[];
  }>;
  featureActivation: Kpi<{ event: string; customers: number; signups: number }>[];
};

export type KpiReport = PeriodKpis & {
  range: DateRange;
  previousRange: DateRange;
  timeZone: string;
  /** Whether "active customer" meant an active subscription or recent activity (no subscriptions). */
  activeCustomerBasis: ActiveBasis;
};

export type KpiOptions = { now?: Date };

/**
 * Every KPI over `range` and the period of the same length before it (definitions: METRICS.md, notes.ts).
 * Each concept is one query over both periods at once.
 */
export async function computeKpis(
  db: Db,
  context: MetricContext,
  range: DateRange,
  options: KpiOptions = {},
): Promise<KpiReport> {
  const previous = previousRange(range);
  const { basis, perPeriod } = await kpisForPeriods(db, context, [previous, range], options.now ?? new Date());
  const [before, current] = perPeriod as [PeriodKpis, PeriodKpis];
  const withPrevious = <K extends keyof Omit<PeriodKpis, "featureActivation">>(key: K): PeriodKpis[K] => ({
    ...current[key],
    previous: before[key].value,
  });
  return {
    range,
    previousRange: previous,
    timeZone: context.timeZone,
    activeCustomerBasis: basis,
    customerRetentionRate: withPrevious("customerRetentionRate"),
    churnRate: withPrevious("churnRate"),
    repeatPurchaseRate: withPrevious("repeatPurchaseRate"),
    averageOrderValue: withPrevious("averageOrderValue"),
    mrr: withPrevious("mrr"),
    grossMrrChurn: withPrevious("grossMrrChurn"),
    netMrrChurn: withPrevious("netMrrChurn"),
    arpa: withPrevious("arpa"),
    ltv: withPrevious("ltv"),
    ltvToCac: withPrevious("ltvToCac"),
    nps: withPrevious("nps"),
    timeToFirstValue: withPrevious("timeToFirstValue"),
    onboardingCompletion: withPrevious("onboardingCompletion"),
    featureActivation: current.featureActivation.map((f, i) => ({
      ...f,
      previous: before.featureActivation[i]?.value ?? null,
    })),
  };
}

export type KpiSeriesKey = Exclude<keyof PeriodKpis, "featureActivation">;

export type KpiSeries = {
  granularity: Granularity;
  buckets: DateRange[];
  /** One value per bucket, for sparklines. */
  values: Record<KpiSeriesKey, (number | null)[]>;
  /** Feature activation rate per core feature event, one value per bucket. */
  featureActivation: Record<string, (number | null)[]>;
};

/** Sparklines ask for at most this many points; a finer request is a caller's mistake, not a slow page. */
export const MAX_SERIES_BUCKETS = 120;

/** Days up to a month, weeks up to about half a year, months beyond. */
export function defaultGranularity(range: DateRange): Granularity {
  const days = splitRange(range, "day").length;
  return days <= 31 ? "day" : days <= 190 ? "week" : "month";
}

/**
 * Every KPI per calendar bucket of `range` (the first and last clipped to it), each bucket a period of its own:
 * the sparkline beside each card. Same queries as computeKpis, over all buckets at once.
 */
export async function kpiSeries(
  db: Db,
  context: MetricContext,
  range: DateRange,
  granularity: Granularity = defaultGranularity(range),
  options: KpiOptions = {},
): Promise<KpiSeries> {
  const buckets = splitRange(range, granularity);
  if (buckets.length > MAX_SERIES_BUCKETS) {
    throw new Invalid(`A series has at most ${MAX_SERIES_BUCKETS} points; use a coarser granularity.`, {
      granularity: `${buckets.length} ${granularity}s is too many`,
    });
  }
  const { perPeriod } = await kpisForPeriods(db, context, buckets, options.now ?? new Date());
  const keys = Object.keys(perPeriod[0] ?? {}).filter((k) => k !== "featureActivation") as KpiSeriesKey[];
  const values = Object.fromEntries(keys.map((k) => [k, perPeriod.map((p) => p[k].value)])) as KpiSeries["values"];
  const featureActivation = Object.fromEntries(
    context.settings.coreFeatureEvents.map((event, i) => [
      event,
      perPeriod.map((p) => p.featureActivation[i]?.value ?? null),
    ]),
  );
  return { granularity, buckets, values, featureActivation };
}

/** Every KPI for each of `periods` (contiguous, in order), value and parts, without previous values. */
async function kpisForPeriods(
  db: Db,
  context: MetricContext,
  periods: readonly DateRange[],
  now: Date,
): Promise<{ basis: ActiveBasis; perPeriod: PeriodKpis[] }> {
  const today = localToday(now, context.timeZone);
  const churnMonthsPerPeriod = periods.map((p) => trailingCompleteMonths(p, today));
  // Sequential on purpose: the embedded database runs one query at a time anyway, and a pool of a few
  // connections should not be taken over by one dashboard.
  const orders = await orderStats(db, context, periods);
  const active = await activeCustomerCounts(db, context, periods.map(spanOf));
  const mrr = await mrrStats(db, context, periods);
  const nps = await npsStats(db, context, periods);
  const engagement = await engagementStats(db, context, periods, now);
  const churnByMonth = await monthlyChurnRates(db, context, churnMonthsPerPeriod.flat());
  const costs = await acquisitionCosts(db, context, periods);

  const perPeriod = periods.map((_, i): PeriodKpis => {
    const o = orders[i]!;
    const a = active.counts[i]!;
    const m = mrr[i]!;
    const n = nps[i]!;
    const e = engagement[i]!;
    const c = costs[i]!;
    const arpa = averageRevenuePerAccount(m);
    const churnMonths = (churnMonthsPerPeriod[i] ?? []).map((month: LocalDate) => ({
      month: month.slice(0, 7),
      rate: churnByMonth.get(month) ?? null,
    }));
    const monthlyChurn = averageMonthlyChurn(churnMonths.map((x) => x.rate));
    const ltv = lifetimeValue(arpa, monthlyChurn);
    const mv = m.movements;
    return {
      customerRetentionRate: {
        value: customerRetentionRate(a),
        previous: null,
        startActive: a.startActive,
        endActive: a.endActive,
        newCustomers: a.acquired,
      },
      churnRate: {
        value: customerChurnRate(a),
        previous: null,
        startActive: a.startActive,
        churned: a.startActive - a.retained,
      },
      repeatPurchaseRate: {
        value: repeatPurchaseRate(o),
        previous: null,
        customersWithOrders: o.customers,
        repeatCustomers: o.repeatCustomers,
      },
      averageOrderValue: {
        value: averageOrderValue(o),
        previous: null,
        orders: o.orders,
        revenue: o.revenue,
        discount: o.discount,
      },
      mrr: {
        value: m.endMrr,
        previous: null,
        startMrr: m.startMrr,
        movements: { ...mv, net: mv.new + mv.reactivation + mv.expansion - mv.contraction - mv.churn },
      },
      grossMrrChurn: {
        value: grossMrrChurn(m),
        previous: null,
        startMrr: m.startMrr,
        churned: mv.churn,
        contraction: mv.contraction,
      },
      netMrrChurn: {
        value: netMrrChurn(m),
        previous: null,
        startMrr: m.startMrr,
        churned: mv.churn,
        contraction: mv.contraction,
        expansion: mv.expansion,
        reactivation: mv.reactivation,
      },
      arpa: { value: arpa, previous: null, mrr: m.endMrr, payingCustomers: m.payingCustomers },
      ltv: { value: ltv, previous: null, arpa, monthlyChurnRate: monthlyChurn, churnMonths },
      ltvToCac: {
        value: ltvToCac(ltv, c.cac),
        previous: null,
        ltv,
        cac: c.cac,
        spend: c.spend,
        customersAcquired: c.customersAcquired,
        cacMonths: c.months,
      },
      nps: { value: netPromoterScore(n), previous: null, ...n },
      timeToFirstValue: {
        value: e.timeToFirstValue.medianSeconds,
        previous: null,
        p90Seconds: e.timeToFirstValue.p90Seconds,
        signups: e.signups,
        activated: e.timeToFirstValue.activated,
        notActivated: e.timeToFirstValue.notActivated,
        activationRate: e.timeToFirstValue.activationRate,
      },
      onboardingCompletion: {
        value: onboardingCompletionRate(e),
        previous: null,
        signups: e.signups,
        completed: e.onboardingCompleted,
        windowOpen: e.windowOpen,
        steps: e.onboardingSteps.map((s) => ({ ...s, rate: reachRate(s, e.signups) })),
      },
      featureActivation: e.features.map((f) => ({
        event: f.event,
        value: reachRate(f, e.signups),
        previous: null,
        customers: f.customers,
        signups: e.signups,
      })),
    };
  });
  return { basis: active.basis, perPeriod };
}
