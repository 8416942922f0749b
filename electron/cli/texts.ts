import type { Lang, Status } from '../shared/domain';

const de = {
  usage: `Aufruf:
  pruefstand audit <https-url> [Optionen]   Prüft eine Installation gegen die DSGVO-Checkliste
  pruefstand audit --targets DATEI.csv [--concurrency N] [--summary DATEI.csv|.xlsx]… [Optionen]
                                            Prüft viele Installationen (Sammelprüfung, siehe unten)
  pruefstand report <Lauf> [--db DATEI] --pdf/--xlsx/--pack DATEI [--tsa URL] [--lang de|en] [--auditor NAME] [--compare LAUF]
                                            Schreibt die Berichte eines gespeicherten Laufs
                                            (--compare: mit Vergleich zu einem anderen Lauf derselben Installation;
                                            --tsa, --ca, --timeout-ms: wie bei pack)
  pruefstand pack <Lauf> --out DATEI [--tsa URL [--ca DATEI] [--timeout-ms N]] [--db DATEI] [--lang de|en] [--auditor NAME]
                                            Schreibt das signierte Evidenzpaket eines Laufs; --tsa: mit Zeitstempel
                                            eines Zeitstempeldienstes (RFC 3161) über das Manifest
  pruefstand registers import <Datei.xlsx|.csv> --client NAME [--dry-run] [--db DATEI]
                                            Liest Auftragsverarbeiter und Verarbeitungstätigkeiten ein
                                            (zeigt, was hinzukommt, sich ändert, bleibt; --dry-run schreibt nichts)
  pruefstand registers export <Datei.xlsx|.csv> --client NAME [--db DATEI] [--lang de|en]
                                            Schreibt die Register eines Mandanten (Vorlage: resources/registers-template.xlsx)
  pruefstand attest <Lauf> <Prüfung> --statement TEXT [--status S] [--by NAME] [--attach DATEI]… [--override]
                                            Bestätigt eine manuelle Prüfung oder ersetzt (--override, mit Begründung)
                                            ein gemessenes Ergebnis; gilt in späteren Läufen, bis es zurückgezogen wird
  pruefstand attest --withdraw <Nr> --reason TEXT [--by NAME]
                                            Zieht ein Urteil zurück
  pruefstand findings list <https-url>|--client NAME [--status S,…] [--json]
                                            Befunde über alle Audits: offen, in Arbeit, behoben …
  pruefstand findings show <Nr>             Ein Befund mit seinem Verlauf
  pruefstand findings set <Nr> [--status S] [--owner NAME] [--due DATUM] [--reason TEXT] [--expires DATUM]
                                            Verantwortliche, Fälligkeit, Status (akzeptiertes Risiko mit Grund und Ablauf)
  pruefstand findings comment <Nr> --text TEXT
  pruefstand findings export <Datei.xlsx> <https-url>|--client NAME
                                            Offene Befunde als Mappe fürs Team des Kunden (ID-Spalte geschützt)
  pruefstand findings import <Datei.xlsx> [--dry-run] [--resolve ours|theirs] [--by NAME]
                                            Die zurückgegebene Mappe übernehmen: alles oder nichts; Konflikte entscheiden
  pruefstand dashboard --client NAME --pdf DATEI [--json] [--today JJJJ-MM-TT] [--lang de|en] [--db DATEI]
                                            Stand der Umsetzung eines Mandanten als PDF: Score-Verlauf je Installation,
                                            offene Befunde nach Schweregrad, Überfälliges und bald Fälliges
                                            (--json: die Übersicht als JSON auf der Standardausgabe)
  pruefstand verify-store [--db DATEI]      Prüft die Hash-Kette des Evidenzspeichers
  pruefstand verify <paket.zip> [--fingerprint HEX] [--tsa-cert DATEI]
                                            Prüft Signatur, Dateien und Zeitstempel eines Evidenzpakets
                                            (--tsa-cert: Zertifikat der TSA oder ihrer CA, PEM)
  pruefstand import <lauf.zip>… [--db DATEI] [--fingerprint HEX]
                                            Übernimmt Lauf-Dateien (audit --out) geprüft in den Speicher
  pruefstand --version | --help

Optionen für audit:
  --checklist ID       Checkliste (Standard: mautic-dsgvo)
  --db DATEI           Evidenzspeicher (Standard: {defaultDb})
  --ca DATEI           zusätzliche vertrauenswürdige CA (PEM), z. B. eine interne CA
  --http-url URL       wo die Weiterleitung von HTTP geprüft wird (Standard: derselbe Host, Port 80)
  --json DATEI|-       Ergebnis als JSON schreiben (- = Standardausgabe)
  --timeout-ms N       Zeitlimit je Anfrage (Standard: 10000)
  --concurrency N      gleichzeitige Prüfungen (Standard: 8)
  --client NAME        Mandant, unter dem der Lauf gespeichert wird (Standard: Ad-hoc); führt er Register,
                       entscheiden sie die Prüfungen ropa.* und dpa.* (sonst bleiben sie manuell)
  --vendors DATEI      eigener Anbieterkatalog (YAML) statt checklists/vendors.yaml
  --browser PFAD       Chrome/Chromium/Edge für die Besuche der Landingpages (Standard: der installierte)
  --no-browser         Landingpages nicht im Browser besuchen (consent.* werden dann zu Fehlern)
  --tracking-hosts DATEI eigene Liste der Tracking-Hosts und -Cookies statt checklists/tracking-hosts.yaml
  --recheck-open       gezielte Nachprüfung: nur die Prüfungen offener Befunde der Installation
  --lang de|en         Sprache der Ausgabe (Standard: aus der Systemsprache)
  --quiet              keine Fortschrittsanzeige und keine Tabelle
  --page URL           Landingpage prüfen (mehrfach möglich)
  --form URL           Mautic-Formularseite prüfen, z. B. https://…/form/3 (mehrfach möglich)
  --privacy-policy URL Datenschutzerklärung (sonst wird der Link auf der Website gesucht)
  --config DATEI       local.php der Installation (wird geparst, nie ausgeführt; Geheimnisse geschwärzt)
  --crontab DATEI      Ausgabe von crontab -l des Webserver-Benutzers
  --ssh BENUTZER@HOST[:PORT]
                       stattdessen per SSH lesen: local.php, Crontab, Mautic- und PHP-Version
                       (nur lesende Befehle; nicht zusammen mit --config/--crontab)
  --ssh-key DATEI      privater SSH-Schlüssel (eine Passphrase wird am Terminal abgefragt)
  --ssh-password       SSH-Passwort am Terminal abfragen (ohne Echo; nie als Argument)
                       ohne beides: der ssh-agent aus SSH_AUTH_SOCK
  --mautic-root PFAD   Mautic-Verzeichnis auf dem Server (sonst /var/www/html, /var/www/mautic,
                       /var/www/html/mautic)
  --web-user NAME      wessen Crontab gelesen wird, z. B. www-data (sonst die des SSH-Benutzers)
  --ssh-host-key SHA256:…
                       erwarteter Host-Schlüssel (ssh-keygen -lf); sonst wird der gesehene protokolliert
  --pdf DATEI          PDF-Prüfbericht schreiben
  --xlsx DATEI         Excel-Evidenzmappe schreiben
  --pack DATEI         signiertes ZIP-Evidenzpaket schreiben (PDF, Mappe, alle Nachweise, Manifest)
  --tsa URL            das Paket mit einem Zeitstempel (RFC 3161) dieses Zeitstempeldienstes über das Manifest
                       versehen; ohne Zeitstempel wird es nicht geschrieben (--ca, --timeout-ms gelten auch dafür)
  --auditor NAME       Prüfer/in auf dem Deckblatt
  --compare previous|LAUF
                       die Berichte vergleichen den Lauf mit dem vorigen (previous) oder einem anderen
                       Lauf derselben Installation: behoben, verschlechtert, neu, unverändert
  --out DATEI          signierte Lauf-Datei (ZIP) schreiben; pruefstand import übernimmt sie in einen
                       anderen Speicher

Sammelprüfung (audit --targets DATEI.csv): je Zeile eine Installation, Spalten (Kopfzeile, ; oder ,):
  Mandant, Installation, Basis-URL, HTTP-URL, Landingpages (mehrere mit Leerzeichen oder |), Formulare,
  Datenschutzerklärung, Config (local.php, relativ zur Zieldatei), Crontab, SSH (BENUTZER@HOST[:PORT],
  über den ssh-agent). Eine fehlerhafte Zeile: nichts wird geprüft (Exit-Code 2, alle Fehler mit Zeile und Spalte).
  --concurrency N      gleichzeitig geprüfte Installationen (Standard: 4); je Host:Port höchstens 2 Verbindungen
  --probe-concurrency N
                       gleichzeitige Prüfungen je Installation (Standard: 8)
  --summary DATEI      Übersicht je Installation als .csv oder .xlsx (mehrfach möglich)
  auch: --db, --ca, --checklist, --timeout-ms, --vendors, --browser, --no-browser, --tracking-hosts, --lang,
        --quiet (ein Browser für alle Landingpages der Sammelprüfung)
  Exit-Code: 0 alle vollständig, keine Mängel; 1 mindestens eine Installation mit nicht erfüllter Prüfung;
  3 mindestens eine unvollständig oder nicht erreichbar, keine Mängel; 2 Aufruffehler oder fehlerhafte
  Zieldatei; 130 abgebrochen (Strg+C; begonnene Läufe bleiben als abgebrochen gespeichert).

Exit-Code: 0 alle automatischen Prüfungen entschieden, keine fehlgeschlagen; 1 mindestens eine fehlgeschlagen;
2 Aufruffehler oder Ziel gar nicht prüfbar; 3 Lauf unvollständig: mindestens eine automatische Prüfung
konnte nicht laufen (Fehler), keine fehlgeschlagen; 130 abgebrochen (Strg+C).
verify: 0 Paket unverändert, 1 Paket verändert, Signatur oder Zeitstempel ungültig, 2 Aufruffehler oder keine ZIP-Datei.
pack, report: 0 geschrieben, 2 Aufruffehler oder kein Zeitstempel von --tsa (das Paket wird dann nicht geschrieben;
bei audit ist der Lauf trotzdem gespeichert).
import: 0 übernommen (oder schon vorhanden), 1 Datei verändert, Signatur ungültig oder falscher Unterzeichner
(nichts geschrieben), 2 Aufruffehler oder keine ZIP-Datei.
dashboard: 0 geschrieben, 2 Aufruffehler, unbekannter Mandant oder Datei nicht schreibbar.`,
  usageHint: 'Hilfe: pruefstand --help',
  errorPrefix: 'Fehler',
  missingRunId: 'die Nummer des Laufs fehlt (pruefstand report <Lauf> --pdf DATEI …)',
  invalidRunId: '„{value}“ ist keine Laufnummer',
  noReportTarget: 'wohin? Geben Sie --pdf DATEI, --xlsx DATEI und/oder --pack DATEI an',
  runNotFound: 'Lauf {runId} gibt es in {db} nicht',
  reportStep: 'Bericht: {step} ({done}/{total})',
  invalidCompare: '„{value}“ ist für --compare weder previous noch eine Laufnummer',
  compareNeedsReport: '--compare vergleicht in den Berichten: geben Sie auch --pdf, --xlsx oder --pack an',
  compareSameRun: 'Lauf {runId} lässt sich nicht mit sich selbst vergleichen (--compare)',
  compareOtherInstallation: 'Lauf {other} gehört zu einer anderen Installation als Lauf {runId}: verglichen werden nur Läufe derselben Installation',
  compareNotThisInstallation: 'Lauf {other} ist kein Lauf von {url}: verglichen werden nur Läufe derselben Installation',
  noPreviousRun: 'kein früherer Lauf dieser Installation (--compare previous): die Berichte enthalten keinen Vergleich',
  reportWritten: 'geschrieben: {file}',
  unknownCommand: 'unbekannter Befehl „{command}“',
  missingUrl: 'die https-URL der Installation fehlt',
  notHttps: '„{url}“ ist keine https-URL: geben Sie die https-Adresse an; die HTTP-Weiterleitung wird automatisch geprüft (--http-url)',
  invalidUrl: '„{url}“ ist keine gültige URL',
  invalidNumber: '{option} erwartet eine ganze Zahl zwischen {min} und {max}, nicht „{value}“',
  invalidLang: '--lang erwartet de oder en',
  caUnreadable: 'CA-Datei {file}: {reason}',
  sshInvalidTarget: '--ssh erwartet BENUTZER@HOST[:PORT], nicht „{value}“',
  sshWithConfig: '--ssh und --config/--crontab schließen sich aus: entweder per SSH lesen oder die Dateien angeben',
  sshOptionWithoutSsh: '{option} gilt nur zusammen mit --ssh BENUTZER@HOST',
  sshKeyAndPassword: '--ssh-key und --ssh-password schließen sich aus',
  sshInvalidRoot: '--mautic-root erwartet einen absoluten Pfad auf dem Server, nicht „{value}“',
  sshInvalidUser: '--web-user erwartet einen Benutzernamen wie www-data, nicht „{value}“',
  sshInvalidHostKey: '--ssh-host-key erwartet einen SHA256-Fingerabdruck, wie ssh-keygen -lf ihn ausgibt (SHA256:…), nicht „{value}“',
  sshNoAuth: 'wie anmelden? Geben Sie --ssh-key DATEI oder --ssh-password an, oder starten Sie einen ssh-agent (SSH_AUTH_SOCK)',
  sshKeyUnreadable: 'SSH-Schlüssel {file}: {reason}',
  sshKeyInvalid: '{file} ist kein verwendbarer privater SSH-Schlüssel ({reason})',
  sshBadPassphrase: 'falsche Passphrase für {file}',
  sshPassphraseNeedsTty: '{file} ist verschlüsselt: die Passphrase kann nur an einem Terminal abgefragt werden',
  sshPasswordNeedsTty: '--ssh-password: das Passwort für {where} kann nur an einem Terminal abgefragt werden (nie als Argument)',
  sshPassphrasePrompt: 'Passphrase für {file}: ',
  sshPasswordPrompt: 'SSH-Passwort für {where}: ',
  sshPromptCancelled: 'Eingabe abgebrochen',
  unreachable: 'Ziel nicht erreichbar: {reason}',
  progress: 'Prüfe {done}/{total}',
  running: 'läuft: {names}',
  cancelled: 'Abgebrochen; der Lauf ist als abgebrochen gespeichert.',
  colItem: 'Punkt',
  colVerdict: 'Ergebnis',
  colSeverity: 'Schwere',
  colDecided: 'Entschieden',
  colTitle: 'Titel',
  findings: 'Feststellungen',
  score: 'Compliance-Score',
  headerScore: 'Header-Score (MDN Observatory)',
  mauticVersion: 'Mautic-Version (aus /mtc.js erkannt)',
  notDecided: 'noch nicht bewertet',
  stored: 'Lauf {runId} gespeichert in {db}',
  sshHostKeySeen: 'SSH-Host-Schlüssel von {host}: {key} – prüfen Sie ihn und geben Sie ihn künftig mit --ssh-host-key {key} vor.',
  jsonWritten: 'JSON geschrieben: {file}',
  verifyOk: 'Evidenzspeicher intakt: {entries} Einträge, {blobs} Dateien geprüft ({db}).',
  verifyBroken: 'Evidenzspeicher BESCHÄDIGT: Eintrag {seq} (Evidenz {evidenceId}): {reason}',
  storeMissing: 'kein Evidenzspeicher unter {db}',
  packMissing: 'die Datei des Evidenzpakets (ZIP) fehlt',
  packNotFound: 'keine Datei unter {file}',
  packNotZip: '{file} ist keine ZIP-Datei ({reason})',
  packUnreadableFile: '{file} ist nicht lesbar: {reason}',
  packFile: 'Evidenzpaket: {file}',
  packRun: 'Lauf {runId} · {targetUrl} · Checkliste {checklist} {version} · erstellt {createdAt}',
  packJudgement: 'Urteil des Prüfers: {checkId} {kind} {status} (gemessen {measured}) von {by} am {at}, in Lauf {run}, {attachments} Anlage(n){stale}',
  packJudgementStale: ' – passt nicht mehr zur Messung',
  packSigner: 'Unterzeichner (SHA-256-Fingerabdruck des öffentlichen Schlüssels): {fingerprint}',
  packSignerUnknown: 'Unterzeichner: unbekannt (kein verwendbarer öffentlicher Schlüssel im Manifest)',
  packSignerCompare: 'Vergleichen Sie den Fingerabdruck mit dem des Prüfers (oder geben Sie ihn mit --fingerprint vor).',
  packSignerExpected: 'Unterzeichner wie erwartet (--fingerprint).',
  packSignerUnexpected: 'FALSCHER Unterzeichner: erwartet war {expected}',
  packSignatureValid: 'Signatur: gültig',
  packSignatureInvalid: 'Signatur: UNGÜLTIG',
  packProblemLine: '  {path}: {problem} – {reason}',
  packChanged: 'VERÄNDERT',
  packAdded: 'HINZUGEFÜGT',
  packRemoved: 'ENTFERNT',
  packUnreadable: 'NICHT LESBAR',
  packReasonContent: 'Inhalt passt nicht zum SHA-256 im Manifest',
  packReasonSignature: 'manifest.sig passt nicht zu manifest.json (Manifest oder Signatur verändert)',
  packReasonFingerprint: 'der angegebene Fingerabdruck ist nicht der des enthaltenen Schlüssels',
  packReasonNotListed: 'steht nicht im Manifest',
  packReasonDuplicate: 'doppelter Eintrag im ZIP',
  packReasonMissing: 'steht im Manifest, fehlt im ZIP',
  packReasonUnsafeName: 'unsicherer Pfad (absolut oder mit „..“), nicht gelesen',
  packReasonTooLarge: 'zu groß, nicht entpackt',
  packReasonTooMany: 'zu viele Einträge, nicht geprüft',
  packReasonUnsupported: 'verschlüsselt oder unbekannte Kompression',
  packReasonReadError: 'beschädigte Daten',
  packReasonBadManifest: 'kein gültiges Paket-Manifest',
  packReasonBadSignature: 'keine Ed25519-Signatur in Base64',
  packIntact: 'Paket unverändert: {files} Dateien stimmen mit dem signierten Manifest überein.',
  packBroken: 'Paket NICHT in Ordnung: {count} Problem(e).',
};

