'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createUserInput } from '@/server/admin/schemas';
import { ROLES } from '@/server/auth/roles';
import { useErrorText } from '../_components/error-text';
import { Field } from '../_components/field';
import { Panel } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';
import { useZodLocale } from '../_components/use-zod-locale';
import { AdminCreateForm, useAdminCreate } from './admin-create-form';
import { Table } from '../_components/table';

type Input = z.input<typeof createUserInput>;
type Output = z.output<typeof createUserInput>;
const emptyToNull = (v: unknown) => (v === '' ? null : v);

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations('admin');
  useZodLocale();
  const tRole = useTranslations('roles');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();

  const users = useQuery(trpc.admin.users.list.queryOptions());
  const dealers = useQuery(trpc.admin.dealers.list.queryOptions());
  const points = useQuery(trpc.admin.dealers.listPointsOfSale.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });

  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(createUserInput),
    defaultValues: { name: '', email: '', password: '', role: 'dealer', dealerId: null, pointOfSaleId: null },
  });
  const role = form.watch('role');
  const dealerId = form.watch('dealerId');
  const { errors } = form.formState;
  const { notice, setNotice, v, handlers } = useAdminCreate(form);

  const create = useMutation(trpc.admin.users.create.mutationOptions(handlers));
  const deactivate = useMutation(trpc.admin.users.deactivate.mutationOptions({ onSuccess: refresh, onError: (e) => setNotice(errorText(e)) }));
  const reactivate = useMutation(trpc.admin.users.reactivate.mutationOptions({ onSuccess: refresh, onError: (e) => setNotice(errorText(e)) }));

  return (
    <Panel title={t('users')}>
      <Table
        testId="users-table"
        headClassName="text-slate-500"
        columns={[{ label: t('name'), className: 'py-2 pr-3' }, ...[t('email'), t('role'), t('dealer'), t('status')].map((label) => ({ label, className: 'pr-3' })), { label: null, className: '' }]}
      >
            {users.data?.map((user) => (
              <tr key={user.id} className="border-t border-slate-100" data-testid={`user-row-${user.email}`}>
                <td className="py-2 pr-3">{user.name}</td>
                <td className="pr-3">{user.email}</td>
                <td className="pr-3">{tRole(user.role)}</td>
                <td className="pr-3">{user.dealerName ? `${user.dealerName} · ${user.pointOfSaleName ?? ''}` : t('none')}</td>
                <td className="pr-3">{user.active ? t('active') : t('inactive')}</td>
                <td className="text-right">
                  {user.id !== currentUserId &&
                    (user.active ? (
                      <button
                        type="button"
                        className="rounded border border-red-300 px-3 text-red-700 hover:bg-red-50"
                        onClick={() => window.confirm(t('confirmDeactivate', { email: user.email })) && deactivate.mutate({ userId: user.id })}
                      >
                        {t('deactivate')}
                      </button>
                    ) : (
                      <button type="button" className="rounded border border-slate-300 px-3 hover:bg-slate-100" onClick={() => reactivate.mutate({ userId: user.id })}>
                        {t('reactivate')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </Table>

      <AdminCreateForm
        title={t('createUser')}
        testId="create-user-form"
        className="mt-6"
        pending={create.isPending}
        notice={notice}
        onSubmit={form.handleSubmit((values) => {
          setNotice(null);
          create.mutate(values);
        })}
      >
        <Field label={t('name')} error={v(errors.name?.message)}>
          <input {...form.register('name')} />
        </Field>
        <Field label={t('email')} error={v(errors.email?.message)}>
          <input type="email" {...form.register('email')} />
        </Field>
        <Field label={t('password')} error={v(errors.password?.message)}>
          <input type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
        <Field label={t('role')} error={v(errors.role?.message)}>
          <select {...form.register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRole(r)}
              </option>
            ))}
          </select>
        </Field>
        {role === 'dealer' && (
          <>
            <Field label={t('dealer')} error={v(errors.dealerId?.message)}>
              <select {...form.register('dealerId', { setValueAs: emptyToNull })}>
                <option value="">{t('choose')}</option>
                {dealers.data?.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('pointOfSale')} error={v(errors.pointOfSaleId?.message)}>
              <select {...form.register('pointOfSaleId', { setValueAs: emptyToNull })}>
                <option value="">{t('choose')}</option>
                {points.data
                  ?.filter((p) => p.dealerId === dealerId)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}, {p.town}
                    </option>
                  ))}
              </select>
            </Field>
          </>
        )}
      </AdminCreateForm>
    </Panel>
  );
}
