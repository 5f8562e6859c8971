export function WorkspaceHeading({ title, intro, children }: { title: string; intro: string; children?: React.ReactNode }) {
  return (
    <section className="mb-6">
      <h1 className="text-2xl font-semibold" data-testid="workspace-title">
        {title}
      </h1>
      <p className="text-slate-600">{intro}</p>
      {children}
    </section>
  );
}

export function EmptyState({ text }: { text: string }) {
  return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">{text}</p>;
}
