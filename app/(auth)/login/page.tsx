import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { LoginForm } from "@/components/auth/login-form";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { hasAnyUser } from "@/lib/workspaces/create";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; setup?: string }>;
}) {
  await connection();
  if (!(await hasAnyUser(await getDb()))) redirect("/setup");
  if (await getViewer()) redirect("/");
  const { callbackUrl, error, setup } = await searchParams;
  // next-auth puts the message thrown by authorize() in ?error= when it redirects back here.
  const message = error && error !== "CredentialsSignin" ? error : error ? "Wrong email or password." : undefined;
  const notice =
    setup === "done" ? "Your workspace is ready. Sign in with the email and password you chose." : undefined;
  return <LoginForm callbackUrl={callbackUrl} initialError={message} notice={notice} />;
}
