"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="text-xs font-medium text-slate-400 hover:text-white"
    >
      Sign out
    </button>
  );
}
