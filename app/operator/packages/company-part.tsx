'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { Fragment, useEffect, useRef, useState } from 'react';
import { get, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { FieldInput } from '../../_components/application/field-input';
import { useText } from '../../_components/application/use-text';
import { useValidationText } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';
import type { FieldDef } from '@/templates/define-template';
import { AUTHORITY_SECTION, COMPANY_SECTION } from '@/templates/legal-entity';
import { isValidEdrpou } from '@/templates/validators';
import { companyValues, type CompanyValues } from './package-values';

/**
 * The company once for the whole package. The EDRPOU comes first: a company seen before fills in
 * its last details (with when and by whom they were last changed).
 */
export function CompanyPart({ form, knownEdrpou, isNew }: { form: UseFormReturn<CompanyValues>; knownEdrpou: string | null; isNew: boolean }) {
  const t = useTranslations('package.editor');
  const format = useFormatter();
  const trpc = useTRPC();
  const edrpou = String(useWatch({ control: form.control, name: 'company.company.edrpou' }) ?? '').trim();
  const complete = /^\d{8}$/.test(edrpou);
  const valid = complete && isValidEdrpou(edrpou);
  const lookup = useQuery({ ...trpc.package.lookupCompany.queryOptions({ edrpou }), enabled: valid, retry: false });
  // A dealer company can be a client too: then the code is named as that dealer's, never "new".
  const dealer = useQuery({ ...trpc.package.registeredDealer.queryOptions({ edrpou }), enabled: valid, retry: false });
  const registeredDealer = valid ? dealer.data : undefined;
  // The details already in the form belong to this EDRPOU (a draft being edited): not replaced.
  const applied = useRef<string | null>(knownEdrpou);
  const [fromLookup, setFromLookup] = useState(false);

  useEffect(() => {
    if (complete && !valid) form.setError('company.company.edrpou', { type: 'checksum', message: 'edrpouChecksum' });
    else if (form.getFieldState('company.company.edrpou').error?.type === 'checksum') form.clearErrors('company.company.edrpou');
  }, [complete, valid, form]);

  useEffect(() => {
    const found = lookup.data;
    if (!valid || !found || applied.current === edrpou) return;
    applied.current = edrpou;
    const values = companyValues(found.details).company;
    for (const [section, fields] of Object.entries(values)) {
      for (const [key, value] of Object.entries(fields)) {
        if (section === 'company' && key === 'edrpou') continue;
        form.setValue(`company.${section}.${key}` as never, value as never, { shouldDirty: true });
      }
    }
    form.clearErrors();
    setFromLookup(true);
  }, [lookup.data, valid, edrpou, form]);

  // Not remembered yet, but a registered dealer: its name fills an empty name field.
  useEffect(() => {
    if (!registeredDealer || lookup.data !== null) return;
    if (String(form.getValues('company.company.name' as never) ?? '').trim() === '') {
      form.setValue('company.company.name' as never, registeredDealer.name as never, { shouldDirty: true });
    }
  }, [registeredDealer, lookup.data, form]);

  const companyFields = [...COMPANY_SECTION.fields].sort((a, b) => (a.key === 'edrpou' ? -1 : b.key === 'edrpou' ? 1 : 0));
  const representative: FieldDef[] = [
    { key: 'name', type: 'text', label: { uk: t('representativeName'), en: t('representativeName') }, required: true, maxLength: 200 },
    { key: 'position', type: 'text', label: { uk: t('representativePosition'), en: t('representativePosition') }, maxLength: 200 },
  ];
  const found = valid ? lookup.data : undefined;
  const when = found ? format.dateTime(found.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) : '';

  return (
    <section className="flex flex-col gap-3" data-testid="company-details">
      <h2 className="text-lg font-semibold">{t('companyTitle')}</h2>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t('companyLegend')}</legend>
        <p className="mb-3 text-sm text-slate-600">{t('edrpouFirst')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {companyFields.map((field) => (
            <Fragment key={field.key}>
              <CompanyField form={form} field={field} name={`company.company.${field.key}`} wide={field.key !== 'edrpou'} />
              {field.key === 'edrpou' && (
                <div className="flex items-end pb-1 text-sm">
                  <div className="flex flex-col gap-1">
                    {found ? (
                      <span className="rounded bg-sky-50 px-2 py-1 text-sky-900" data-testid="company-remembered">
                        {fromLookup && isNew ? t('remembered', { date: when, name: found.updatedByName }) : t('rememberedKnown', { date: when, name: found.updatedByName })}
                      </span>
                    ) : null}
                    {registeredDealer ? (
                      <span className="rounded bg-slate-100 px-2 py-1 text-slate-800" data-testid="company-dealer">
                        {found ? t('dealerCompany', { name: registeredDealer.name }) : t('dealerCompanyNotRemembered', { name: registeredDealer.name })}
                      </span>
                    ) : valid && found === null && dealer.data === null ? (
                      <span className="text-slate-600" data-testid="company-new">
                        {t('newCompanyNote')}
                      </span>
                    ) : null}
                  </div>
                </div>
              )}
            </Fragment>
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t('authorityLegend')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {AUTHORITY_SECTION.fields.map((field) => (
            <CompanyField key={field.key} form={form} field={field} name={`company.authority.${field.key}`} />
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t('representativeLegend')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {representative.map((field) => (
            <CompanyField key={field.key} form={form} field={field} name={`company.representative.${field.key}`} />
          ))}
        </div>
      </fieldset>
    </section>
  );
}

function CompanyField({ form, field, name, wide = false }: { form: UseFormReturn<CompanyValues>; field: FieldDef; name: string; wide?: boolean }) {
  const text = useText();
  const v = useValidationText();
  const error = get(form.formState.errors, name) as { message?: string } | undefined;
  return (
    <div className={`flex flex-col gap-1 ${wide ? 'sm:col-span-2' : ''}`} data-field={name}>
      <label htmlFor={name} className="text-sm font-medium">
        {text(field.label)}
        {field.required && ' *'}
      </label>
      <FieldInput field={field} name={name} register={form.register as unknown as UseFormReturn<FieldValues>['register']} readOnly={false} invalid={Boolean(error)} />
      {error?.message && (
        <span className="text-sm text-red-700" role="alert">
          {v(error.message)}
        </span>
      )}
    </div>
  );
}