const en: typeof de = {
  usage: `Usage:
  pruefstand audit <https-url> [options]    Audit an installation against the GDPR checklist
  pruefstand audit --targets FILE.csv [--concurrency N] [--summary FILE.csv|.xlsx]… [options]
                                            Audit many installations (batch audit, see below)
  pruefstand report <run> [--db FILE] --pdf/--xlsx/--pack FILE [--tsa URL] [--lang de|en] [--auditor NAME] [--compare RUN]
                                            Write the reports of a stored run
                                            (--compare: with a comparison to another run of the same installation;
                                            --tsa, --ca, --timeout-ms: as for pack)
  pruefstand pack <run> --out FILE [--tsa URL [--ca FILE] [--timeout-ms N]] [--db FILE] [--lang de|en] [--auditor NAME]
                                            Write the signed evidence pack of a run; --tsa: with a time stamp
                                            from a time-stamping authority (RFC 3161) over its manifest
  pruefstand registers import <file.xlsx|.csv> --client NAME [--dry-run] [--db FILE]
                                            Import processors and records of processing
                                            (shows what is added, changed, left alone; --dry-run writes nothing)
  pruefstand registers export <file.xlsx|.csv> --client NAME [--db FILE] [--lang de|en]
                                            Write a client's registers (template: resources/registers-template.xlsx)
  pruefstand attest <run> <check> --statement TEXT [--status S] [--by NAME] [--attach FILE]… [--override]
                                            Attest a manual check, or replace a measured verdict (--override, with
                                            the reason); applies to later runs until withdrawn
  pruefstand attest --withdraw <id> --reason TEXT [--by NAME]
                                            Withdraw a judgement
  pruefstand findings list <https-url>|--client NAME [--status S,…] [--json]
                                            Findings across audits: open, in progress, fixed …
  pruefstand findings show <id>             One finding with its history
  pruefstand findings set <id> [--status S] [--owner NAME] [--due DATE] [--reason TEXT] [--expires DATE]
                                            Owner, due date, status (an accepted risk with reason and expiry)
  pruefstand findings comment <id> --text TEXT
  pruefstand findings export <file.xlsx> <https-url>|--client NAME
                                            Open findings as a workbook for the client's team (ID column protected)
  pruefstand findings import <file.xlsx> [--dry-run] [--resolve ours|theirs] [--by NAME]
                                            Take the returned workbook back: all or nothing; decide conflicts
  pruefstand dashboard --client NAME --pdf FILE [--json] [--today YYYY-MM-DD] [--lang de|en] [--db FILE]
                                            A client's status of remediation as a PDF: score over time per
                                            installation, open findings by severity, overdue and due soon
                                            (--json: the overview as JSON on standard output)
  pruefstand verify-store [--db FILE]       Verify the evidence store's hash chain
  pruefstand verify <pack.zip> [--fingerprint HEX] [--tsa-cert FILE]
                                            Verify an evidence pack's signature, files and time stamp
                                            (--tsa-cert: the certificate of the TSA or its CA, PEM)
  pruefstand import <run.zip>… [--db FILE] [--fingerprint HEX]
                                            Take run files (audit --out) into the store, verified
  pruefstand --version | --help

Options for audit:
  --checklist ID       checklist (default: mautic-dsgvo)
  --db FILE            evidence store (default: {defaultDb})
  --ca FILE            extra trusted CA (PEM), e.g. an internal CA
  --http-url URL       where the plain-HTTP redirect is tested (default: same host, port 80)
  --json FILE|-        write the result as JSON (- = standard output)
  --timeout-ms N       time limit per request (default: 10000)
  --concurrency N      checks run at once (default: 8)
  --client NAME        client the run is filed under (default: Ad-hoc); where it keeps registers, they
                       decide the ropa.* and dpa.* checks (else those stay manual)
  --vendors FILE       own vendor catalogue (YAML) instead of checklists/vendors.yaml
  --browser PATH       Chrome/Chromium/Edge for the landing-page visits (default: the installed one)
  --no-browser         do not visit landing pages in a browser (the consent.* checks then say error)
  --tracking-hosts FILE own list of tracking hosts and cookies instead of checklists/tracking-hosts.yaml
  --recheck-open       targeted re-audit: only the checks of the installation's open findings
  --lang de|en         output language (default: from the system locale)
  --quiet              no progress and no table
  --page URL           a landing page to check (repeatable)
  --form URL           a Mautic form page to check, e.g. https://…/form/3 (repeatable)
  --privacy-policy URL the privacy policy (else the site's link to it is followed)
  --config FILE        the installation's local.php (parsed, never run; secrets redacted)
  --crontab FILE       the output of crontab -l for the web server's user
  --ssh USER@HOST[:PORT]
                       read them over SSH instead: local.php, crontab, Mautic and PHP version
                       (read-only commands; not together with --config/--crontab)
  --ssh-key FILE       private SSH key (a passphrase is asked for on the terminal)
  --ssh-password       ask for the SSH password on the terminal (no echo; never as an argument)
                       neither: the ssh-agent from SSH_AUTH_SOCK
  --mautic-root PATH   Mautic folder on the server (else /var/www/html, /var/www/mautic,
                       /var/www/html/mautic)
  --web-user NAME      whose crontab is read, e.g. www-data (else the SSH user's)
  --ssh-host-key SHA256:…
                       expected host key (ssh-keygen -lf); else the key seen is recorded
  --pdf FILE           write the PDF audit report
  --xlsx FILE          write the Excel evidence pack
  --pack FILE          write the signed ZIP evidence pack (PDF, workbook, all evidence, manifest)
  --tsa URL            put an RFC 3161 time stamp from this time-stamping authority over the pack's manifest;
                       without one the pack is not written (--ca and --timeout-ms apply to it too)
  --auditor NAME       auditor named on the cover
  --compare previous|RUN
                       the reports compare the run with the previous one (previous) or another run of
                       the same installation: fixed, regressed, new, unchanged
  --out FILE           write a signed run file (ZIP); pruefstand import takes it into another store

Batch audit (audit --targets FILE.csv): one installation per row, columns (header row, ; or ,):
  client, installation, base URL, http URL, pages (several, separated by spaces or |), forms, policy URL,
  config (local.php, relative to the targets file), crontab, ssh (USER@HOST[:PORT], over the ssh-agent).
  Any bad row: nothing is audited (exit code 2, every error with its row and column).
  --concurrency N      installations audited at once (default: 4); at most 2 connections per host:port
  --probe-concurrency N
                       checks run at once per installation (default: 8)
  --summary FILE       one row per installation as .csv or .xlsx (repeatable)
  also: --db, --ca, --checklist, --timeout-ms, --vendors, --browser, --no-browser, --tracking-hosts, --lang,
        --quiet (one browser for all landing pages of the batch)
  Exit code: 0 all complete and none failed; 1 at least one installation with a failed check; 3 at least
  one incomplete or unreachable and none failed; 2 usage error or bad targets file; 130 cancelled (Ctrl+C;
  the runs begun stay stored as cancelled).

Exit code: 0 every automated check decided and none failed; 1 at least one failed; 2 usage error or
the target could not be audited at all; 3 incomplete: at least one automated check could not run (error)
and none failed; 130 cancelled (Ctrl+C).
verify: 0 pack intact, 1 pack changed, signature or time stamp invalid, 2 usage error or not a ZIP file.
pack, report: 0 written, 2 usage error or no time stamp from --tsa (the pack is then not written; with audit
the run is stored all the same).
import: 0 imported (or already there), 1 file changed, signature invalid or wrong signer (nothing written),
2 usage error or not a ZIP file.
dashboard: 0 written, 2 usage error, unknown client or the file cannot be written.`,
  usageHint: 'Help: pruefstand --help',
  errorPrefix: 'Error',
  missingRunId: 'the run number is missing (pruefstand report <run> --pdf FILE …)',
  invalidRunId: '"{value}" is not a run number',
  noReportTarget: 'where to? Give --pdf FILE, --xlsx FILE and/or --pack FILE',
  runNotFound: 'there is no run {runId} in {db}',
  reportStep: 'report: {step} ({done}/{total})',
  invalidCompare: '"{value}" is neither previous nor a run number (--compare)',
  compareNeedsReport: '--compare compares in the reports: give --pdf, --xlsx or --pack as well',
  compareSameRun: 'run {runId} cannot be compared with itself (--compare)',
  compareOtherInstallation: 'run {other} belongs to another installation than run {runId}: only runs of one installation are compared',
  compareNotThisInstallation: 'run {other} is not a run of {url}: only runs of one installation are compared',
  noPreviousRun: 'no earlier run of this installation (--compare previous): the reports have no comparison',
  reportWritten: 'written: {file}',
  unknownCommand: 'unknown command "{command}"',
  missingUrl: "the installation's https URL is missing",
  notHttps: '"{url}" is not an https URL: give the https address; the plain-HTTP redirect is tested automatically (--http-url)',
  invalidUrl: '"{url}" is not a valid URL',
  invalidNumber: '{option} takes a whole number from {min} to {max}, not "{value}"',
  invalidLang: '--lang takes de or en',
  caUnreadable: 'CA file {file}: {reason}',
  sshInvalidTarget: '--ssh takes USER@HOST[:PORT], not "{value}"',
  sshWithConfig: '--ssh cannot be combined with --config/--crontab: read over SSH or give the files',
  sshOptionWithoutSsh: '{option} only works together with --ssh USER@HOST',
  sshKeyAndPassword: '--ssh-key and --ssh-password cannot be combined',
  sshInvalidRoot: '--mautic-root takes an absolute path on the server, not "{value}"',
  sshInvalidUser: '--web-user takes a user name like www-data, not "{value}"',
  sshInvalidHostKey: '--ssh-host-key takes a SHA256 fingerprint as ssh-keygen -lf prints it (SHA256:…), not "{value}"',
  sshNoAuth: 'how to log in? Give --ssh-key FILE or --ssh-password, or start an ssh-agent (SSH_AUTH_SOCK)',
  sshKeyUnreadable: 'SSH key {file}: {reason}',
  sshKeyInvalid: '{file} is not a usable private SSH key ({reason})',
  sshBadPassphrase: 'wrong passphrase for {file}',
  sshPassphraseNeedsTty: '{file} is encrypted: its passphrase can only be asked for on a terminal',
  sshPasswordNeedsTty: '--ssh-password: the password for {where} can only be asked for on a terminal (never as an argument)',
  sshPassphrasePrompt: 'Passphrase for {file}: ',
  sshPasswordPrompt: 'SSH password for {where}: ',
  sshPromptCancelled: 'input cancelled',
  unreachable: 'target unreachable: {reason}',
  progress: 'Checking {done}/{total}',
  running: 'running: {names}',
  cancelled: 'Cancelled; the run is stored as cancelled.',
  colItem: 'Item',
  colVerdict: 'Verdict',
  colSeverity: 'Severity',
  colDecided: 'Decided',
  colTitle: 'Title',
  findings: 'Findings',
  score: 'Compliance score',
  headerScore: 'Header score (MDN Observatory)',
  mauticVersion: 'Mautic version (detected from /mtc.js)',
  notDecided: 'not decided yet',
  stored: 'Run {runId} stored in {db}',
  sshHostKeySeen: 'SSH host key of {host}: {key} — check it, and pin it from now on with --ssh-host-key {key}.',
  jsonWritten: 'JSON written: {file}',
  verifyOk: 'Evidence store intact: {entries} entries, {blobs} files checked ({db}).',
  verifyBroken: 'Evidence store BROKEN: entry {seq} (evidence {evidenceId}): {reason}',
  storeMissing: 'no evidence store at {db}',
  packMissing: 'the evidence pack (ZIP file) is missing',
  packNotFound: 'no file at {file}',
  packNotZip: '{file} is not a ZIP file ({reason})',
  packUnreadableFile: 'cannot read {file}: {reason}',
  packFile: 'Evidence pack: {file}',
  packRun: 'Run {runId} · {targetUrl} · checklist {checklist} {version} · created {createdAt}',
  packJudgement: 'Auditor\'s judgement: {checkId} {kind} {status} (measured {measured}) by {by} on {at}, in run {run}, {attachments} attachment(s){stale}',
  packJudgementStale: ' – no longer fits the measurement',
  packSigner: 'Signer (SHA-256 fingerprint of the public key): {fingerprint}',
  packSignerUnknown: 'Signer: unknown (no usable public key in the manifest)',
  packSignerCompare: "Compare the fingerprint with the auditor's (or pin it with --fingerprint).",
  packSignerExpected: 'Signer as expected (--fingerprint).',
  packSignerUnexpected: 'WRONG signer: expected {expected}',
  packSignatureValid: 'Signature: valid',
  packSignatureInvalid: 'Signature: INVALID',
  packProblemLine: '  {path}: {problem} – {reason}',
  packChanged: 'CHANGED',
  packAdded: 'ADDED',
  packRemoved: 'REMOVED',
  packUnreadable: 'UNREADABLE',
  packReasonContent: 'content does not match the SHA-256 in the manifest',
  packReasonSignature: 'manifest.sig does not match manifest.json (manifest or signature changed)',
  packReasonFingerprint: "the stated fingerprint is not that of the enclosed key",
  packReasonNotListed: 'not listed in the manifest',
  packReasonDuplicate: 'duplicate entry in the ZIP',
  packReasonMissing: 'listed in the manifest, missing from the ZIP',
  packReasonUnsafeName: 'unsafe path (absolute or with ".."), not read',
  packReasonTooLarge: 'too large, not extracted',
  packReasonTooMany: 'too many entries, not checked',
  packReasonUnsupported: 'encrypted or unknown compression',
  packReasonReadError: 'corrupt data',
  packReasonBadManifest: 'not a valid pack manifest',
  packReasonBadSignature: 'not a base64 Ed25519 signature',
  packIntact: 'Pack intact: {files} files match the signed manifest.',
  packBroken: 'Pack NOT intact: {count} problem(s).',
};

export type TextKey = keyof typeof de;

const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  de: { pass: 'bestanden', fail: 'NICHT ERFÜLLT', warn: 'Warnung', manual: 'manuell', error: 'Fehler', not_applicable: 'n. a.' },
  en: { pass: 'pass', fail: 'FAIL', warn: 'warn', manual: 'manual', error: 'error', not_applicable: 'n/a' },
};

const SEVERITY_LABELS: Record<Lang, Record<string, string>> = {
  de: { critical: 'kritisch', high: 'hoch', medium: 'mittel', low: 'niedrig' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
};

/** `{name}` in a template replaced by params.name; unknown names stay as they are. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function text(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}

export const statusLabel = (lang: Lang, s: Status) => STATUS_LABELS[lang][s];
export const severityLabel = (lang: Lang, s: string) => SEVERITY_LABELS[lang][s] ?? s;

/** German for German-speaking users, English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^de([_.-]|$)/i.test(locale) ? 'de' : 'en';
}
