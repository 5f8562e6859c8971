'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { get, useForm, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { FieldInput } from '../../_components/application/field-input';
import { TemplateForm, toDraft, type FormValues } from '../../_components/application/template-form';
import { useText } from '../../_components/application/use-text';
import { useErrorText, useFieldErrorTexts, useValidationText } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';
import { useHydrated } from '../../_components/use-hydrated';
import { findTemplate, TEMPLATES, type TemplateDef } from '@/templates';
import type { FieldDef } from '@/templates/define-template';
import { AUTHORITY_SECTION, COMPANY_SECTION, isLegalEntityForm, type CompanyDetails } from '@/templates/legal-entity';
import { fieldValueSchema, isEmpty } from '@/templates/field-values';
import { formSchema, isVisible } from '@/templates/schema-from-template';
import { isValidEdrpou } from '@/templates/validators';
import { useZodLocale } from '../../_components/use-zod-locale';

type Kind = 'legal-entity' | 'individual';
type Status = 'draft' | 'sent' | 'opened';

/** The company details as the procedures take them (`company.company.edrpou` … are also the error paths). */
interface CompanyValues {
  company: {
    company: { name: string; edrpou: string; legalAddress: string; iban: string };
    authority: { poaNumber: string; poaDate: string; poaValidUntil: string };
    representative: { name: string; position: string };
  };
}


interface LoadedPackage {
  id: string;
  number: string;
  kind: Kind;
  title: string;
  status: Status;
  version: number;
  details: CompanyDetails | null;
  sentAt: Date | null;
  items: { templateId: string; formData: Record<string, Record<string, unknown>> }[];
}

interface Item {
  key: string;
  templateId: string;
  formData: FormValues;
}

// The company's own sections, validated in the browser exactly as the server will (checksum, IBAN, dates).
const COMPANY_FORM = { id: 'company', sections: [COMPANY_SECTION, AUTHORITY_SECTION], parties: [] } as unknown as TemplateDef;
const COMPANY_SECTION_KEYS = new Set<string>([COMPANY_SECTION.key, AUTHORITY_SECTION.key]);
const kyivDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' });
const newKey = () => crypto.randomUUID();

function companyValues(details: CompanyDetails | null): CompanyValues {
  return {
    company: {
      company: { name: details?.name ?? '', edrpou: details?.edrpou ?? '', legalAddress: details?.legalAddress ?? '', iban: details?.iban ?? '' },
      authority: { poaNumber: details?.poaNumber ?? '', poaDate: details?.poaDate ?? '', poaValidUntil: details?.poaValidUntil ?? '' },
      representative: { name: details?.representativeName ?? '', position: details?.representativePosition ?? '' },
    },
  };
}

/** The part of a form the operator fills in a package: a company's form without the company sections, which come from the details. */
function itemTemplate(kind: Kind, template: TemplateDef): TemplateDef {
  if (kind !== 'legal-entity' || !isLegalEntityForm(template)) return template;
  return { ...template, sections: template.sections.filter((s) => !COMPANY_SECTION_KEYS.has(s.key)) };
}

/** Only what was filled: empty inputs, unticked boxes and blank rows are left out (they are the dealer's to fill). */
function filledOnly(values: FormValues): FormValues {
  const out: FormValues = {};
  for (const [section, fields] of Object.entries(values)) {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (Array.isArray(value)) {
        const rows = value.filter((row) => Object.values(row as Record<string, unknown>).some((cell) => String(cell ?? '').trim() !== ''));
        if (rows.length) kept[key] = rows;
      } else if (typeof value === 'string' ? value.trim() !== '' : value === true) kept[key] = value;
    }
    if (Object.keys(kept).length) out[section] = kept;
  }
  return out;
}

/**
 * What the operator filled that is already wrong (a bad phone number, an e-mail without @), with
 * its path in the form; empty fields are the dealer's to fill and not checked here. The server
 * keeps drafts loose, so this is said now rather than to the dealer later.
 */
function invalidFilled(template: TemplateDef, values: FormValues, applicationDate: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const check = (field: FieldDef, value: unknown, path: string) => {
    const parsed = fieldValueSchema(field, { applicationDate }).safeParse(value);
    if (!parsed.success) problems.push({ path, message: parsed.error.issues[0]?.message ?? 'required' });
  };
  for (const section of template.sections) {
    const sectionValues = values[section.key] ?? {};
    for (const field of section.fields) {
      const value = sectionValues[field.key];
      if (!isVisible(field, sectionValues) || field.type === 'checkbox' || isEmpty(value)) continue;
      if (field.type !== 'list') {
        check(field, value, `${section.key}.${field.key}`);
        continue;
      }
      (value as Record<string, unknown>[]).forEach((row, index) => {
        for (const column of field.columns ?? []) {
          if (!isEmpty(row[column.key])) check(column, row[column.key], `${section.key}.${field.key}.${index}.${column.key}`);
        }
      });
    }
  }
  return problems;
}

