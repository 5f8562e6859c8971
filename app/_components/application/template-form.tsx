'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { useFieldArray, useForm, useWatch, type Control, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { FieldDef, SectionDef, TemplateDef } from '@/templates/define-template';
import { isVisible } from '@/templates/schema-from-template';
import { useValidationText } from '../error-text';
import { FieldInput, FieldValue } from './field-input';
import { missingFields } from './missing-fields';
import { useText } from './use-text';

export type FormValues = Record<string, Record<string, unknown>>;

const AUTOSAVE_MS = 800;

/**
 * The dealer's form, generated from the template declaration: sections, typed fields,
 * conditional fields shown only when relevant, repeatable rows. Autosaves as the dealer types
 * (debounced); remarks from the operator are shown on their fields, and so are the fields the
 * operator filled in advance (`prefilled`); `showMissing` lists the required fields still empty.
 */
export function TemplateForm({
  template,
  values,
  readOnly,
  remarks,
  onAutosave,
  formRef,
  renderFieldExtra,
  prefilled,
  showMissing = false,
}: {
  template: TemplateDef;
  values: FormValues;
  readOnly: boolean;
  remarks: Record<string, string> | null;
  onAutosave?: (values: FormValues) => void;
  formRef?: (form: UseFormReturn<FieldValues>) => void;
  renderFieldExtra?: (path: string) => React.ReactNode;
  prefilled?: readonly string[] | null;
  showMissing?: boolean;
}) {
  const form = useForm<FieldValues>({ defaultValues: toDraft(template, values) });
  const text = useText();
  useEffect(() => {
    formRef?.(form);
  }, [form, formRef]);

  // Debounced autosave of whatever changed; a pending change is saved at once when the page hides.
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (readOnly || !onAutosave) return;
    const saveNow = () => {
      if (timer.current === undefined) return;
      window.clearTimeout(timer.current);
      timer.current = undefined;
      onAutosave(toDraft(template, form.getValues() as FormValues));
    };
    const subscription = form.watch((_all, { type }) => {
      if (type !== 'change') return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(saveNow, AUTOSAVE_MS);
    });
    window.addEventListener('pagehide', saveNow);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', saveNow);
      saveNow();
    };
  }, [form, onAutosave, readOnly, template]);

  return (
    <div className="flex flex-col gap-6" data-testid="template-form">
      {template.sections.map((section) => (
        <fieldset key={section.key} className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-semibold">{text(section.title)}</legend>
          {section.help && (
            <p className="mb-3 text-sm text-slate-600" data-testid={`section-help-${section.key}`}>
              {text(section.help)}
            </p>
          )}
          <SectionFields section={section} form={form} readOnly={readOnly} remarks={remarks} renderFieldExtra={renderFieldExtra} prefilled={prefilled} />
        </fieldset>
      ))}
      {showMissing && <MissingList template={template} form={form} />}
    </div>
  );
}

/** "Still to fill in: …", live as the dealer types. */
function MissingList({ template, form }: { template: TemplateDef; form: UseFormReturn<FieldValues> }) {
  const t = useTranslations('package.form');
  const text = useText();
  const values = (useWatch({ control: form.control }) ?? {}) as FormValues;
  const missing = missingFields(template, values);
  if (missing.length === 0) {
    return (
      <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="missing-fields" data-count={0}>
        {t('allFilled')}
      </p>
    );
  }
  return (
    <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="missing-fields" data-count={missing.length}>
      {t('missing', { fields: missing.map((m) => text(m.label)).join(', ') })}
    </p>
  );
}

function PrefilledBadge() {
  const t = useTranslations('package.form');
  return (
    <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-normal text-sky-900" data-testid="prefilled-badge">
      {t('prefilled')}
    </span>
  );
}

function SectionFields({
  section,
  form,
  readOnly,
  remarks,
  renderFieldExtra,
  prefilled,
}: {
  section: SectionDef;
  form: UseFormReturn<FieldValues>;
  readOnly: boolean;
  remarks: Record<string, string> | null;
  renderFieldExtra?: (path: string) => React.ReactNode;
  prefilled?: readonly string[] | null;
}) {
  const sectionValues = (useWatch({ control: form.control, name: section.key }) ?? {}) as Record<string, unknown>;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {section.fields
        .filter((field) => isVisible(field, sectionValues))
        .map((field) => (
          <FieldBlock
            key={field.key}
            field={field}
            path={`${section.key}.${field.key}`}
            form={form}
            readOnly={readOnly}
            remark={remarks?.[`${section.key}.${field.key}`]}
            extra={renderFieldExtra?.(`${section.key}.${field.key}`)}
            prefilled={prefilled?.includes(`${section.key}.${field.key}`) ?? false}
          />
        ))}
    </div>
  );
}

