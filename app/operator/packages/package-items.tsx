'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { TemplateForm, type FormValues } from '../../_components/application/template-form';
import { useText } from '../../_components/application/use-text';
import { useHydrated } from '../../_components/use-hydrated';
import { findTemplate, TEMPLATES, type TemplateDef } from '@/templates';
import { isLegalEntityForm } from '@/templates/legal-entity';
import { itemTemplate, newKey, type Item, type Kind } from './package-values';

/** How many forms a company's package may hold (an individual's holds one). */
const MAX_COMPANY_ITEMS = 10;

/**
 * The package's forms, each with its own form state (handed to `onForm` by item key), and the
 * picker that adds one while the package is a draft.
 */
export function PackageItems({
  kind,
  items,
  setItems,
  formsEditable,
  onForm,
  onAdded,
}: {
  kind: Kind;
  items: Item[];
  setItems: Dispatch<SetStateAction<Item[]>>;
  formsEditable: boolean;
  onForm: (key: string, form: UseFormReturn<FieldValues>) => void;
  onAdded: () => void;
}) {
  const t = useTranslations('package.editor');
  const text = useText();
  const canAdd = formsEditable && (kind === 'legal-entity' ? items.length < MAX_COMPANY_ITEMS : items.length === 0);
  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{kind === 'legal-entity' ? t('formsTitle') : t('formTitle')}</h2>
      {formsEditable && <p className="text-sm text-slate-600">{kind === 'legal-entity' ? t('formsHint') : t('formHint')}</p>}
      {items.map((item, index) => {
        const template = findTemplate(item.templateId);
        return (
          <div key={item.key} className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-slate-50 p-3" data-testid="package-item" data-template={item.templateId}>
            <div className="flex items-start gap-2">
              <h3 className="min-w-0 flex-1 self-center font-semibold">
                {index + 1}. {template ? text(template.title) : item.templateId}
              </h3>
              {formsEditable && (
                <button type="button" className="shrink-0 rounded border border-red-300 bg-white px-3 text-sm text-red-700" onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))}>
                  {t('removeForm')}
                </button>
              )}
            </div>
            {template ? (
              <ItemForm itemKey={item.key} template={itemTemplate(kind, template)} values={item.formData} readOnly={!formsEditable} onForm={onForm} />
            ) : (
              <p className="text-red-700">{t('unknownForm')}</p>
            )}
          </div>
        );
      })}
      {canAdd && (
        <AddForm
          kind={kind}
          onAdd={(templateId) => {
            setItems((all) => [...all, { key: newKey(), templateId, formData: {} }]);
            onAdded();
          }}
        />
      )}
    </section>
  );
}

function ItemForm({ itemKey, template, values, readOnly, onForm }: { itemKey: string; template: TemplateDef; values: FormValues; readOnly: boolean; onForm: (key: string, form: UseFormReturn<FieldValues>) => void }) {
  const formRef = useCallback((form: UseFormReturn<FieldValues>) => onForm(itemKey, form), [itemKey, onForm]);
  return <TemplateForm template={template} values={values} readOnly={readOnly} remarks={null} formRef={formRef} />;
}

/** The picker of the forms the package's kind may hold. */
function AddForm({ kind, onAdd }: { kind: Kind; onAdd: (templateId: string) => void }) {
  const t = useTranslations('package.editor');
  const text = useText();
  const hydrated = useHydrated();
  const [adding, setAdding] = useState('');
  const choices = TEMPLATES.filter((template) => kind === 'individual' || isLegalEntityForm(template));
  return (
    <form
      className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-slate-300 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!adding) return;
        onAdd(adding);
        setAdding('');
      }}
    >
      <select value={adding} onChange={(e) => setAdding(e.target.value)} aria-label={t('pickForm')} className="min-w-0 flex-1 rounded border border-slate-300 px-2" data-testid="add-form-select">
        <option value="">{t('pickForm')}</option>
        {choices.map((template) => (
          <option key={template.id} value={template.id}>
            {text(template.title)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!adding || !hydrated} className="rounded border border-brand-600 px-4 font-medium text-brand-700 disabled:opacity-50">
        {t('addForm')}
      </button>
    </form>
  );
}
