"use client";

import type { SegmentConditionInput } from "@/lib/segments/rule-schema";
import { ControlRow, SelectControl } from "./controls";
import { useSegments } from "./use-catalog";

type Of = Extract<SegmentConditionInput, { type: "segment" }>;

/** Membership of another saved segment (its rule is evaluated inline, so it is always current). */
export function SegmentRefFields({
  condition,
  onChange,
  selfId,
}: {
  condition: Of;
  onChange: (next: Of) => void;
  /** The segment being edited: it cannot refer to itself. */
  selfId?: string;
}) {
  const segments = useSegments();
  const choices = (segments.data ?? []).filter((s) => s.id !== selfId);
  const known = choices.some((s) => s.id === condition.segmentId);
  return (
    <ControlRow>
      <SelectControl
        label="Customer is"
        field="operator"
        value={condition.operator}
        options={[
          { value: "in", label: "in segment" },
          { value: "not_in", label: "not in segment" },
        ]}
        onChange={(operator) => onChange({ ...condition, operator: operator as "in" | "not_in" })}
      />
      <SelectControl
        label="Segment"
        field="segmentId"
        value={condition.segmentId}
        className="min-w-56"
        options={[
          {
            value: "",
            label: segments.isLoading
              ? "Loading segments…"
              : choices.length === 0
                ? "No other saved segments yet"
                : "Pick a segment",
          },
          ...(known || condition.segmentId === ""
            ? []
            : [{ value: condition.segmentId, label: `Unknown segment (${condition.segmentId})` }]),
          ...choices.map((s) => ({ value: s.id, label: s.name })),
        ]}
        onChange={(segmentId) => onChange({ ...condition, segmentId })}
      />
    </ControlRow>
  );
}
