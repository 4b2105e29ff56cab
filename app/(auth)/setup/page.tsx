import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SetupForm } from "@/components/auth/setup-form";
import { getDb } from "@/lib/db";
import { hasAnyUser } from "@/lib/workspaces/create";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  // Whether setup is still open depends on the database now, never on build time.
  await connection();
  if (await hasAnyUser(await getDb())) redirect("/login");
  return <SetupForm defaultTimeZone="UTC" />;
}
