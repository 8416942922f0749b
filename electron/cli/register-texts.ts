// The CLI's texts for the registers and the auditor's judgement (`registers …`, `attest …`), German and English.
import type { Lang } from '../shared/domain';
import { fillTemplate } from './texts';

const de = {
  attestMissing: 'Lauf und Prüfung fehlen: pruefstand attest <Lauf> <Prüfung> --statement TEXT',
  attestMissingStatement: '--statement fehlt: was haben Sie festgestellt (bei --override: warum weicht Ihr Urteil ab)?',
  attestNeedsOverride: 'die Prüfung {check} wurde gemessen ({status}); um ihr Ergebnis zu ersetzen, geben Sie --override an und begründen Sie es in --statement',
  attestNotMeasured: 'die Prüfung {check} wurde in Lauf {runId} nicht automatisch entschieden ({status}); bestätigen Sie sie ohne --override',
  attestNoSuchCheck: 'Lauf {runId} hat keine Prüfung „{check}“',
  attestInvalidStatus: '--status erwartet pass, fail, warn oder not_applicable, nicht „{value}“',
  attestOverrideNeedsStatus: '--override braucht --status: welches Ergebnis gilt stattdessen?',
  attestWithdrawNeedsReason: '--withdraw braucht --reason: warum wird das Urteil zurückgezogen?',
  attestInvalidId: '„{value}“ ist keine Nummer eines Urteils',
  attachUnreadable: 'Anhang {file}: {reason}',
  attachTooLarge: 'Anhang {file} ist größer als {mb} MB',
  attestationRecorded: 'Bestätigung #{id} zu {check} in Lauf {runId} festgehalten ({status}, {by}); in der Hash-Kette als Nachweis {sha}',
  overrideRecorded: 'Abweichendes Urteil #{id} zu {check} in Lauf {runId} festgehalten: {measured} → {status} ({by}); Nachweis {sha}',
  judgementWithdrawn: 'Urteil #{id} zu {check} zurückgezogen ({by}); Nachweis {sha}',
  attachmentStored: 'Anhang gespeichert: {file} ({sha})',
};

const en: typeof de = {
  attestMissing: 'run and check missing: pruefstand attest <run> <check> --statement TEXT',
  attestMissingStatement: '--statement missing: what did you find (with --override: why does your verdict differ)?',
  attestNeedsOverride: 'check {check} was measured ({status}); to replace its verdict, add --override and give the reason in --statement',
  attestNotMeasured: 'check {check} was not decided automatically in run {runId} ({status}); attest it without --override',
  attestNoSuchCheck: 'run {runId} has no check "{check}"',
  attestInvalidStatus: '--status expects pass, fail, warn or not_applicable, not "{value}"',
  attestOverrideNeedsStatus: '--override needs --status: which verdict applies instead?',
  attestWithdrawNeedsReason: '--withdraw needs --reason: why is the judgement withdrawn?',
  attestInvalidId: '"{value}" is not the number of a judgement',
  attachUnreadable: 'attachment {file}: {reason}',
  attachTooLarge: 'attachment {file} is larger than {mb} MB',
  attestationRecorded: 'Attestation #{id} of {check} in run {runId} recorded ({status}, {by}); sealed in the hash chain as evidence {sha}',
  overrideRecorded: 'Override #{id} of {check} in run {runId} recorded: {measured} → {status} ({by}); evidence {sha}',
  judgementWithdrawn: 'Judgement #{id} of {check} withdrawn ({by}); evidence {sha}',
  attachmentStored: 'attachment stored: {file} ({sha})',
};

export type RegisterTextKey = keyof typeof de;

export function rtext(lang: Lang, key: RegisterTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}
