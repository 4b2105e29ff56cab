import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

// Reachable without a session: sign-in and setup pages, next-auth's own routes, the health check, and the
// tracking and ticket APIs (they authenticate with write keys instead).
const PUBLIC_PATHS = [
  /^\/login(\/|$)/,
  /^\/setup(\/|$)/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/v1\//,
  /^\/api\/v1\/tickets(\/batch)?$/,
];

// Routes whose handlers authenticate an `Authorization: Bearer <API key>` themselves (requireApiAccess): a
// request carrying one reaches the handler, which answers 401/403 for a bad key. The read API areas, and the
// key routes so that a key used there hears "keys cannot manage keys" (403) rather than "sign in".
const API_KEY_PATHS = /^\/api\/v1\/(metrics|customers|support|api-keys)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
  if (API_KEY_PATHS.test(pathname) && /^bearer(\s|$)/i.test(request.headers.get("authorization") ?? "")) {
    return NextResponse.next();
  }

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
