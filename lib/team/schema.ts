import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";

export const newMemberSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  email: z.email("Enter a valid email address").trim().toLowerCase(),
  role: z.enum(ROLES, { message: "Choose a role" }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, "Use at most 200 characters"),
});
export type NewMember = z.infer<typeof newMemberSchema>;

export const changeRoleSchema = z.object({
  userId: z.uuid("Unknown user"),
  role: z.enum(ROLES, { message: "Choose a role" }),
});

export const setActiveSchema = z.object({
  userId: z.uuid("Unknown user"),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
