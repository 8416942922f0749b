import { useState } from 'react';
import { api } from '../../api';
import { ExportFileButton } from '../../components/ExportFileButton';
import { useI18n } from '../../i18n/context';
import { FindingsImportDialog } from './FindingsImportDialog';

type Scope = { installationId: number } | { clientId: number };

/** The findings' Excel round trip: export a scope's open findings for the client's team, import the returned workbook. */
export function FindingsFileActions({ scope, onApplied }: { scope: Scope; onApplied(): void }) {
  const { t, lang } = useI18n();
  const m = t.findingsFile;
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div className="button-row">
        <ExportFileButton
          texts={m.export}
          written={(r) => m.export.written(r.file, r.count)}
          run={() => api['findings:export']({ ...scope, lang })}
          after={
            <button type="button" onClick={() => setImporting(true)}>
              {m.import.button}
            </button>
          }
        />
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {importing && (
        <FindingsImportDialog
          onApplied={(summary) => {
            setImporting(false);
            setNotice(summary);
            onApplied();
          }}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
