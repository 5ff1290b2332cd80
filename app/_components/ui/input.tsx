import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

const LOOK =
  "rounded-md border border-zinc-300 bg-white text-zinc-900 placeholder:text-zinc-500 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const FIELD_SIZES = { md: "px-2.5 py-1.5 text-sm", sm: "px-2 py-1 text-sm", xs: "px-1.5 py-0.5 text-xs" };

/** A field's look without its width, for fields that sit in a row (toolbars, filters). */
export function fieldClass(size: keyof typeof FIELD_SIZES = "md"): string {
  return `${LOOK} ${FIELD_SIZES[size]}`;
}
const FIELD = `block w-full ${fieldClass()}`;

export function Input({ className = "", ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={`${FIELD} ${className}`} {...props} />;
}

export function Select({ className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${FIELD} ${className}`} {...props} />;
}

export function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-zinc-500">{hint}</p>}
    </div>
  );
}