function FieldBlock({ field, path, form, readOnly, remark, extra, prefilled }: { field: FieldDef; path: string; form: UseFormReturn<FieldValues>; readOnly: boolean; remark?: string; extra?: React.ReactNode; prefilled: boolean }) {
  const text = useText();
  const v = useValidationText();
  const error = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors) as { message?: string } | undefined;
  const wide = field.type === 'list' || field.type === 'textarea' || field.type === 'address' || field.type === 'checkbox';
  // The operator's remark sits right under the field it concerns, and describes it to assistive technology.
  const remarkId = remark ? `${path}-remark` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${wide ? 'sm:col-span-2' : ''} ${remark ? 'rounded border-l-4 border-amber-400 pl-2' : ''}`} data-field={path} data-prefilled={prefilled || undefined} data-remarked={remark ? true : undefined}>
      {field.type === 'list' ? (
        <ListField field={field} path={path} control={form.control} form={form} readOnly={readOnly} badge={prefilled ? <PrefilledBadge /> : null} />
      ) : field.type === 'checkbox' ? (
        <label className="flex items-center gap-3">
          <FieldInput field={field} name={path} register={form.register} readOnly={readOnly} invalid={Boolean(error)} describedBy={remarkId} />
          <span>
            {text(field.label)}
            {field.required && ' *'}
          </span>
          {prefilled && <PrefilledBadge />}
        </label>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={path} id={`${path}-label`} className="text-sm font-medium">
              {text(field.label)}
              {field.required && ' *'}
            </label>
            {prefilled && <PrefilledBadge />}
          </div>
          {readOnly ? (
            <FieldValue field={field} name={path} control={form.control} labelledBy={`${path}-label`} describedBy={remarkId} />
          ) : (
            <FieldInput field={field} name={path} register={form.register} readOnly={readOnly} invalid={Boolean(error)} describedBy={remarkId} />
          )}
          {field.help && !readOnly && <span className="text-xs text-slate-500">{text(field.help)}</span>}
        </>
      )}
      {remark && (
        <span id={remarkId} className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="field-remark">
          ⚑ {remark}
        </span>
      )}
      {error?.message && (
        <span className="text-sm text-red-700" role="alert">
          {v(error.message)}
        </span>
      )}
      {extra}
    </div>
  );
}

function ListField({ field, path, control, form, readOnly, badge }: { field: FieldDef; path: string; control: Control<FieldValues>; form: UseFormReturn<FieldValues>; readOnly: boolean; badge?: React.ReactNode }) {
  const t = useTranslations('application');
  const text = useText();
  const v = useValidationText();
  const { fields, append, remove } = useFieldArray({ control, name: path });
  const columns = field.columns ?? [];
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">
          {text(field.label)}
          {field.required && ' *'}
        </span>
        {badge}
      </div>
      {fields.map((row, index) => (
        <div key={row.id} className="flex flex-wrap items-end gap-2 rounded border border-slate-200 p-2" data-testid="list-row">
          {columns.map((column) => {
            const name = `${path}.${index}.${column.key}`;
            const error = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors) as { message?: string } | undefined;
            return (
              <label key={column.key} className="flex min-w-40 flex-1 flex-col gap-1 text-sm">
                <span id={`${name}-label`}>{text(column.label)}</span>
                {readOnly ? (
                  <FieldValue field={column} name={name} control={control} labelledBy={`${name}-label`} />
                ) : (
                  <FieldInput field={column} name={name} register={form.register} readOnly={readOnly} invalid={Boolean(error)} />
                )}
                {error?.message && <span className="text-red-700">{v(error.message)}</span>}
              </label>
            );
          })}
          {!readOnly && (
            <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => remove(index)}>
              {t('removeRow')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && fields.length < (field.maxRows ?? 100) && (
        <button type="button" className="self-start rounded border border-slate-300 px-3 text-sm" onClick={() => append(Object.fromEntries(columns.map((c) => [c.key, ''])))}>
          {t('addRow')}
        </button>
      )}
    </div>
  );
}

/**
 * The template's fields only, as strings / booleans / rows of strings: what autosave sends, and
 * the form's starting values (every field present, so inputs are controlled from the start).
 */
export function toDraft(template: TemplateDef, values: FormValues): FormValues {
  return Object.fromEntries(
    template.sections.map((section) => [
      section.key,
      Object.fromEntries(
        section.fields.map((field) => {
          const value = values[section.key]?.[field.key];
          if (field.type === 'checkbox') return [field.key, value === true];
          if (field.type === 'list') return [field.key, Array.isArray(value) ? value.map((row) => Object.fromEntries(Object.entries(row as object).map(([k, x]) => [k, String(x ?? '')]))) : []];
          return [field.key, typeof value === 'string' ? value : String(value ?? '')];
        }),
      ),
    ]),
  );
}
