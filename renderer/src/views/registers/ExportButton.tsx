import { api } from '../../api';
import { ExportFileButton } from '../../components/ExportFileButton';
import { useI18n } from '../../i18n/context';

/** Writes the client's registers as a workbook into the exports folder and offers to show it. */
export function ExportButton({ clientId }: { clientId: number }) {
  const { t, lang } = useI18n();
  return <ExportFileButton write={() => api['registers:export']({ clientId, lang })} texts={t.registers.export} />;
}
