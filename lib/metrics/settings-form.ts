import type { MetricSettings } from "./settings";

/**
 * The settings form's values: what the admin typed, before validation. Numbers stay strings so that "abc" or
 * "" reach the server as typed and come back with a field message, instead of silently becoming 0 or NaN.
 * Pure and free of server imports, so the client form and the server action share it.
 */
export type MetricSettingsDraft = {
  timeZone: string;
  signupEvent: string;
  activationEvents: string[];
  onboardingSteps: string[];
  coreFeatureEvents: string[];
  purchase: {
    event: string;
    revenueProperty: string;
    fallbackRevenueProperty: string;
    discountProperty: string;
    orderIdProperty: string;
  };
  subscription: { started: string; changed: string; renewed: string; cancelled: string };
  inactivityWindowDays: string;
  onboardingWindowDays: string;
  cac: CacDraftRow[];
};

export type CacDraftRow = { month: string; channel: string; spend: string; customersAcquired: string };

export function settingsToDraft(settings: MetricSettings, timeZone: string): MetricSettingsDraft {
  return {
    timeZone,
    signupEvent: settings.signupEvent ?? "",
    activationEvents: [...settings.activationEvents],
    onboardingSteps: [...settings.onboardingSteps],
    coreFeatureEvents: [...settings.coreFeatureEvents],
    purchase: {
      event: settings.purchase.event,
      revenueProperty: settings.purchase.revenueProperty,
      fallbackRevenueProperty: settings.purchase.fallbackRevenueProperty ?? "",
      discountProperty: settings.purchase.discountProperty ?? "",
      orderIdProperty: settings.purchase.orderIdProperty ?? "",
    },
    subscription: { ...settings.subscription },
    inactivityWindowDays: String(settings.inactivityWindowDays),
    onboardingWindowDays: String(settings.onboardingWindowDays),
    cac: settings.cac.map((row) => ({
      month: row.month,
      channel: row.channel ?? "",
      spend: String(row.spend),
      customersAcquired: row.customersAcquired === null ? "" : String(row.customersAcquired),
    })),
  };
}

/**
 * The draft as input for saveMetricSettings: blanks where the form allows them become null (no signup event,
 * all channels, count signups, no discount…); numeric text becomes a number; anything else is passed on
 * unchanged for the schema to reject with a message at its field.
 */
export function draftToInput(draft: MetricSettingsDraft) {
  return {
    timeZone: draft.timeZone.trim(),
    signupEvent: blankToNull(draft.signupEvent),
    activationEvents: draft.activationEvents,
    onboardingSteps: draft.onboardingSteps,
    coreFeatureEvents: draft.coreFeatureEvents,
    purchase: {
      event: draft.purchase.event,
      revenueProperty: draft.purchase.revenueProperty,
      fallbackRevenueProperty: blankToNull(draft.purchase.fallbackRevenueProperty),
      discountProperty: blankToNull(draft.purchase.discountProperty),
      orderIdProperty: blankToNull(draft.purchase.orderIdProperty),
    },
    subscription: draft.subscription,
    inactivityWindowDays: toNumber(draft.inactivityWindowDays),
    onboardingWindowDays: toNumber(draft.onboardingWindowDays),
    cac: draft.cac.map((row) => ({
      month: row.month.trim(),
      channel: blankToNull(row.channel),
      spend: toNumber(row.spend),
      customersAcquired: row.customersAcquired.trim() === "" ? null : toNumber(row.customersAcquired),
    })),
  };
}

function blankToNull(value: string): string | null {
  return value.trim() === "" ? null : value;
}

/** "12", " 1500.50 " and "1,500" become numbers; anything else stays text for validation to name. */
function toNumber(value: string): number | string {
  const cleaned = value.trim().replace(/(?<=\d),(?=\d{3}\b)/g, "");
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : value;
}
