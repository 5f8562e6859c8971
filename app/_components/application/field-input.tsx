'use client';

import { useTranslations } from 'next-intl';
import type { UseFormRegister, FieldValues } from 'react-hook-form';
import { TARIFFS, type FieldDef } from '@/templates/define-template';
import { formatIban } from '@/templates/validators/iban';
import { useText } from './use-text';

const INPUT = 'w-full rounded border px-3';

/** One field of a template as an input; the type decides the control and the keyboard. */
export function FieldInput({ field, name, register, readOnly, invalid }: { field: FieldDef; name: string; register: UseFormRegister<FieldValues>; readOnly: boolean; invalid: boolean }) {
  const t = useTranslations('application');
  const text = useText();
  const className = `${INPUT} ${invalid ? 'border-red-500' : 'border-slate-300'} ${readOnly ? 'bg-slate-50' : 'bg-white'}`;
  const common = { ...register(name), id: name, disabled: readOnly, 'aria-invalid': invalid || undefined };
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
