'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createDealerInput, createPointOfSaleInput } from '@/server/admin/schemas';
import { useApplyFieldErrors, useErrorText, useValidationText } from '../_components/error-text';
import { Field } from '../_components/field';
import { Panel, SubmitButton } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';
import { useZodLocale } from '../_components/use-zod-locale';

export function DealersPanel() {
  const t = useTranslations('admin');
  useZodLocale();
  const trpc = useTRPC();
  const dealers = useQuery(trpc.admin.dealers.list.queryOptions());
  const points = useQuery(trpc.admin.dealers.listPointsOfSale.queryOptions());
  return (
    <>
      <Panel title={t('dealers')}>
        <ul className="divide-y divide-slate-100" data-testid="dealers-list">
          {dealers.data?.map((d) => (
            <li key={d.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {d.name} · {t('edrpou')} {d.edrpou}
              </span>
              <span className="text-sm text-slate-500">{t('counts', { pos: d.pointsOfSale, users: d.users })}</span>
            </li>
          ))}
        </ul>
        <CreateDealerForm />
      </Panel>
      <Panel title={t('pointsOfSale')}>
        <ul className="divide-y divide-slate-100" data-testid="points-list">
          {points.data?.map((p) => (
            <li key={p.id} className="py-2">
              {p.name} — {p.town}, {p.address} <span className="text-sm text-slate-500">({p.dealerName})</span>
            </li>
          ))}
        </ul>
        <CreatePointOfSaleForm dealers={dealers.data ?? []} />
      </Panel>
    </>
  );
}

/** Shared behaviour of the admin create forms: notice line, server field errors, refresh on success. */
function useAdminCreate() {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  return {
    notice,
    setNotice,
    errorText: useErrorText(),
    applyFieldErrors: useApplyFieldErrors(),
    v: useValidationText(),
    onSaved: async () => {
      setNotice(t('saved'));
      await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
    },
  };
}

function CreateDealerForm() {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const ui = useAdminCreate();
  const form = useForm<z.input<typeof createDealerInput>, unknown, z.output<typeof createDealerInput>>({
    resolver: zodResolver(createDealerInput),
    defaultValues: { name: '', edrpou: '' },
  });
  const create = useMutation(
    trpc.admin.dealers.create.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await ui.onSaved();
      },
      onError: (error) => {
        if (!ui.applyFieldErrors(form, error)) ui.setNotice(ui.errorText(error));
      },
    }),
  );
  const { errors } = form.formState;
  return (
    <form noValidate className="mt-4 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2" onSubmit={form.handleSubmit((values) => create.mutate(values))} data-testid="create-dealer-form">
      <h3 className="font-medium sm:col-span-2">{t('createDealer')}</h3>
      <Field label={t('dealerName')} error={ui.v(errors.name?.message)}>
        <input {...form.register('name')} />
      </Field>
      <Field label={t('edrpou')} error={ui.v(errors.edrpou?.message)}>
        <input inputMode="numeric" maxLength={8} {...form.register('edrpou')} />
      </Field>
      <FormFooter pending={create.isPending} notice={ui.notice} />
    </form>
  );
}

function CreatePointOfSaleForm({ dealers }: { dealers: { id: string; name: string }[] }) {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const ui = useAdminCreate();
  const form = useForm<z.input<typeof createPointOfSaleInput>, unknown, z.output<typeof createPointOfSaleInput>>({
    resolver: zodResolver(createPointOfSaleInput),
    defaultValues: { dealerId: '', name: '', town: '', address: '' },
  });
  const create = useMutation(
    trpc.admin.dealers.createPointOfSale.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await ui.onSaved();
      },
      onError: (error) => {
        if (!ui.applyFieldErrors(form, error)) ui.setNotice(ui.errorText(error));
      },
    }),
  );
  const { errors } = form.formState;
  return (
    <form noValidate className="mt-4 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2" onSubmit={form.handleSubmit((values) => create.mutate(values))} data-testid="create-pos-form">
      <h3 className="font-medium sm:col-span-2">{t('createPointOfSale')}</h3>
      <Field label={t('dealer')} error={ui.v(errors.dealerId?.message)}>
        <select {...form.register('dealerId')}>
          <option value="">{t('choose')}</option>
          {dealers.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('posName')} error={ui.v(errors.name?.message)}>
        <input {...form.register('name')} />
      </Field>
      <Field label={t('town')} error={ui.v(errors.town?.message)}>
        <input {...form.register('town')} />
      </Field>
      <Field label={t('address')} error={ui.v(errors.address?.message)}>
        <input {...form.register('address')} />
      </Field>
      <FormFooter pending={create.isPending} notice={ui.notice} />
    </form>
  );
}

function FormFooter({ pending, notice }: { pending: boolean; notice: string | null }) {
  const t = useTranslations('admin');
  return (
    <div className="flex items-center gap-3 sm:col-span-2">
      <SubmitButton pending={pending} label={t('save')} pendingLabel={t('saving')} />
      {notice && (
        <span role="status" className="text-sm">
          {notice}
        </span>
      )}
    </div>
  );
}
