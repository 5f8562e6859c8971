'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { CANNED_REPLY_LIMITS, createCannedReplyInput, type CannedReplyDto } from '@/server/admin/canned-reply-schemas';
import { useErrorText } from '../_components/error-text';
import { Field } from '../_components/field';
import { Panel } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';
import { useZodLocale } from '../_components/use-zod-locale';
import { AdminCreateForm, useAdminCreate } from './admin-create-form';

const EMPTY = { scope: 'subscriber', titleUk: '', titleEn: '', bodyUk: '', bodyEn: '' } as const;

/** The canned replies operators insert into chats, in both languages: list, add, edit, disable. */
export function CannedRepliesPanel() {
  const t = useTranslations('admin');
  const locale = useLocale();
  useZodLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const replies = useQuery(trpc.admin.cannedReplies.list.queryOptions());
  const [editing, setEditing] = useState<CannedReplyDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const setActive = useMutation(
    trpc.admin.cannedReplies.setActive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.cannedReplies.pathKey() }),
      onError: (e) => setNotice(errorText(e)),
    }),
  );
  return (
    <Panel title={t('cannedReplies')}>
      <ul className="divide-y divide-slate-100" data-testid="canned-replies-list">
        {replies.data?.map((reply) => (
          <li key={reply.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
            <span className="min-w-0 flex-1">
              <span className="block font-medium">
                {locale === 'en' ? reply.titleEn : reply.titleUk}
                {!reply.active && <span className="ml-2 text-sm font-normal text-slate-500">({t('disabled')})</span>}
              </span>
              <span className="block text-sm text-slate-500">
                {reply.scope === 'dealer' ? t('scopeDealer') : reply.scope === 'request' ? t('scopeRequest') : t('scopeSubscriber')} · {(locale === 'en' ? reply.bodyEn : reply.bodyUk).slice(0, 120)}
              </span>
            </span>
            <span className="flex gap-2">
              <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => setEditing(reply)}>
                {t('edit')}
              </button>
              <button type="button" className="rounded border border-slate-300 px-3 text-sm" disabled={setActive.isPending} onClick={() => setActive.mutate({ id: reply.id, active: !reply.active })}>
                {reply.active ? t('disable') : t('enable')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {notice && (
        <p role="alert" className="text-sm text-red-800">
          {notice}
        </p>
      )}
      <CannedReplyForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
    </Panel>
  );
}

function CannedReplyForm({ editing, onDone }: { editing: CannedReplyDto | null; onDone: () => void }) {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const form = useForm<z.input<typeof createCannedReplyInput>, unknown, z.output<typeof createCannedReplyInput>>({
    resolver: zodResolver(createCannedReplyInput),
    defaultValues: editing ? { scope: editing.scope, titleUk: editing.titleUk, titleEn: editing.titleEn, bodyUk: editing.bodyUk, bodyEn: editing.bodyEn } : EMPTY,
  });
  const ui = useAdminCreate(form);
  const done = {
    ...ui.handlers,
    onSuccess: async () => {
      await ui.handlers.onSuccess();
      onDone();
    },
  };
  const create = useMutation(trpc.admin.cannedReplies.create.mutationOptions(done));
  const update = useMutation(trpc.admin.cannedReplies.update.mutationOptions(done));
  const { errors } = form.formState;
  return (
    <AdminCreateForm
      title={editing ? t('editCannedReply') : t('createCannedReply')}
      testId="canned-reply-form"
      pending={create.isPending || update.isPending}
      notice={ui.notice}
      onSubmit={form.handleSubmit((values) => (editing ? update.mutate({ id: editing.id, ...values }) : create.mutate(values)))}
    >
      <Field label={t('cannedScope')} error={ui.v(errors.scope?.message)}>
        <select {...form.register('scope')}>
          <option value="subscriber">{t('scopeSubscriber')}</option>
          <option value="dealer">{t('scopeDealer')}</option>
          <option value="request">{t('scopeRequest')}</option>
        </select>
      </Field>
      <span className="self-end text-xs text-slate-600">{t('placeholdersHint')}</span>
      <Field label={t('titleUk')} error={ui.v(errors.titleUk?.message)}>
        <input maxLength={CANNED_REPLY_LIMITS.title} {...form.register('titleUk')} />
      </Field>
      <Field label={t('titleEn')} error={ui.v(errors.titleEn?.message)}>
        <input maxLength={CANNED_REPLY_LIMITS.title} {...form.register('titleEn')} />
      </Field>
      <Field label={t('bodyUk')} error={ui.v(errors.bodyUk?.message)}>
        <textarea rows={4} {...form.register('bodyUk')} />
      </Field>
      <Field label={t('bodyEn')} error={ui.v(errors.bodyEn?.message)}>
        <textarea rows={4} {...form.register('bodyEn')} />
      </Field>
      {editing && (
        <button type="button" className="justify-self-start rounded border border-slate-300 px-3 text-sm" onClick={onDone}>
          {t('cancelEdit')}
        </button>
      )}
    </AdminCreateForm>
  );
}
