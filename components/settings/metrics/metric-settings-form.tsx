"use client";

import { startTransition, useActionState, useEffect, useMemo, useState } from "react";
import { type MetricSettingsActionState, saveMetricSettingsAction } from "@/app/(app)/settings/metrics/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { AcquisitionChannel, EventProperties } from "@/lib/metrics/event-catalog";
import type { MetricSettingsDraft } from "@/lib/metrics/settings-form";
import { CacTable } from "./cac-table";
import { EventInput, type SeenEvent, SeenEventsList } from "./event-input";
import { EventListInput } from "./event-list-input";
import { PickerInput } from "./picker-input";
import { PurchasePropertyInputs } from "./purchase-properties";
import { SettingGroup } from "./setting-group";

const SUBSCRIPTION_EVENTS = [
  ["started", "Subscription started"],
  ["changed", "Plan changed"],
  ["renewed", "Subscription renewed"],
  ["cancelled", "Subscription cancelled"],
] as const;

/** Settings → Metrics: the whole form is one draft in state, sent as JSON and checked field by field. */
export function MetricSettingsForm({
  initial,
  events,
  initialPurchaseProperties,
  channels,
  timeZones,
  currency,
}: {
  initial: MetricSettingsDraft;
  events: SeenEvent[];
  initialPurchaseProperties: EventProperties;
  channels: AcquisitionChannel[];
  timeZones: string[];
  currency: string;
}) {
  const [draft, setDraft] = useState(initial);
  const [state, action, pending] = useActionState<MetricSettingsActionState, FormData>(saveMetricSettingsAction, {});
  const seen = useMemo(() => new Map(events.map((e) => [e.name, e])), [events]);
  const f = state.fields ?? {};
  const update = <K extends keyof MetricSettingsDraft>(key: K) => {
    return (value: MetricSettingsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  };

  // After a refused save, the keyboard goes to the first field with a message, in the order of the page.
  useEffect(() => {
    if (state.ok || !state.fields) return;
    const invalid = document.querySelector<HTMLElement>("form[aria-label='Metrics settings'] [aria-invalid='true']");
    invalid?.focus();
  }, [state]);

  return (
    <form
      aria-label="Metrics settings"
      className="space-y-6"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData();
        data.set("draft", JSON.stringify(draft));
        startTransition(() => action(data));
      }}
    >
      <SeenEventsList events={events} />

      <SettingGroup
        title="Sign-up and activation"
        affects="time to first value (sign-up to the first activation event, median and p90 per sign-up cohort), and who counts as signed up for onboarding completion and feature activation."
      >
        <EventInput
          id="signupEvent"
          label="Sign-up event"
          value={draft.signupEvent}
          onChange={update("signupEvent")}
          seen={seen}
          error={f.signupEvent}
          placeholder="First event of any kind"
          hint="Leave empty to take each customer's first event of any kind as their sign-up."
        />
        <EventListInput
          path="activationEvents"
          label="Activation events"
          itemLabel="Activation event"
          values={draft.activationEvents}
          onChange={update("activationEvents")}
          seen={seen}
          fields={f}
          addLabel="Add activation event"
          emptyText="None: time to first value is not computed. A customer is activated by the first of these events."
        />
      </SettingGroup>

      <SettingGroup
        title="Onboarding and core features"
        affects="onboarding completion rate and its step-by-step funnel (every step within the window after sign-up), and feature activation rate (each core feature event at least once within the same window)."
      >
        <EventListInput
          path="onboardingSteps"
          label="Onboarding steps, in order"
          itemLabel="Step"
          values={draft.onboardingSteps}
          onChange={update("onboardingSteps")}
          seen={seen}
          fields={f}
          ordered
          addLabel="Add step"
          emptyText="No steps: onboarding completion is not computed."
        />
        <div className="max-w-xs">
          <PickerInput
            id="onboardingWindowDays"
            label="Onboarding window (days)"
            value={draft.onboardingWindowDays}
            onChange={update("onboardingWindowDays")}
            error={f.onboardingWindowDays}
            hint="1 to 365 days after sign-up. Default 14."
            inputMode="numeric"
          />
        </div>
        <EventListInput
          path="coreFeatureEvents"
          label="Core feature events"
          itemLabel="Core feature event"
          values={draft.coreFeatureEvents}
          onChange={update("coreFeatureEvents")}
          seen={seen}
          fields={f}
          addLabel="Add core feature"
          emptyText="None: feature activation is not computed."
        />
      </SettingGroup>

      <SettingGroup
        title="Purchases"
        affects="orders, revenue, average order value (revenue minus discount per order), repeat purchase rate and LTV. An order counts once per order id when the event carries one."
      >
        <div className="max-w-md">
          <EventInput
            id="purchase.event"
            label="Purchase event"
            value={draft.purchase.event}
            onChange={(event) => update("purchase")({ ...draft.purchase, event })}
            seen={seen}
            error={f["purchase.event"]}
            placeholder="Order Completed"
          />
        </div>
        <PurchasePropertyInputs
          purchase={draft.purchase}
          onChange={update("purchase")}
          initialProperties={initialPurchaseProperties}
          initialEvent={initial.purchase.event}
          fields={f}
        />
      </SettingGroup>

      <SettingGroup
        title="Subscriptions"
        affects="MRR and its movements (new, expansion, contraction, churn, reactivation), gross and net MRR churn, ARPA and LTV; and, when the workspace has subscriptions, who counts as an active customer for retention and churn rates."
      >
        <div className="grid gap-4 md:grid-cols-2">
          {SUBSCRIPTION_EVENTS.map(([key, label]) => (
            <EventInput
              key={key}
              id={`subscription.${key}`}
              label={`${label} event`}
              value={draft.subscription[key]}
              onChange={(value) => update("subscription")({ ...draft.subscription, [key]: value })}
              seen={seen}
              error={f[`subscription.${key}`]}
            />
          ))}
        </div>
      </SettingGroup>

      <SettingGroup
        title="Active customers"
        affects="customer retention rate and churn rate in a workspace without subscriptions: a customer is active while their latest event is at most this many days old."
      >
        <div className="max-w-xs">
          <PickerInput
            id="inactivityWindowDays"
            label="Inactivity window (days)"
            value={draft.inactivityWindowDays}
            onChange={update("inactivityWindowDays")}
            error={f.inactivityWindowDays}
            hint="1 to 3650 days. Default 90."
            inputMode="numeric"
          />
        </div>
      </SettingGroup>

      <SettingGroup
        title="Time zone"
        affects="which day, week (Monday first) and month every event falls in: cohorts, lifecycle, KPI periods and the daily activity every dashboard reads. Saving a new zone recomputes daily activity, which takes a few seconds per million events."
      >
        <div className="max-w-sm">
          <Field label="Workspace time zone" name="timeZone" error={f.timeZone}>
            <Select
              name="timeZone"
              value={draft.timeZone}
              onChange={(event) => update("timeZone")(event.target.value)}
              invalid={!!f.timeZone}
            >
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </SettingGroup>

      <SettingGroup
        title="Acquisition cost (CAC)"
        affects="LTV:CAC. CAC for a month is its spend divided by the customers acquired; leave customers empty to count that month's sign-ups (on that channel), and the channel empty for all channels. Channels are the customers' acquisition_channel trait."
      >
        <CacTable rows={draft.cac} onChange={update("cac")} channels={channels} currency={currency} fields={f} />
      </SettingGroup>

      <div className="space-y-3">
        {state.message ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
