import type { Upload } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { registerFileProblemText } from '../../shared/register-file-texts';
import type { ActivityInput, JudgementInput, ProcessorInput, RegisterChanges } from '../../shared/registers';
import { planImport, readRegisterFile, RegisterFileError, writeRegisterWorkbook } from '../registers';
import type { Store } from '../store';
import { documentMediaType } from '../store/document-type';
import { ServiceError } from './dispatch';
import { exportFilePath, writeFileWhole } from './export-file';

const decode = (upload: Upload) => Buffer.from(upload.base64, 'base64');

/** The app's side of the registers and the auditor's judgement: ownership checks, uploads, import and export. */
export function createRegisterService(store: Store) {
  const mustClient = (clientId: number) => {
    const client = store.clients.get(clientId);
    if (!client) throw new ServiceError('not-found', `client ${clientId} does not exist`);
    return client;
  };
  const ownProcessor = (clientId: number, id: number) => {
    if (store.registers.getProcessor(id)?.clientId !== clientId) throw new ServiceError('not-found', `processor ${id} is not in this client's register`);
  };
  const ownActivity = (clientId: number, id: number) => {
    if (store.registers.getActivity(id)?.clientId !== clientId) throw new ServiceError('not-found', `activity ${id} is not in this client's records`);
  };
  const storeUpload = (upload: Upload) => {
    const content = decode(upload);
    const mediaType = documentMediaType(content, upload.fileName);
    return { sha256: store.registers.storeDocument(content, mediaType), mediaType, size: content.length };
  };

  return {
    get: (clientId: number) => (mustClient(clientId), { processors: store.registers.listProcessors(clientId), activities: store.registers.listActivities(clientId) }),
    saveProcessor(clientId: number, id: number | undefined, input: ProcessorInput) {
      if (id === undefined) return store.registers.createProcessor(clientId, input);
      ownProcessor(clientId, id);
      return store.registers.updateProcessor(id, input);
    },
    saveActivity(clientId: number, id: number | undefined, input: ActivityInput) {
      if (id === undefined) return store.registers.createActivity(clientId, input);
      ownActivity(clientId, id);
      return store.registers.updateActivity(id, input);
    },
    uploadDocument(upload: Upload) {
      const stored = storeUpload(upload);
      if (stored.mediaType !== 'application/pdf') throw new ServiceError('invalid', `${upload.fileName} is not a PDF document`);
      return stored;
    },
    async importPreview(clientId: number, file: Upload, lang: Lang) {
      mustClient(clientId);
      try {
        const parsed = await readRegisterFile(decode(file), file.fileName, lang);
        return planImport(parsed, { processors: store.registers.listProcessors(clientId), activities: store.registers.listActivities(clientId) }, lang);
      } catch (err: unknown) {
        if (err instanceof RegisterFileError) throw new ServiceError('invalid', `${file.fileName}: ${registerFileProblemText(err.code, lang)}`);
        throw err;
      }
    },
    importApply: (clientId: number, changes: RegisterChanges) => store.registers.apply(clientId, changes),
    async exportWorkbook(clientId: number, lang: Lang) {
      const client = mustClient(clientId);
      const bytes = await writeRegisterWorkbook(store.registers.snapshot(clientId), lang);
      const file = exportFilePath(store.file, 'register', client.name, `client-${clientId}`, 'xlsx');
      writeFileWhole(file, bytes);
      return { file };
    },
    recordJudgement(runId: number, input: Omit<JudgementInput, 'attachments'>, attachments: readonly Upload[]) {
      const shas = attachments.map((a) => storeUpload(a).sha256);
      return store.judgements.record(runId, { ...input, attachments: shas });
    },
  };
}
