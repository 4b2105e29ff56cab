"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { SegmentConditionInput, SegmentGroupInput, SegmentNodeInput } from "@/lib/segments/rule-schema";
import { MAX_DEPTH } from "@/lib/segments/rule-schema";
import { CONDITION_KINDS, type ConditionType, conditionKind } from "@/lib/segments/ui/condition-kinds";
import { labelledMessage } from "@/lib/segments/ui/form-errors";
import {
  appendAt,
  errorKey,
  errorsOfNode,
  moveAt,
  type NodePath,
  nodeAt,
  removeAt,
  updateAt,
} from "@/lib/segments/ui/rule-tree";
import { ConditionFieldProvider } from "./condition-context";
import { ConditionFields } from "./condition-fields";
import { CONTROL_CLASS } from "./controls";

type EditorProps = {
  rule: SegmentGroupInput;
  onChange: (rule: SegmentGroupInput) => void;
  /** Validation errors keyed by path from the rule ("conditions.1.count.value"). */
  errors: Record<string, string>;
  readOnly?: boolean;
  /** The segment being edited, so it is not offered as its own member condition. */
  selfId?: string;
};

/** The rule as nested groups of conditions: add, remove, reorder and nest them. */
export function RuleEditor(props: EditorProps) {
  return <GroupEditor {...props} path={[]} />;
}

