'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createDealerInput, createPointOfSaleInput } from '@/server/admin/schemas';
import { Field } from '../_components/field';
import { Panel } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';
import { useZodLocale } from '../_components/use-zod-locale';
import { AdminCreateForm, useAdminCreate } from './admin-create-form';

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

function CreateDealerForm() {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const form = useForm<z.input<typeof createDealerInput>, unknown, z.output<typeof createDealerInput>>({
    resolver: zodResolver(createDealerInput),
    defaultValues: { name: '', edrpou: '' },
  });
  const ui = useAdminCreate(form);
  const create = useMutation(trpc.admin.dealers.create.mutationOptions(ui.handlers));
  const { errors } = form.formState;
  return (
    <AdminCreateForm title={t('createDealer')} testId="create-dealer-form" pending={create.isPending} notice={ui.notice} onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <Field label={t('dealerName')} error={ui.v(errors.name?.message)}>
        <input {...form.register('name')} />
      </Field>
      <Field label={t('edrpou')} error={ui.v(errors.edrpou?.message)}>
        <input inputMode="numeric" maxLength={8} {...form.register('edrpou')} />
      </Field>
    </AdminCreateForm>
  );
}

function CreatePointOfSaleForm({ dealers }: { dealers: { id: string; name: string }[] }) {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const form = useForm<z.input<typeof createPointOfSaleInput>, unknown, z.output<typeof createPointOfSaleInput>>({
    resolver: zodResolver(createPointOfSaleInput),
    defaultValues: { dealerId: '', name: '', town: '', address: '' },
  });
  const ui = useAdminCreate(form);
  const create = useMutation(trpc.admin.dealers.createPointOfSale.mutationOptions(ui.handlers));
  const { errors } = form.formState;
  return (
    <AdminCreateForm title={t('createPointOfSale')} testId="create-pos-form" pending={create.isPending} notice={ui.notice} onSubmit={form.handleSubmit((values) => create.mutate(values))}>
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
    </AdminCreateForm>
  );
}
