"use client";

import type { SegmentConditionInput } from "@/lib/segments/rule-schema";
import { EventConditionFields, EventTimeFields, FrequencyChangeFields } from "./event-fields";
import { CommerceFields, LifecycleFields, SignupFields, TraitFields, YesNoFields } from "./profile-fields";
import { SegmentRefFields } from "./segment-ref-fields";
import { CsatFields, NpsFields, TicketAgeFields, TicketCategoryFields } from "./support-fields";

/** The controls of one condition, by its type. */
export function ConditionFields({
  condition: c,
  onChange,
  selfId,
}: {
  condition: SegmentConditionInput;
  onChange: (next: SegmentConditionInput) => void;
  selfId?: string;
}) {
  switch (c.type) {
    case "event":
      return <EventConditionFields condition={c} onChange={onChange} />;
    case "event_time":
      return <EventTimeFields condition={c} onChange={onChange} />;
    case "frequency_change":
      return <FrequencyChangeFields condition={c} onChange={onChange} />;
    case "trait":
      return <TraitFields condition={c} onChange={onChange} />;
    case "commerce":
      return <CommerceFields condition={c} onChange={onChange} />;
    case "signup":
      return <SignupFields condition={c} onChange={onChange} />;
    case "activated":
      return (
        <YesNoFields
          value={c.value}
          yes="is activated"
          no="is not activated"
          onChange={(value) => onChange({ ...c, value })}
        />
      );
    case "onboarding_complete":
      return (
        <YesNoFields
          value={c.value}
          yes="completed onboarding"
          no="did not complete onboarding"
          onChange={(value) => onChange({ ...c, value })}
        />
      );
    case "lifecycle_status":
      return <LifecycleFields condition={c} onChange={onChange} />;
    case "nps":
      return <NpsFields condition={c} onChange={onChange} />;
    case "open_ticket":
      return (
        <YesNoFields
          value={c.value}
          yes="has an open ticket"
          no="has no open ticket"
          onChange={(value) => onChange({ ...c, value })}
        />
      );
    case "unresolved_ticket_older_than":
      return <TicketAgeFields condition={c} onChange={onChange} />;
    case "tickets_in_category":
      return <TicketCategoryFields condition={c} onChange={onChange} />;
    case "last_csat":
      return <CsatFields condition={c} onChange={onChange} />;
    case "segment":
      return <SegmentRefFields condition={c} onChange={onChange} selfId={selfId} />;
  }
}