/** A new package (`kind`) or an existing one (`packageId`). */
export function PackageEditor({ packageId, kind }: { packageId?: string; kind?: Kind }) {
  const trpc = useTRPC();
  const errorText = useErrorText();
  const query = useQuery({ ...trpc.package.get.queryOptions({ packageId: packageId ?? '' }), enabled: Boolean(packageId) });
  if (!packageId) return <Editor pkg={null} kind={kind ?? 'legal-entity'} />;
  if (query.isPending) return <p className="text-slate-500">…</p>;
  if (query.isError) return <p className="text-red-700">{errorText(query.error)}</p>;
  return <Editor pkg={query.data} kind={query.data.kind} />;
}

function Editor({ pkg, kind }: { pkg: LoadedPackage | null; kind: Kind }) {
  const t = useTranslations('package.editor');
  useZodLocale();
  const tp = useTranslations('package');
  const locale = useLocale();
  const format = useFormatter();
  const text = useText();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const fieldErrorTexts = useFieldErrorTexts();
  const hydrated = useHydrated();
  const status: Status = pkg?.status ?? 'draft';
  const formsEditable = status === 'draft';
  const [version, setVersion] = useState(pkg?.version ?? 1);
  const [items, setItems] = useState<Item[]>(() => (pkg?.items ?? []).map((i) => ({ key: newKey(), templateId: i.templateId, formData: i.formData })));
  const [adding, setAdding] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const itemForms = useRef(new Map<string, UseFormReturn<FieldValues>>());
  const companyForm = useForm<CompanyValues>({ defaultValues: companyValues(pkg?.details ?? null) });

  const choices = TEMPLATES.filter((template) => kind === 'individual' || isLegalEntityForm(template));
  const canAdd = formsEditable && (kind === 'legal-entity' ? items.length < 10 : items.length === 0);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.package.pathKey() });
  };
  const placeErrors = (error: unknown): boolean => {
    let placed = false;
    for (const { path, message } of fieldErrorTexts(error)) {
      const item = /^items\.(\d+)\.formData\.(.+)$/.exec(path);
      if (path.startsWith('company.')) {
        companyForm.setError(path as never, { type: 'server', message });
        placed = true;
      } else if (item) {
        const form = itemForms.current.get(items[Number(item[1])]?.key ?? '');
        if (form) {
          form.setError(item[2] ?? '', { type: 'server', message });
          placed = true;
        }
      }
    }
    return placed;
  };
  const onError = (error: unknown) => setNotice(placeErrors(error) ? t('fixErrors') : errorText(error));
  const create = useMutation(
    trpc.package.create.mutationOptions({
      onSuccess: async ({ packageId }) => {
        // The company is now remembered: what was cached as "unknown EDRPOU" is stale.
        await queryClient.invalidateQueries({ queryKey: trpc.package.pathKey() });
        router.replace(`/operator/packages/${packageId}`);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.package.update.mutationOptions({
      onSuccess: (result) => {
        setVersion(result.version);
        setSaved(t('saved', { time: new Date().toLocaleTimeString(locale === 'en' ? 'en-GB' : 'uk-UA') }));
        refresh();
      },
      onError,
    }),
  );

  const save = () => {
    setNotice(null);
    setSaved(null);
    companyForm.clearErrors();
    for (const form of itemForms.current.values()) form.clearErrors();
    let ok = true;
    const today = kyivDay.format(new Date());
    const company = companyForm.getValues().company;
    if (kind === 'legal-entity') {
      const parsed = formSchema(COMPANY_FORM, { applicationDate: today }).safeParse({ company: company.company, authority: company.authority });
      if (!parsed.success) {
        ok = false;
        for (const issue of parsed.error.issues) companyForm.setError(`company.${issue.path.join('.')}` as never, { message: issue.message });
      }
      if (company.representative.name.trim().length < 5) {
        ok = false;
        companyForm.setError('company.representative.name', { message: 'fullNameTooShort' });
      }
    }
    if (formsEditable && items.length === 0) {
      setNotice(t('noForms'));
      return;
    }
    if (formsEditable) {
      for (const item of items) {
        const template = findTemplate(item.templateId);
        const form = itemForms.current.get(item.key);
        if (!template || !form) continue;
        const shown = itemTemplate(kind, template);
        for (const problem of invalidFilled(shown, toDraft(shown, form.getValues() as FormValues), today)) {
          ok = false;
          form.setError(problem.path, { message: problem.message });
        }
      }
    }
    if (!ok) {
      setNotice(t('fixErrors'));
      return;
    }
    const payloadItems = items.map((item) => {
      const template = findTemplate(item.templateId);
      const form = itemForms.current.get(item.key);
      const values = template && form ? toDraft(itemTemplate(kind, template), form.getValues() as FormValues) : item.formData;
      return { templateId: item.templateId, formData: filledOnly(values) };
    });
    if (!pkg) {
      if (kind === 'legal-entity') create.mutate({ kind, company, items: payloadItems });
      else create.mutate({ kind, items: payloadItems });
    } else {
      update.mutate({ packageId: pkg.id, version, ...(kind === 'legal-entity' ? { company } : {}), ...(formsEditable ? { items: payloadItems } : {}) });
    }
  };

  const setForm = useCallback((key: string, form: UseFormReturn<FieldValues>) => {
    itemForms.current.set(key, form);
  }, []);
  const pending = create.isPending || update.isPending;
  const nothingToSave = !formsEditable && kind === 'individual';

  return (
    <div className="flex flex-col gap-4" data-testid="package-editor" data-status={status}>
      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">{pkg ? pkg.title : kind === 'legal-entity' ? t('newCompany') : t('newIndividual')}</h1>
          {pkg && (
            <span className="rounded bg-slate-100 px-2 py-1 text-sm" data-testid="package-status">
              {tp(`status.${status}`)}
            </span>
          )}
          <span className="rounded bg-slate-100 px-2 py-1 text-xs">{tp(`kind.${kind}`)}</span>
        </div>
        {pkg && (
          <p className="text-sm text-slate-600">
            <span data-testid="package-number">{pkg.number}</span>
            {pkg.sentAt && ` · ${t('sentAt', { date: format.dateTime(pkg.sentAt, { dateStyle: 'short', timeStyle: 'short' }) })}`}
          </p>
        )}
        {pkg && status !== 'draft' && (
          <>
            <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="sent-note">
              {kind === 'legal-entity' ? t('sentNote') : t('sentNoteIndividual')}
            </p>
            <Link href={`/packages/${pkg.id}`} className="mt-2 inline-block font-medium text-brand-700 underline">
              {t('view')}
            </Link>
          </>
        )}
      </header>

      {kind === 'legal-entity' && (
        // A draft keeps its own copy of the details; a sent package shows the company as remembered (its latest details).
        <CompanyPart form={companyForm} knownEdrpou={pkg && status === 'draft' ? (pkg.details?.edrpou ?? null) : null} isNew={!pkg} />
      )}

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
                <ItemForm itemKey={item.key} template={itemTemplate(kind, template)} values={item.formData} readOnly={!formsEditable} onForm={setForm} />
              ) : (
                <p className="text-red-700">{t('unknownForm')}</p>
              )}
            </div>
          );
        })}
        {canAdd && (
          <form
            className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-slate-300 bg-white p-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (!adding) return;
              setItems((all) => [...all, { key: newKey(), templateId: adding, formData: {} }]);
              setAdding('');
              setNotice(null);
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
        )}
      </section>

      {notice && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="package-notice">
          {notice}
        </p>
      )}
      {!nothingToSave && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={save} disabled={pending || !hydrated} className="rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-60">
            {pending ? t('saving') : formsEditable ? t('save') : t('saveCompany')}
          </button>
          {saved && (
            <span role="status" className="text-sm text-green-800">
              {saved}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

function ItemForm({ itemKey, template, values, readOnly, onForm }: { itemKey: string; template: TemplateDef; values: FormValues; readOnly: boolean; onForm: (key: string, form: UseFormReturn<FieldValues>) => void }) {
  const formRef = useCallback((form: UseFormReturn<FieldValues>) => onForm(itemKey, form), [itemKey, onForm]);
  return <TemplateForm template={template} values={values} readOnly={readOnly} remarks={null} formRef={formRef} />;
}

/**
 * The company once for the whole package. The EDRPOU comes first: a company seen before fills in
 * its last details (with when and by whom they were last changed).
 */
function CompanyPart({ form, knownEdrpou, isNew }: { form: UseFormReturn<CompanyValues>; knownEdrpou: string | null; isNew: boolean }) {
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
