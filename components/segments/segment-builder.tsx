"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { describeSegmentRule } from "@/lib/segments/describe";
import { checkSegmentRule } from "@/lib/segments/parse";
import type { SegmentGroupInput } from "@/lib/segments/rule-schema";
import { splitApiErrors } from "@/lib/segments/ui/form-errors";
import { ApiError, type SegmentInput, type SegmentKind, type SegmentStatus, segmentsApi } from "./api";
import { DuplicateButton } from "./duplicate-button";
import { LivePreview } from "./live-preview";
import { RuleEditor } from "./rule-editor";
import { useSegments } from "./use-catalog";

export type BuilderStart = {
  name: string;
  description: string;
  status: SegmentStatus;
  rule: SegmentGroupInput;
};

/**
 * The segment builder: name and description, the rule with its conditions, a live count of matching
 * customers with a few of them, the rule in plain language, and save as draft or active. The rule is checked
 * in the browser on every change with the server's own schema; the server's 400 lands on the same fields.
 */
export function SegmentBuilder({
  start,
  segmentId,
  kind = "dynamic",
}: {
  start: BuilderStart;
  /** Set when editing a saved segment. */
  segmentId?: string;
  kind?: SegmentKind;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(start.name);
  const [description, setDescription] = useState(start.description);
  const [rule, setRuleState] = useState<SegmentGroupInput>(start.rule);
  const [serverRuleErrors, setServerRuleErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const segments = useSegments();
  const dynamic = kind === "dynamic";

  const check = useMemo(() => checkSegmentRule(rule), [rule]);
  const errors = check.ok ? serverRuleErrors : check.errors;
  const names = useMemo(() => Object.fromEntries((segments.data ?? []).map((s) => [s.id, s.name])), [segments.data]);
  const summary = check.ok ? describeSegmentRule(check.rule, names) : null;

  const setRule = (next: SegmentGroupInput) => {
    setRuleState(next);
    setServerRuleErrors({});
  };

  const save = useMutation({
    mutationFn: (status: SegmentStatus) => {
      const input: SegmentInput = dynamic
        ? { name, description: description.trim(), status, rule }
        : { name, description: description.trim(), status };
      if (!segmentId) return segmentsApi.create(dynamic ? input : { ...input, kind: "static" });
      return segmentsApi.update(segmentId, input);
    },
    onMutate: () => {
      setProblem(null);
      setFormErrors({});
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["segments"] });
      await queryClient.invalidateQueries({ queryKey: ["segment", saved.id] });
      router.push(`/segments/${saved.id}`);
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setFormErrors({ name: error.message || "A segment with this name already exists; pick another name." });
        return;
      }
      if (error instanceof ApiError && error.status === 400) {
        const split = splitApiErrors(error.fields);
        setServerRuleErrors(split.rule);
        setFormErrors(split.form);
        setProblem(error.message);
        return;
      }
      setProblem(error.message);
    },
  });

  const nameError = formErrors.name;
  const canSave = (!dynamic || check.ok) && name.trim() !== "" && !save.isPending;

  return (
    <form
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(start.status);
      }}
    >
      <div className="min-w-0 space-y-5">
        <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm md:grid-cols-2">
          <Field label="Name" name="segment-name" error={nameError}>
            <TextInput
              name="segment-name"
              value={name}
              maxLength={200}
              required
              invalid={Boolean(nameError)}
              placeholder="e.g. Unhappy repeat buyers"
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field
            label="Description (optional)"
            name="segment-description"
            error={formErrors.description}
            hint="Who these customers are and what the segment is for."
          >
            <TextInput
              name="segment-description"
              value={description}
              maxLength={1000}
              invalid={Boolean(formErrors.description)}
              onChange={(e) => setDescription(e.target.value)}
            />
          </Field>
        </div>

        {dynamic ? (
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="mb-3 text-sm font-semibold text-slate-700">Rule</h2>
            <RuleEditor rule={rule} onChange={setRule} errors={errors} selfId={segmentId} />
          </div>
        ) : (
          <Notice tone="info">
            A static list has no rule: its members are the customers you upload (user ids or emails) on its page after
            saving.
          </Notice>
        )}

        {problem ? <Notice tone="error">{problem}</Notice> : null}
        {Object.keys(errors).length > 0 && save.isError ? (
          <Notice tone="error">Some conditions need attention: see the messages in red next to them.</Notice>
        ) : null}

        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" disabled={!canSave} onClick={() => save.mutate("active")}>
            {save.isPending && save.variables === "active" ? "Saving…" : "Save as active"}
          </Button>
          <Button type="button" variant="secondary" disabled={!canSave} onClick={() => save.mutate("draft")}>
            {save.isPending && save.variables === "draft" ? "Saving…" : "Save as draft"}
          </Button>
          {segmentId ? <DuplicateButton segmentId={segmentId} /> : null}
          <Link
            href={segmentId ? `/segments/${segmentId}` : "/segments"}
            className="text-sm text-slate-600 hover:underline"
          >
            Cancel
          </Link>
          {!canSave && !save.isPending ? (
            <span className="text-xs text-slate-500">
              {name.trim() === "" ? "Name the segment to save it." : "Fix the conditions marked in red to save."}
            </span>
          ) : null}
        </div>
        <p className="text-xs text-slate-500">
          Active segments keep their membership and history current; drafts are saved for later and are not used
          elsewhere yet.
        </p>
      </div>

      <aside className="space-y-5 lg:sticky lg:top-6 lg:self-start">
        {dynamic ? (
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <LivePreview rule={check.ok ? check.rule : null} />
          </div>
        ) : null}
        {dynamic ? (
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="mb-2 text-sm font-semibold text-slate-700">In plain words</h2>
            <p data-testid="rule-summary" className="text-sm text-slate-800">
              {summary ?? "The rule is not complete yet."}
            </p>
          </div>
        ) : null}
      </aside>
    </form>
  );
}
