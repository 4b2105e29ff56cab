import type { Role } from "@/lib/auth/roles";

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    role?: Role;
    workspaceId?: string;
  }
}
