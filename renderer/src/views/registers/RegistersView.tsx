import { useCallback, useEffect, useState } from 'react';
import type { ActivityView, Client, ProcessorView, RegistersView as Registers } from '../../../../electron/shared/contract';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/context';
import { ActivityForm } from './ActivityForm';
import { ActivityTable, ProcessorTable } from './RegisterTables';
import { ExportButton } from './ExportButton';
import { ImportDialog } from './ImportDialog';
import { ProcessorForm } from './ProcessorForm';

type Tab = 'processors' | 'activities';
type Editing = { kind: 'processor'; entry?: ProcessorView } | { kind: 'activity'; entry?: ActivityView } | null;
type Deleting = { kind: 'processor'; entry: ProcessorView } | { kind: 'activity'; entry: ActivityView } | null;

const matches = (entry: object, filter: string) => {
  const needle = filter.trim().toLocaleLowerCase();
  return !needle || Object.values(entry).some((v) => (Array.isArray(v) ? v.join(' ') : String(v ?? '')).toLocaleLowerCase().includes(needle));
};

/** A client's processor register and records of processing: list, filter, create, edit, delete, import, export. */
export function RegistersView({ client, onBack }: { client: Client; onBack(): void }) {
  const { t } = useI18n();
  const r = t.registers;
  const [registers, setRegisters] = useState<Registers | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [tab, setTab] = useState<Tab>('processors');
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await api['registers:get']({ clientId: client.id });
    if (result.ok) {
      setRegisters(result.value);
      setError(null);
    } else setError(result.error);
  }, [client.id]);
  useEffect(() => void reload(), [reload]);

  const processors = registers?.processors.filter((p) => matches(p, filter)) ?? [];
  const activities = registers?.activities.filter((a) => matches(a, filter)) ?? [];
  const total = tab === 'processors' ? (registers?.processors.length ?? 0) : (registers?.activities.length ?? 0);
  const shown = tab === 'processors' ? processors.length : activities.length;
  const saved = () => {
    setEditing(null);
    void reload();
  };

  return (
    <section className="view registers-view">
      <PageHeading>{r.title(client.name)}</PageHeading>
      <p className="muted">{r.intro}</p>
      <div className="button-row">
        <button type="button" onClick={onBack}>
          {t.common.back}
        </button>
        <button type="button" onClick={() => setImporting(true)}>
          {r.import.button}
        </button>
        <ExportButton clientId={client.id} />
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorBox error={error} onRetry={() => void reload()} />}

      <div role="tablist" className="tabs" aria-label={r.title(client.name)}>
        {(['processors', 'activities'] as const).map((name) => (
          <button key={name} type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`} className={tab === name ? 'tab tab-active' : 'tab'} onClick={() => setTab(name)}>
            {r.tabs[name]} ({registers ? registers[name].length : '…'})
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        <div className="panel-head">
          <label className="filter">
            <span>{r.filter}</span>
            <input type="search" value={filter} placeholder={r.filterHint} onChange={(e) => setFilter(e.target.value)} />
          </label>
          <span className="muted">{registers && r.count(shown, total)}</span>
          <button type="button" className="primary" onClick={() => setEditing({ kind: tab === 'processors' ? 'processor' : 'activity' })}>
            {tab === 'processors' ? r.newProcessor : r.newActivity}
          </button>
        </div>
        {registers === null && !error && <p className="muted">{t.common.loading}</p>}
        {registers && total === 0 && <p className="muted">{tab === 'processors' ? r.noProcessors : r.noActivities}</p>}
        {registers && total > 0 && shown === 0 && <p className="muted">{r.noMatch}</p>}
        {tab === 'processors' && shown > 0 && <ProcessorTable rows={processors} onEdit={(entry) => setEditing({ kind: 'processor', entry })} onDelete={(entry) => setDeleting({ kind: 'processor', entry })} />}
        {tab === 'activities' && shown > 0 && <ActivityTable rows={activities} onEdit={(entry) => setEditing({ kind: 'activity', entry })} onDelete={(entry) => setDeleting({ kind: 'activity', entry })} />}
      </div>

      {editing?.kind === 'processor' && <ProcessorForm clientId={client.id} processor={editing.entry} onSaved={saved} onCancel={() => setEditing(null)} />}
      {editing?.kind === 'activity' && <ActivityForm clientId={client.id} activity={editing.entry} onSaved={saved} onCancel={() => setEditing(null)} />}
      {importing && (
        <ImportDialog
          clientId={client.id}
          onApplied={(summary) => {
            setImporting(false);
            setNotice(summary);
            void reload();
          }}
          onClose={() => setImporting(false)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={deleting.kind === 'processor' ? r.deleteProcessorTitle : r.deleteActivityTitle}
          body={deleting.kind === 'processor' ? r.deleteProcessorBody(deleting.entry.name) : r.deleteActivityBody(deleting.entry.activity)}
          confirmLabel={r.delete}
          onConfirm={() => (deleting.kind === 'processor' ? api['registers:delete-processor']({ id: deleting.entry.id }) : api['registers:delete-activity']({ id: deleting.entry.id }))}
          onDone={() => {
            setDeleting(null);
            void reload();
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
