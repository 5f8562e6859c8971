'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useErrorText } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';
import { useHydrated } from '../../_components/use-hydrated';
import { useZodLocale } from '../../_components/use-zod-locale';
import { CompanyPart } from './company-part';
import { PackageHeader } from './package-header';
import { PackageItems } from './package-items';
import { companyValues, newKey, type CompanyValues, type Item, type Kind, type LoadedPackage, type Status } from './package-values';
import { usePackageSave } from './use-package-save';

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
  const hydrated = useHydrated();
  const status: Status = pkg?.status ?? 'draft';
  const formsEditable = status === 'draft';
  const [items, setItems] = useState<Item[]>(() => (pkg?.items ?? []).map((i) => ({ key: newKey(), templateId: i.templateId, formData: i.formData })));
  const itemForms = useRef(new Map<string, UseFormReturn<FieldValues>>());
  const companyForm = useForm<CompanyValues>({ defaultValues: companyValues(pkg?.details ?? null) });
  const { save, pending, notice, setNotice, saved } = usePackageSave({ pkg, kind, items, formsEditable, companyForm, itemForms });

  const setForm = useCallback((key: string, form: UseFormReturn<FieldValues>) => {
    itemForms.current.set(key, form);
  }, []);
  const nothingToSave = !formsEditable && kind === 'individual';

  return (
    <div className="flex flex-col gap-4" data-testid="package-editor" data-status={status}>
      <PackageHeader pkg={pkg} kind={kind} status={status} />

      {kind === 'legal-entity' && (
        // A draft keeps its own copy of the details; a sent package shows the company as remembered (its latest details).
        <CompanyPart form={companyForm} knownEdrpou={pkg && status === 'draft' ? (pkg.details?.edrpou ?? null) : null} isNew={!pkg} />
      )}

      <PackageItems kind={kind} items={items} setItems={setItems} formsEditable={formsEditable} onForm={setForm} onAdded={() => setNotice(null)} />

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