function GroupEditor({ rule, onChange, errors, readOnly = false, selfId, path }: EditorProps & { path: NodePath }) {
  const group = nodeAt(rule, path);
  const addId = useId();
  const errorListId = useId();
  if (group?.type !== "group") return null;
  const own = errorsOfNode(errors, path, true);
  const depth = path.length + 1;
  const top = path.length === 0;
  const set = (patch: Partial<SegmentGroupInput>) =>
    onChange(updateAt(rule, path, (g) => ({ ...(g as SegmentGroupInput), ...patch })));
  const label = top ? "Rule" : `Group ${path.map((i) => i + 1).join(".")}`;
  const joiner = group.combinator === "and" ? "AND" : "OR";
  return (
    <fieldset
      className={top ? "space-y-3" : "space-y-3 rounded-lg border border-brand-100 bg-brand-50/40 p-3"}
      aria-describedby={Object.keys(own).length > 0 ? errorListId : undefined}
    >
      <legend className={top ? "sr-only" : "px-1 text-xs font-semibold uppercase tracking-wide text-brand-700"}>
        {label}
      </legend>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <label className="flex items-center gap-2">
          <span>Customers who {group.negate ? "do not match" : "match"}</span>
          <select
            aria-label={`${label}: combine conditions with`}
            value={group.combinator}
            disabled={readOnly}
            onChange={(e) => set({ combinator: e.target.value as "and" | "or" })}
            className={CONTROL_CLASS}
          >
            <option value="and">all of (AND)</option>
            <option value="or">any of (OR)</option>
          </select>
        </label>
        <span>these conditions</span>
        <label className="ml-2 flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={group.negate ?? false}
            disabled={readOnly}
            onChange={(e) => set({ negate: e.target.checked })}
            className="h-4 w-4 rounded border-slate-300"
          />
          <span>Exclude (NOT)</span>
        </label>
        {!top && !readOnly ? <NodeActions rule={rule} path={path} onChange={onChange} label={label} /> : null}
      </div>
      <ErrorList id={errorListId} errors={own} />
      {group.conditions.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-3 text-sm text-slate-500">
          {top
            ? "No conditions yet: this rule matches every customer. Add a condition below, for example “Performed an event”."
            : "An empty group matches every customer. Add a condition to it or remove it."}
        </p>
      ) : (
        <ol className="space-y-2">
          {group.conditions.map((node, index) => {
            const childPath = [...path, index];
            return (
              <li key={`${errorKey(childPath)}-${node.type}`} className="space-y-2">
                {index > 0 ? (
                  <div className="pl-2 text-xs font-semibold text-brand-700" aria-hidden>
                    {joiner}
                  </div>
                ) : null}
                {node.type === "group" ? (
                  <GroupEditor
                    rule={rule}
                    onChange={onChange}
                    errors={errors}
                    readOnly={readOnly}
                    selfId={selfId}
                    path={childPath}
                  />
                ) : (
                  <ConditionCard
                    rule={rule}
                    onChange={onChange}
                    errors={errors}
                    readOnly={readOnly}
                    selfId={selfId}
                    path={childPath}
                    condition={node}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={addId} className="text-sm text-slate-600">
            {top ? "Add condition" : `Add to ${label.toLowerCase()}`}
          </label>
          <select
            id={addId}
            value=""
            className={CONTROL_CLASS}
            onChange={(e) => {
              const type = e.target.value as ConditionType;
              if (type) onChange(appendAt(rule, path, conditionKind(type).create()));
            }}
          >
            <option value="">Choose a condition…</option>
            {sections().map(([section, kinds]) => (
              <optgroup key={section} label={section}>
                {kinds.map((k) => (
                  <option key={k.type} value={k.type}>
                    {k.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {depth < MAX_DEPTH ? (
            <Button
              type="button"
              variant="secondary"
              className="px-2 py-1.5"
              onClick={() =>
                onChange(
                  appendAt(rule, path, {
                    type: "group",
                    combinator: group.combinator === "and" ? "or" : "and",
                    negate: false,
                    conditions: [],
                  }),
                )
              }
            >
              + Group ({group.combinator === "and" ? "OR" : "AND"} inside)
            </Button>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}

function sections(): [string, typeof CONDITION_KINDS][] {
  const bySection = new Map<string, typeof CONDITION_KINDS>();
  for (const kind of CONDITION_KINDS) bySection.set(kind.section, [...(bySection.get(kind.section) ?? []), kind]);
  return [...bySection.entries()];
}

function ConditionCard({
  rule,
  onChange,
  errors,
  readOnly = false,
  selfId,
  path,
  condition,
}: EditorProps & { path: NodePath; condition: SegmentConditionInput }) {
  const errorListId = useId();
  const own = errorsOfNode(errors, path, false);
  const label = `Condition ${path.map((i) => i + 1).join(".")}`;
  const invalid = Object.keys(own).length > 0;
  return (
    <section
      aria-label={`${label}: ${conditionKind(condition.type).label}`}
      className={`rounded-lg border bg-white p-3 shadow-sm ${invalid ? "border-red-300" : "border-slate-200"}`}
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {label} · {conditionKind(condition.type).label}
        </h3>
        {readOnly ? null : <NodeActions rule={rule} path={path} onChange={onChange} label={label} />}
      </div>
      <ConditionFieldProvider value={{ errors: own, errorListId, readOnly }}>
        <ConditionFields
          condition={condition}
          selfId={selfId}
          onChange={(next) => onChange(updateAt(rule, path, () => next as SegmentNodeInput))}
        />
      </ConditionFieldProvider>
      <ErrorList id={errorListId} errors={own} />
    </section>
  );
}

/** Move up / move down / remove, named after the node they act on for screen readers. */
function NodeActions({
  rule,
  path,
  onChange,
  label,
}: {
  rule: SegmentGroupInput;
  path: NodePath;
  onChange: (rule: SegmentGroupInput) => void;
  label: string;
}) {
  const index = path[path.length - 1] ?? 0;
  const parent = nodeAt(rule, path.slice(0, -1));
  const siblings = parent?.type === "group" ? parent.conditions.length : 1;
  return (
    <div className="ml-auto flex items-center gap-1">
      <Button
        type="button"
        variant="ghost"
        className="px-2 py-1 text-xs disabled:opacity-30"
        aria-label={`Move ${label} up`}
        disabled={index === 0}
        onClick={() => onChange(moveAt(rule, path, -1))}
      >
        ↑
      </Button>
      <Button
        type="button"
        variant="ghost"
        className="px-2 py-1 text-xs disabled:opacity-30"
        aria-label={`Move ${label} down`}
        disabled={index >= siblings - 1}
        onClick={() => onChange(moveAt(rule, path, 1))}
      >
        ↓
      </Button>
      <Button
        type="button"
        variant="ghost"
        className="px-2 py-1 text-xs text-red-700"
        aria-label={`Remove ${label}`}
        onClick={() => onChange(removeAt(rule, path))}
      >
        Remove
      </Button>
    </div>
  );
}

/** The messages of one node, right under it; controls with an error point here with aria-describedby. */
function ErrorList({ id, errors }: { id: string; errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return <div id={id} hidden />;
  return (
    <ul id={id} className="mt-2 space-y-0.5 text-xs text-red-700">
      {entries.map(([field, message]) => (
        <li key={field}>{labelledMessage(field, message)}</li>
      ))}
    </ul>
  );
}
