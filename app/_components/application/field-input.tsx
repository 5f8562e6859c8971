'use client';

import { useTranslations } from 'next-intl';
import { useWatch, type Control, type UseFormRegister, type FieldValues } from 'react-hook-form';
import { TARIFFS, type FieldDef } from '@/templates/define-template';
import { formatIban } from '@/templates/validators/iban';
import { useText } from './use-text';

const INPUT = 'w-full rounded border px-3';

/** One field of a template as an input; the type decides the control and the keyboard. */
export function FieldInput({
  field,
  name,
  register,
  readOnly,
  invalid,
  describedBy,
}: {
  field: FieldDef;
  name: string;
  register: UseFormRegister<FieldValues>;
  readOnly: boolean;
  invalid: boolean;
  /** The id of a remark (or hint) about this field. */
  describedBy?: string;
}) {
  const t = useTranslations('application');
  const text = useText();
  const className = `${INPUT} ${invalid ? 'border-red-500' : 'border-slate-300'} ${readOnly ? 'bg-slate-50' : 'bg-white'}`;
  const common = { ...register(name), id: name, disabled: readOnly, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  switch (field.type) {
    case 'checkbox':
      return <input type="checkbox" {...common} className="h-6 w-6" />;
    case 'select':
    case 'tariff': {
      const options = field.type === 'tariff' ? TARIFFS : (field.options ?? []);
      return (
        <select {...common} className={className}>
          <option value="">{t('choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {text(o.label)}
            </option>
          ))}
        </select>
      );
    }
    case 'textarea':
      return <textarea {...common} rows={3} maxLength={field.maxLength ?? 2000} className={`${className} py-2`} />;
    case 'date':
      return <input type="date" {...common} className={className} />;
    case 'phone':
      return <input type="tel" inputMode="tel" autoComplete="off" placeholder="+380 67 123 45 67" {...common} className={className} />;
    case 'email':
      return <input type="email" inputMode="email" {...common} className={className} />;
    case 'rnokpp':
    case 'edrpou':
      return <input inputMode="numeric" maxLength={field.type === 'rnokpp' ? 10 : 8} {...common} className={className} />;
    case 'iban':
      // Shown in groups of four (the server keeps the compact form): on load, and when the field is left.
      return (
        <input
          autoCapitalize="characters"
          placeholder="UA00 0000 0000 0000 0000 0000 0000 0"
          {...common}
          ref={(element) => {
            common.ref(element);
            if (element) element.value = formatIban(element.value);
          }}
          onBlur={(event) => {
            const grouped = formatIban(event.target.value);
            if (grouped !== event.target.value) {
              event.target.value = grouped;
              void common.onChange(event);
            }
            void common.onBlur(event);
          }}
          className={className}
          data-field-type="iban"
        />
      );
    default:
      return <input maxLength={field.maxLength ?? 500} {...common} className={className} />;
  }
}

/**
 * A field's value as read-only text: the option's label for a choice, "—" when empty (never an
 * input's placeholder or the browser's date mask, which would read as data).
 */
export function FieldValue({ field, name, control, labelledBy, describedBy }: { field: FieldDef; name: string; control: Control<FieldValues>; labelledBy?: string; describedBy?: string }) {
  const text = useText();
  const value = useWatch({ control, name }) as unknown;
  const raw = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
  const options = field.type === 'tariff' ? TARIFFS : field.type === 'select' ? (field.options ?? []) : null;
  const option = options?.find((o) => o.value === raw);
  const shown = raw === '' ? '—' : option ? text(option.label) : raw;
  return (
    <div
      id={name}
      role="textbox"
      aria-readonly="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`min-h-11 rounded border border-slate-200 bg-slate-50 px-3 py-2 ${field.type === 'textarea' || field.type === 'address' ? 'whitespace-pre-wrap' : ''} ${raw === '' ? 'text-slate-500' : ''}`}
      data-testid="field-value"
      data-empty={raw === '' || undefined}
    >
      {shown}
    </div>
  );
}
