import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

// Reachable without a session: sign-in and setup pages, next-auth's own routes, the health check, and the
// tracking API (it authenticates with write keys instead).
const PUBLIC_PATHS = [/^\/login(\/|$)/, /^\/setup(\/|$)/, /^\/api\/auth\//, /^\/api\/health$/, /^\/v1\//];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();

  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();

  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|jpg|webp)$).*)"],
};
