import type { ReactNode } from 'react';

/** The one h1 of the main area; focusable so that navigation can move the focus to it. */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
