'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState, type RefObject } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { toDraft, type FormValues } from '../../_components/application/template-form';
import { useErrorText, useFieldErrorTexts } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';
import { findTemplate } from '@/templates';
import { COMPANY_FORM } from '@/templates/legal-entity';
import { formSchema } from '@/templates/schema-from-template';
import { kyivDate } from '@/server/time/kyiv';
import { filledOnly, invalidFilled, itemTemplate, type CompanyValues, type Item, type Kind, type LoadedPackage } from './package-values';

/**
 * Saving the package: the browser's checks first (the company's sections as the server checks
 * them, what was filled in the forms), then `package.create` or `package.update`; what the server
 * refuses is placed on its field where there is one. The notice and the "saved at" line are its.
 */
export function usePackageSave({
  pkg,
  kind,
  items,
  formsEditable,
  companyForm,
  itemForms,
}: {
  pkg: LoadedPackage | null;
  kind: Kind;
  items: Item[];
  formsEditable: boolean;
  companyForm: UseFormReturn<CompanyValues>;
  itemForms: RefObject<Map<string, UseFormReturn<FieldValues>>>;
}) {
  const t = useTranslations('package.editor');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const fieldErrorTexts = useFieldErrorTexts();
  const [version, setVersion] = useState(pkg?.version ?? 1);
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

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

  /** The company's sections and the filled fields, checked as the server will; false (with the errors set) when something is wrong. */
  const checkInBrowser = (company: CompanyValues['company'], today: string): boolean => {
    let ok = true;
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
    return ok;
  };

  const checkItems = (today: string): boolean => {
    let ok = true;
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
    return ok;
  };

  const save = () => {
    setNotice(null);
    setSaved(null);
    companyForm.clearErrors();
    for (const form of itemForms.current.values()) form.clearErrors();
    const today = kyivDate(new Date());
    const company = companyForm.getValues().company;
    let ok = checkInBrowser(company, today);
    if (formsEditable && items.length === 0) {
      setNotice(t('noForms'));
      return;
    }
    if (formsEditable && !checkItems(today)) ok = false;
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

  return { save, pending: create.isPending || update.isPending, notice, setNotice, saved };
}
