import type { ReactNode } from "react";
import { AuthFrame } from "@/components/auth/auth-frame";
import { ThemeScope } from "@/components/theme-scope";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ThemeScope>
      <AuthFrame>{children}</AuthFrame>
    </ThemeScope>
  );
}
