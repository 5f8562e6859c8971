'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { updateRequestCategoryInput, type RequestCategoryDto } from '@/server/requests/schemas';
import { Field } from '../_components/field';
import { Panel } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';
import { useZodLocale } from '../_components/use-zod-locale';
import { AdminCreateForm, useAdminCreate } from './admin-create-form';

/** The subjects of written requests and their promised times in business hours: list, edit, switch off or on. */
export function RequestCategoriesPanel() {
  const t = useTranslations('requests.categories');
  const locale = useLocale();
  useZodLocale();
  const trpc = useTRPC();
  const categories = useQuery(trpc.admin.requestCategories.list.queryOptions());
  const [editing, setEditing] = useState<RequestCategoryDto | null>(null);
  return (
    <Panel title={t('title')}>
      <p className="mb-2 text-sm text-slate-600">{t('intro')}</p>
      <ul className="divide-y divide-slate-100" data-testid="request-categories-list">
        {categories.data?.map((c) => (
          <li key={c.key} className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="request-category-row" data-key={c.key}>
            <span className="min-w-0 flex-1">
              <span className="block font-medium">
                {locale === 'en' ? c.nameEn : c.nameUk}
                {!c.active && <span className="ml-2 text-sm font-normal text-slate-500">({t('disabled')})</span>}
              </span>
              <span className="block text-sm text-slate-500">
                {c.key} · {t('targets', { first: `${c.firstResponseHours} h`, resolution: `${c.resolutionHours} h` })}
              </span>
            </span>
            <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => setEditing(c)}>
              {t('editButton')}
            </button>
          </li>
        ))}
      </ul>
      {/* The list is fixed (docs/requests.md): an admin changes a category's names, targets and whether it is offered. */}
      {editing && <CategoryForm key={editing.key} editing={editing} onDone={() => setEditing(null)} />}
    </Panel>
  );
}

type Input = z.input<typeof updateRequestCategoryInput>;
type Output = z.output<typeof updateRequestCategoryInput>;

function CategoryForm({ editing, onDone }: { editing: RequestCategoryDto; onDone: () => void }) {
  const t = useTranslations('requests.categories');
  const trpc = useTRPC();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(updateRequestCategoryInput),
    defaultValues: editing,
  });
  const ui = useAdminCreate(form);
  const save = useMutation(
    trpc.admin.requestCategories.update.mutationOptions({
      ...ui.handlers,
      onSuccess: async () => {
        await ui.handlers.onSuccess();
        onDone();
      },
    }),
  );
  const { errors } = form.formState;
  const number = { valueAsNumber: true } as const;
  return (
    <AdminCreateForm title={t('edit')} testId="request-category-form" pending={save.isPending} notice={ui.notice} onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Field label={t('code')} error={ui.v(errors.key?.message)}>
        <input maxLength={40} readOnly {...form.register('key')} />
      </Field>
      <span />
      <Field label={t('nameUk')} error={ui.v(errors.nameUk?.message)}>
        <input maxLength={100} {...form.register('nameUk')} />
      </Field>
      <Field label={t('nameEn')} error={ui.v(errors.nameEn?.message)}>
        <input maxLength={100} {...form.register('nameEn')} />
      </Field>
      <Field label={t('firstResponse')} error={ui.v(errors.firstResponseHours?.message)}>
        <input type="number" min={1} {...form.register('firstResponseHours', number)} />
      </Field>
      <Field label={t('resolution')} error={ui.v(errors.resolutionHours?.message)}>
        <input type="number" min={1} {...form.register('resolutionHours', number)} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register('active')} />
        {t('enable')}
      </label>
      <button type="button" className="justify-self-start rounded border border-slate-300 px-3 text-sm" onClick={onDone}>
        {t('cancel')}
      </button>
    </AdminCreateForm>
  );
}
