import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const variants = {
  primary: "bg-zinc-900 text-white hover:bg-zinc-700 disabled:bg-zinc-400",
  secondary: "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 disabled:text-zinc-400",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-300",
  ghost: "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
} as const;

type ButtonLook = { variant?: keyof typeof variants; size?: "sm" | "md" | "icon" };

/** A button's classes, for a link that leads somewhere but should look like a button. */
export function buttonClassName({ variant = "primary", size = "md" }: ButtonLook = {}, className?: string) {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900 disabled:cursor-not-allowed",
    size === "md" && "h-9 px-4",
    size === "sm" && "h-8 px-3",
    size === "icon" && "h-8 w-8",
    variants[variant],
    className,
  );
}

export function Button({ variant, size, className, type = "button", ...props }: ComponentProps<"button"> & ButtonLook) {
  return <button type={type} className={buttonClassName({ variant, size }, className)} {...props} />;
}
