"use client";

import { createContext, useContext } from "react";

/**
 * What a control inside one condition needs to know about validation: whether its own field has an error,
 * and the id of the condition's error list to point at (aria-describedby), so a screen reader announces the
 * message with the control while the message stays next to the condition for everyone else.
 */
export type ConditionFieldState = { errors: Record<string, string>; errorListId: string; readOnly: boolean };

const ConditionFieldContext = createContext<ConditionFieldState>({ errors: {}, errorListId: "", readOnly: false });

export const ConditionFieldProvider = ConditionFieldContext.Provider;

/** aria props for the control of `field` ("count.value"); also invalid when a field inside it is ("where.0…"). */
export function useFieldAria(field: string): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const { errors, errorListId } = useContext(ConditionFieldContext);
  const invalid = Object.keys(errors).some((key) => key === field || key.startsWith(`${field}.`));
  return invalid ? { "aria-invalid": true, "aria-describedby": errorListId } : {};
}

export function useReadOnly(): boolean {
  return useContext(ConditionFieldContext).readOnly;
}
