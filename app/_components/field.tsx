import { Children, cloneElement, isValidElement, useId } from 'react';

/** A labelled form control with its error under it; wires id, aria-invalid and aria-describedby. */
export function Field({ label, error, children }: { label: string; error?: string | false; children: React.ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const errorId = `${id}-error`;
  const control = Children.only(children);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {isValidElement(control) &&
        cloneElement(control, {
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? errorId : undefined,
          className: `rounded border px-3 ${error ? 'border-red-500' : 'border-slate-300'} bg-white`,
        })}
      {error && (
        <span id={errorId} className="text-sm text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
