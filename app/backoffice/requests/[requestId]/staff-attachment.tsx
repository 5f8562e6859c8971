'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../../_components/trpc-provider';

/** A request's file for the back office: a photo shown, a PDF opened in a new tab. */
export function StaffAttachment({ requestId, attachment }: { requestId: string; attachment: { id: string; fileName: string; mime: string; size: number } }) {
  const trpc = useTRPC();
  const file = useQuery(trpc.backoffice.requests.file.queryOptions({ id: requestId, attachmentId: attachment.id }, { staleTime: Infinity }));
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file.data) return;
    const binary = atob(file.data.contentBase64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const next = URL.createObjectURL(new Blob([bytes], { type: file.data.mime }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file.data]);
  if (!url) return <span className="mt-2 block text-xs text-slate-500">{attachment.fileName}</span>;
  return attachment.mime.startsWith('image/') ? (
    <a href={url} target="_blank" rel="noreferrer" className="mt-2 block" data-testid="staff-attachment">
      <img src={url} alt={attachment.fileName} className="max-h-48 max-w-full rounded border border-slate-200 object-contain" />
    </a>
  ) : (
    <a href={url} target="_blank" rel="noreferrer" className="mt-2 block text-brand-700 underline" data-testid="staff-attachment">
      {attachment.fileName}
    </a>
  );
}
