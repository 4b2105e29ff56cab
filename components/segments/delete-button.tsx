"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { segmentsApi } from "./api";

/** Deletes a segment after a second, explicit click; a segment other segments use is refused (409) with why. */
export function DeleteButton({ segmentId, name }: { segmentId: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => segmentsApi.remove(segmentId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["segments"] });
      router.push("/segments");
    },
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm text-slate-700">Delete “{name}” for good?</span>
          <Button type="button" variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {remove.isPending ? "Deleting…" : "Yes, delete"}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </>
      ) : (
        <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
      {remove.isError ? (
        <span role="alert" className="basis-full text-sm text-red-700">
          {remove.error.message}
        </span>
      ) : null}
    </span>
  );
}
