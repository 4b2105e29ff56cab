"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { segmentsApi } from "./api";

/** Turns a draft into an active segment: its members are computed at once and kept current from then on. */
export function ActivateButton({ segmentId }: { segmentId: string }) {
  const queryClient = useQueryClient();
  const activate = useMutation({
    mutationFn: () => segmentsApi.update(segmentId, { status: "active" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["segment", segmentId] });
      await queryClient.invalidateQueries({ queryKey: ["segments"] });
    },
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" disabled={activate.isPending} onClick={() => activate.mutate()}>
        {activate.isPending ? "Activating…" : "Activate"}
      </Button>
      {activate.isError ? (
        <span role="alert" className="text-sm text-red-700">
          Could not activate: {activate.error.message}
        </span>
      ) : null}
    </span>
  );
}
