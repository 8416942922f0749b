import { api } from '../../api';
import { ExportFileButton } from '../../components/ExportFileButton';
import { useI18n } from '../../i18n/context';

/** Writes the client's registers as a workbook into the exports folder and offers to show it. */
export function ExportButton({ clientId }: { clientId: number }) {
  const { t, lang } = useI18n();
  const m = t.registers.export;
  return <ExportFileButton texts={m} written={(r) => m.written(r.file)} run={() => api['registers:export']({ clientId, lang })} />;
}
