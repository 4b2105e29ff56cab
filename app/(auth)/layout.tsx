import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-100 to-slate-200 px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <span className="text-2xl font-bold tracking-tight text-slate-900">Tenure</span>
          <p className="text-sm text-slate-600">Keep the customers you worked to win.</p>
        </div>
        {children}
      </div>
    </main>
  );
}
