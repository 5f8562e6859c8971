'use client';

import { useEffect, useState } from 'react';
import { requestsClient } from '../../_components/requests/requests-client';
import { useErrorText } from '../../_components/error-text';

function blobOf(file: { mime: string; contentBase64: string }): Blob {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

/** A file of the request, fetched through the link's token: a photo is shown, a PDF opens on a press. */
export function LinkAttachment({ token, attachment }: { token: string; attachment: { id: string; fileName: string; mime: string; size: number } }) {
  const errorText = useErrorText();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const image = attachment.mime.startsWith('image/');
  const load = async () => {
    try {
      const file = await requestsClient().requests.link.file.query({ token, attachmentId: attachment.id });
      const next = URL.createObjectURL(blobOf(file));
      setUrl(next);
      return next;
    } catch (e) {
      setError(errorText(e));
      return null;
    }
  };
  useEffect(() => {
    if (image) void load();
    // Loaded once per attachment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attachment.id]);
  return (
    <div className="mt-2 flex flex-col gap-1" data-testid="request-attachment">
      {image && url && <img src={url} alt={attachment.fileName} className="max-h-64 max-w-full rounded border border-slate-200 object-contain" data-testid="request-photo" />}
      {!image && (
        <button
          type="button"
          className="self-start text-brand-700 underline"
          onClick={() => {
            void (async () => {
              const target = url ?? (await load());
              if (target) window.open(target, '_blank', 'noopener');
            })();
          }}
        >
          {attachment.fileName}
        </button>
      )}
      {image && <span className="text-xs text-slate-500">{attachment.fileName}</span>}
      {error && <span className="text-xs text-red-800">{error}</span>}
    </div>
  );
}
