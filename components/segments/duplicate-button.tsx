"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { segmentsApi } from "./api";

/** Copies a saved segment (as a draft named "… (copy)" by the API) and opens the copy in the builder. */
export function DuplicateButton({ segmentId }: { segmentId: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const duplicate = useMutation({
    mutationFn: () => segmentsApi.duplicate(segmentId),
    onSuccess: async (copy) => {
      await queryClient.invalidateQueries({ queryKey: ["segments"] });
      router.push(`/segments/${copy.id}/edit`);
    },
  });
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="secondary" disabled={duplicate.isPending} onClick={() => duplicate.mutate()}>
        {duplicate.isPending ? "Duplicating…" : "Duplicate"}
      </Button>
      {duplicate.isError ? (
        <span role="alert" className="text-xs text-red-700">
          Could not duplicate: {duplicate.error.message}
        </span>
      ) : null}
    </span>
  );
}
