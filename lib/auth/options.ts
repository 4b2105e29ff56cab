import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { authenticate, SignInError } from "./authenticate";
import { isRole } from "./roles";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded.length > 0) return forwarded.split(",")[0]!.trim();
  return "local";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) throw new Error("Enter your email and password.");
        try {
          const user = await authenticate(await getDb(), email, password, clientAddress(req?.headers));
          return {
            id: user.userId,
            email: user.email,
            name: user.name,
            role: user.role,
            workspaceId: user.workspaceId,
          };
        } catch (error) {
          // next-auth hands the message of a thrown Error to the sign-in form as `error`.
          if (error instanceof SignInError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role?: unknown; workspaceId?: unknown };
        token.userId = u.id;
        if (isRole(u.role)) token.role = u.role;
        if (typeof u.workspaceId === "string") token.workspaceId = u.workspaceId;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.userId, role: token.role, workspaceId: token.workspaceId },
      };
    },
  },
};
