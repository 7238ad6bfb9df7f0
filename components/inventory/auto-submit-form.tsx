"use client";
import Form from "next/form";

/**
 * A GET form that works without JavaScript (submit button, Enter in the search box) and, with it, applies a
 * select or checkbox as soon as it changes, navigating client-side (next/form).
 */
export function AutoSubmitForm({ action, children, className, testId }: { action: string; children: React.ReactNode; className?: string; testId?: string }) {
  return (
    <Form
      action={action}
      className={className}
      data-testid={testId}
      role="search"
      onChange={(e) => {
        const el = e.target;
        if (el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && el.type === "checkbox")) e.currentTarget.requestSubmit();
      }}
    >
      {children}
    </Form>
  );
}
